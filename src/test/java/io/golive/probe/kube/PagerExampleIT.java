package io.golive.probe.kube;

import static io.golive.probe.kube.KubeObjects.certificate;
import static io.golive.probe.kube.KubeObjects.deployment;
import static io.golive.probe.kube.KubeObjects.hpa;
import static io.golive.probe.kube.KubeObjects.namespace;
import static io.golive.probe.kube.KubeObjects.pod;
import static io.golive.probe.kube.KubeObjects.storageClass;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.golive.checklist.ChecklistImporter;
import io.golive.probe.SpecRun;
import io.golive.spec.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/pager-kubernetes as a user runs it: seed 003's checklist and the example's golive.yaml,
 * KUBECONFIG pointing at a mock API server holding the pager system's cluster.
 */
class PagerExampleIT {
    private static final Path EXAMPLE = Path.of("examples/pager-kubernetes").toAbsolutePath();
    private static final List<String> KUBE_ITEMS = List.of(
            "Kubernetes cluster version verified (1.24+)",
            "Required namespaces created",
            "RBAC permissions configured",
            "Storage classes available",
            "Network policies applied",
            "Ingress controller installed",
            "cert-manager installed and configured",
            "Monitoring stack (Prometheus/Grafana) deployed",
            "Deploy application pods",
            "Auto-scaling working",
            "SSL certificates issued");

    @TempDir
    Path dir;

    @Test
    void everyKubernetesItemOfSeed003PassesOnAHealthyCluster() throws Exception {
        try (MockCluster cluster = MockCluster.start("v1.29.4")) {
            healthyPagerCluster(cluster);
            SpecRun run = run(cluster);
            assertThat(run.results())
                    .extracting(r -> r.name() + ": " + r.observation().status())
                    .containsExactlyElementsOf(
                            KUBE_ITEMS.stream().map(i -> i + ": PASS").toList());
            assertThat(run.check("Kubernetes cluster version verified (1.24+)")
                            .observation()
                            .summary())
                    .isEqualTo("Kubernetes v1.29.4 (>= 1.24)");
        }
    }

    @Test
    void aBrokenClusterFailsTheItemsItBreaks() throws Exception {
        try (MockCluster cluster = MockCluster.start("v1.23.17")) {
            healthyPagerCluster(cluster);
            cluster.admin()
                    .apps()
                    .deployments()
                    .inNamespace("pager")
                    .withName("pager-api")
                    .delete();
            cluster.seed(deployment("pager", "pager-api", "pager/api:2.4.0", 3, 3, 2));
            SpecRun run = run(cluster);
            assertThat(run.check("Kubernetes cluster version verified (1.24+)")
                            .observation()
                            .summary())
                    .isEqualTo("Kubernetes v1.23.17 is not >= 1.24");
            assertThat(run.check("Deploy application pods").observation().summary())
                    .isEqualTo("deployments: pager/pager-api: 2/3 ready");
            assertThat(run.results())
                    .allSatisfy(r -> assertThat(r.observation().status().name()).isIn("PASS", "FAIL"));
            assertThat(run.evaluation().decision()).isEqualTo(io.golive.gate.Decision.NO_GO);
        }
    }

    @Test
    void initSuggestsTheKubernetesProbeForTheseItems() throws Exception {
        var checklist = new ChecklistImporter().importFile(EXAMPLE.resolve("GO_LIVE_CHECKLIST.md"));
        for (String text : KUBE_ITEMS) {
            assertThat(Suggestions.forText(text))
                    .as(text)
                    .hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo("kubernetes"));
        }
        assertThat(checklist.allItems()).extracting(i -> i.text()).containsAll(KUBE_ITEMS);
    }

    private SpecRun run(MockCluster cluster) throws Exception {
        Path kubeconfig = cluster.kubeconfig(dir, "default");
        return SpecRun.of(
                dir,
                Files.readString(EXAMPLE.resolve("GO_LIVE_CHECKLIST.md")),
                Files.readString(EXAMPLE.resolve("golive.yaml"))
                        .replace("checklist: GO_LIVE_CHECKLIST.md", "checklist: LAUNCH.md"),
                Map.of("KUBECONFIG", kubeconfig.toString()));
    }

    private static void healthyPagerCluster(MockCluster c) {
        for (String ns : List.of("pager", "monitoring", "cert-manager", "ingress-nginx")) {
            c.seed(namespace(ns, "Active"));
        }
        c.grant("create", "deployments", "pager");
        c.grant("update", "deployments", "pager");
        c.seed(storageClass("gp3", true));
        for (String p : List.of("default-deny", "allow-ingress-nginx")) {
            c.seed(new NetworkPolicyBuilder()
                    .withNewMetadata()
                    .withNamespace("pager")
                    .withName(p)
                    .endMetadata()
                    .withNewSpec()
                    .withNewPodSelector()
                    .endPodSelector()
                    .withPolicyTypes("Ingress")
                    .endSpec()
                    .build());
        }
        c.seed(new IngressClassBuilder()
                .withNewMetadata()
                .withName("nginx")
                .endMetadata()
                .withNewSpec()
                .withController("k8s.io/ingress-nginx")
                .endSpec()
                .build());
        c.seed(new DaemonSetBuilder()
                .withNewMetadata()
                .withNamespace("ingress-nginx")
                .withName("ingress-nginx-controller")
                .endMetadata()
                .withNewStatus()
                .withObservedGeneration(1L)
                .withDesiredNumberScheduled(3)
                .withUpdatedNumberScheduled(3)
                .withNumberReady(3)
                .withNumberAvailable(3)
                .endStatus()
                .build());
        KubeObjects.certManagerCrds().forEach(c::seed);
        for (String d : List.of("cert-manager", "cert-manager-webhook", "cert-manager-cainjector")) {
            c.seed(deployment("cert-manager", d, "quay.io/jetstack/" + d + ":v1.16.2", 1, 1, 1));
        }
        c.seed(deployment("monitoring", "grafana", "grafana/grafana:11.3.0", 1, 1, 1));
        c.seed(new StatefulSetBuilder()
                .withNewMetadata()
                .withNamespace("monitoring")
                .withName("prometheus-server")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withServiceName("prometheus")
                .endSpec()
                .withNewStatus()
                .withObservedGeneration(1L)
                .withReplicas(2)
                .withReadyReplicas(2)
                .withUpdatedReplicas(2)
                .endStatus()
                .build());
        c.seed(deployment("pager", "pager-api", "pager/api:2.4.0", 3, 3, 3));
        c.seed(deployment("pager", "pager-worker", "pager/worker:2.4.0", 2, 2, 2));
        c.seed(pod("pager-api-7c9d-abcde", "pager-api", "Running", null, 0));
        c.seed(pod("pager-api-7c9d-fghij", "pager-api", "Running", null, 1));
        c.seed(hpa("pager-api", 3, 12, 3, true));
        c.admin()
                .genericKubernetesResources(CertificatesCheck.CERTIFICATE)
                .inNamespace("pager")
                .resource(certificate(
                        "pager",
                        "pager-tls",
                        true,
                        "Ready",
                        "Certificate is up to date and has not expired",
                        Instant.now().plus(Duration.ofDays(75)).toString()))
                .create();
    }
}
