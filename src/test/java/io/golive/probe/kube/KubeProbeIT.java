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
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.golive.checklist.ThresholdParser;
import io.golive.probe.Observation;
import io.golive.probe.Status;
import io.golive.spec.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kubernetes probe against fabric8's mock API server in CRUD mode, holding realistic objects. */
class KubeProbeIT {
    @TempDir
    Path dir;

    private MockCluster cluster;
    private KubeRunner runner;
    private String kubeconfig;

    @BeforeEach
    void start() throws IOException {
        cluster = MockCluster.start("v1.27.3");
        kubeconfig = cluster.kubeconfig(dir, "pager").toString();
        runner = new KubeRunner(dir);
    }

    @AfterEach
    void stop() {
        runner.close();
        cluster.close();
    }

    @Test
    void clusterBelowTheMinimumVersionFails() {
        try (MockCluster old = MockCluster.start("v1.23.17")) {
            Path config = write("old", old);
            Observation o = runner.run(Map.of("kubeconfig", config.toString(), "minVersion", "1.24"));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.summary()).isEqualTo("Kubernetes v1.23.17 is not >= 1.24");
            assertThat(o.measurements())
                    .containsEntry("serverVersion", "1.23.17")
                    .containsEntry("minVersion", "1.24");
        }
    }

    @Test
    void theItemsVersionThresholdIsInherited() {
        Observation o = runner.run(
                KubeRunner.config(Map.of("kubeconfig", kubeconfig)),
                ThresholdParser.findAll("Kubernetes cluster version verified (1.24+)"),
                Map.of(),
                Duration.ofSeconds(10));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).isEqualTo("Kubernetes v1.27.3 (>= 1.24)");
    }

    @Test
    void namespacesMustExistAndBeActive() {
        cluster.seed(namespace("pager", "Active"));
        cluster.seed(namespace("monitoring", "Terminating"));
        Observation o = runner.run(
                Map.of("kubeconfig", kubeconfig, "namespaces", List.of("pager", "monitoring", "cert-manager")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("namespaces: monitoring is Terminating; cert-manager does not exist");
        assertThat(o.measurements()).containsEntry("namespacesOk", 1).containsEntry("namespacesFailing", 2);
    }

    @Test
    void aDeploymentWithTwoOfThreeReadyFailsNamingIt() {
        cluster.seed(deployment("pager", "api", "pager/api:2.4.0", 3, 3, 2));
        cluster.seed(deployment("pager", "worker", "pager/worker:2.4.0", 2, 2, 2));
        Observation o = runner.run(Map.of("kubeconfig", kubeconfig, "deployments", List.of("api", "pager/worker")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("deployments: pager/api: 2/3 ready");
        assertThat(o.measurements()).containsEntry("deploymentsOk", 1).containsEntry("deploymentsFailing", 1);
    }

    @Test
    void rolledOutDeploymentsPass() {
        cluster.seed(deployment("pager", "api", "pager/api:2.4.0", 3, 3, 3));
        Observation o = runner.run(Map.of("kubeconfig", kubeconfig, "deployments", "pager/api"));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).isEqualTo("deployments rolled out and ready: pager/api");
    }

    @Test
    void aNamedObjectThatDoesNotExistFails() {
        Observation o = runner.run(Map.of("kubeconfig", kubeconfig, "deployments", List.of("pager/ghost")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("deployments: pager/ghost does not exist");
    }

    @Test
    void aCertificateNotReadyFailsWithItsMessage() {
        KubeObjects.certManagerCrds().forEach(cluster::seed);
        cluster.admin()
                .genericKubernetesResources(CertificatesCheck.CERTIFICATE)
                .inNamespace("pager")
                .resource(certificate(
                        "pager",
                        "pager-tls",
                        false,
                        "DoesNotExist",
                        "Issuing certificate as Secret does not exist",
                        "2027-03-01T00:00:00Z"))
                .create();
        Observation o = runner.run(Map.of("kubeconfig", kubeconfig, "certificates", List.of("pager/pager-tls")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .isEqualTo(
                        "certificates: pager/pager-tls not Ready: DoesNotExist: Issuing certificate as Secret does not exist");
    }

    @Test
    void readyCertificatesPassWithTheirDaysLeft() {
        KubeObjects.certManagerCrds().forEach(cluster::seed);
        String notAfter =
                Instant.now().plus(Duration.ofDays(60)).plusSeconds(3600).toString();
        cluster.admin()
                .genericKubernetesResources(CertificatesCheck.CERTIFICATE)
                .inNamespace("pager")
                .resource(certificate(
                        "pager", "pager-tls", true, "Ready", "Certificate is up to date and has not expired", notAfter))
                .create();
        Observation o =
                runner.run(Map.of("kubeconfig", kubeconfig, "certificates", List.of("pager"), "minDaysValid", 14));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).isEqualTo("certificates Ready: pager/pager-tls (60 days left)");
        assertThat(o.measurements()).containsEntry("daysLeft", 60L);
    }

    @Test
    void certificatesWithoutCertManagerFail() {
        Observation o = runner.run(Map.of("kubeconfig", kubeconfig, "certificates", List.of("pager/pager-tls")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("Certificate kind is not installed");
    }

    @Test
    void statefulSetsAndDaemonSetsMustBeUpdatedAndReady() {
        cluster.seed(new StatefulSetBuilder()
                .withNewMetadata()
                .withNamespace("pager")
                .withName("postgres")
                .withGeneration(2L)
                .endMetadata()
                .withNewSpec()
                .withReplicas(3)
                .withServiceName("postgres")
                .endSpec()
                .withNewStatus()
                .withObservedGeneration(2L)
                .withReplicas(3)
                .withReadyReplicas(3)
                .withUpdatedReplicas(1)
                .withUpdateRevision("postgres-7d9f")
                .endStatus()
                .build());
        cluster.seed(new DaemonSetBuilder()
                .withNewMetadata()
                .withNamespace("monitoring")
                .withName("node-exporter")
                .endMetadata()
                .withNewStatus()
                .withObservedGeneration(1L)
                .withDesiredNumberScheduled(4)
                .withUpdatedNumberScheduled(4)
                .withNumberReady(4)
                .withNumberAvailable(4)
                .endStatus()
                .build());
        Observation o = runner.run(Map.of(
                "kubeconfig",
                kubeconfig,
                "statefulSets",
                List.of("postgres"),
                "daemonSets",
                List.of("monitoring/node-exporter")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .isEqualTo("statefulSets: pager/postgres: 1 of 3 replicas updated to revision postgres-7d9f");
        assertThat(o.measurements()).containsEntry("daemonSetsOk", 1).containsEntry("statefulSetsFailing", 1);
    }

    @Test
    void anHpaWithoutCurrentMetricsFails() {
        cluster.seed(hpa("api", 2, 10, 3, true));
        cluster.seed(hpa("worker", 2, 10, 2, false));
        Observation o = runner.run(Map.of("kubeconfig", kubeconfig, "hpa", List.of("pager/api", "pager/worker")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .isEqualTo(
                        "hpa: pager/worker: no current metrics (is the metrics server running?) "
                                + "FailedGetResourceMetric: the HPA was unable to compute the replica count: unable to get metrics for resource cpu");
    }

    @Test
    void anHpaWithinItsBoundsOnCurrentMetricsPasses() {
        cluster.seed(hpa("api", 2, 10, 3, true));
        Observation o = runner.run(Map.of("kubeconfig", kubeconfig, "hpa", List.of("api")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.measurements()).containsEntry("currentReplicas", 3).containsEntry("maxReplicas", 10);
    }

    @Test
    void anIngressNeedsAnAddressAndAnIngressClassTheDefaultMark() {
        cluster.seed(new IngressBuilder()
                .withNewMetadata()
                .withNamespace("pager")
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withIngressClassName("nginx")
                .endSpec()
                .withNewStatus()
                .withNewLoadBalancer()
                .addNewIngress()
                .withIp("203.0.113.10")
                .endIngress()
                .endLoadBalancer()
                .endStatus()
                .build());
        cluster.seed(new IngressBuilder()
                .withNewMetadata()
                .withNamespace("pager")
                .withName("admin")
                .endMetadata()
                .withNewSpec()
                .withIngressClassName("nginx")
                .endSpec()
                .build());
        cluster.seed(new IngressClassBuilder()
                .withNewMetadata()
                .withName("nginx")
                .endMetadata()
                .withNewSpec()
                .withController("k8s.io/ingress-nginx")
                .endSpec()
                .build());
        Observation o = runner.run(Map.of(
                "kubeconfig",
                kubeconfig,
                "ingress",
                List.of("web", "admin"),
                "ingressClass",
                "nginx",
                "defaultIngressClass",
                true));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .isEqualTo(
                        "ingress: pager/admin has no address (no ingress controller has admitted it); "
                                + "IngressClass nginx is not marked the default (ingressclass.kubernetes.io/is-default-class: \"true\")");
    }

    @Test
    void anInstalledIngressControllerPasses() {
        cluster.seed(new IngressClassBuilder()
                .withNewMetadata()
                .withName("nginx")
                .withAnnotations(Map.of(IngressClassCheck.DEFAULT, "true"))
                .endMetadata()
                .withNewSpec()
                .withController("k8s.io/ingress-nginx")
                .endSpec()
                .build());
        Observation o = runner.run(Map.of("kubeconfig", kubeconfig, "ingressClass", "*", "defaultIngressClass", true));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).isEqualTo("IngressClass nginx (k8s.io/ingress-nginx), the default");
    }

    @Test
    void certManagerNeedsItsCrdsAndReadyDeployments() {
        KubeObjects.certManagerCrds().stream()
                .filter(c -> !c.getMetadata().getName().startsWith("clusterissuers"))
                .forEach(cluster::seed);
        cluster.seed(deployment(
                "cert-manager", "cert-manager", "quay.io/jetstack/cert-manager-controller:v1.16.2", 1, 1, 1));
        cluster.seed(deployment(
                "cert-manager", "cert-manager-webhook", "quay.io/jetstack/cert-manager-webhook:v1.16.2", 1, 1, 0));
        Observation o = runner.run(Map.of("kubeconfig", kubeconfig, "certManager", true));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .isEqualTo("certManager: CRD clusterissuers.cert-manager.io is not installed; "
                        + "cert-manager/cert-manager-webhook: 0/1 ready");
    }

    @Test
    void anInstalledCertManagerPasses() {
        KubeObjects.certManagerCrds().forEach(cluster::seed);
        for (String d : List.of("cert-manager", "cert-manager-webhook", "cert-manager-cainjector")) {
            cluster.seed(deployment("cert-manager", d, "quay.io/jetstack/" + d + ":v1.16.2", 1, 1, 1));
        }
        Observation o = runner.run(Map.of("kubeconfig", kubeconfig, "certManager", true));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.measurements()).containsEntry("certManagerOk", 7);
    }

    @Test
    void storageClassesAndTheDefaultOne() {
        cluster.seed(storageClass("standard", false));
        Observation o = runner.run(Map.of(
                "kubeconfig",
                kubeconfig,
                "storageClasses",
                List.of("standard", "fast-ssd"),
                "defaultStorageClass",
                true));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .isEqualTo(
                        "StorageClass fast-ssd does not exist (there are: standard); "
                                + "no StorageClass is marked the default (storageclass.kubernetes.io/is-default-class: \"true\")");
        cluster.seed(storageClass("fast-ssd", true));
        Observation again = runner.run(Map.of(
                "kubeconfig",
                kubeconfig,
                "storageClasses",
                List.of("standard", "fast-ssd"),
                "defaultStorageClass",
                true));
        assertThat(again.status()).isEqualTo(Status.PASS);
        assertThat(again.measurements())
                .containsEntry("defaultStorageClass", "fast-ssd")
                .containsEntry("storageClasses", 2);
    }

    @Test
    void networkPoliciesPerNamespaceOrByName() {
        cluster.seed(new NetworkPolicyBuilder()
                .withNewMetadata()
                .withNamespace("pager")
                .withName("default-deny")
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .endPodSelector()
                .withPolicyTypes("Ingress", "Egress")
                .endSpec()
                .build());
        Observation o = runner.run(Map.of(
                "kubeconfig",
                kubeconfig,
                "networkPolicies",
                List.of("pager", "pager/default-deny", "pager/allow-ingress", "monitoring")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .isEqualTo(
                        "networkPolicies: pager/allow-ingress does not exist; no NetworkPolicy in namespace monitoring");
        assertThat(o.measurements()).containsEntry("networkPoliciesOk", 2);
    }

    @Test
    void rbacReviewsMustAnswerAsExpected() {
        cluster.grant("create", "deployments", "pager");
        Map<String, Object> can = new LinkedHashMap<>();
        can.put("create deployments -n pager", true);
        can.put("get secrets", false);
        Observation o = runner.run(Map.of("kubeconfig", kubeconfig, "can", can));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary())
                .isEqualTo("can as expected: may create deployments.apps in pager, may not get secrets in pager");

        Observation forbidden = runner.run(Map.of("kubeconfig", kubeconfig, "can", List.of("delete namespaces")));
        assertThat(forbidden.status()).isEqualTo(Status.FAIL);
        assertThat(forbidden.summary()).isEqualTo("can: may not delete namespaces");

        cluster.grant("get", "secrets", "pager");
        Observation tooMuch = runner.run(Map.of("kubeconfig", kubeconfig, "can", Map.of("get secrets", false)));
        assertThat(tooMuch.status()).isEqualTo(Status.FAIL);
        assertThat(tooMuch.summary()).startsWith("can: may get secrets in pager, expected denied");
    }

    @Test
    void crashLoopingPodsFailAndRestartsAreCounted() {
        cluster.seed(pod("api-7c9d-abcde", "pager-api", "Running", null, 1));
        cluster.seed(pod("api-7c9d-fghij", "pager-api", "Running", "CrashLoopBackOff", 12));
        cluster.seed(pod("worker-5f6b-klmno", "pager-worker", "Pending", "ImagePullBackOff", 0));
        Observation o =
                runner.run(Map.of("kubeconfig", kubeconfig, "pods", List.of("pager/app=pager-api"), "maxRestarts", 3));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .isEqualTo("pods: 1 of 2 pods in pager (app=pager-api): api-7c9d-fghij is in CrashLoopBackOff");
        assertThat(o.measurements()).containsEntry("podCount", 2).containsEntry("restartsMax", 12);

        Observation all = runner.run(Map.of("kubeconfig", kubeconfig, "pods", List.of("pager")));
        assertThat(all.summary()).contains("worker-5f6b-klmno is in ImagePullBackOff");
        Observation none = runner.run(Map.of("kubeconfig", kubeconfig, "pods", List.of("pager/app=ghost")));
        assertThat(none.status()).isEqualTo(Status.FAIL);
        assertThat(none.summary()).isEqualTo("pods: no pods in pager (app=ghost)");
    }

    @Test
    void anUnreachableApiServerIsAnErrorWithinTheDeadline() throws IOException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path config = MockCluster.writeKubeconfig(
                dir.resolve("down"), "http://127.0.0.1:" + closed, MockCluster.TOKEN, "pager");
        long start = System.nanoTime();
        Observation o = runner.run(
                KubeRunner.config(Map.of(
                        "kubeconfig",
                        config.toString(),
                        "namespaces",
                        List.of("pager"),
                        "deployments",
                        List.of("api"))),
                List.of(),
                Map.of(),
                Duration.ofSeconds(2));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary())
                .isEqualTo("cannot read namespace pager: the API server http://127.0.0.1:" + closed
                        + "/ refused the connection");
        assertThat(o.measurements()).containsEntry("requests", 1);
    }

    @Test
    void aMissingKubeconfigIsAnErrorNamingTheFile() {
        Observation o = runner.run(Map.of("kubeconfig", "clusters/prod.yaml"));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).isEqualTo("kubeconfig " + dir.resolve("clusters/prod.yaml") + " does not exist");
        Observation none = runner.run(Map.of());
        assertThat(none.status()).isEqualTo(Status.ERROR);
        assertThat(none.summary())
                .startsWith("no kubeconfig: $KUBECONFIG is not set, " + dir.resolve("home/.kube/config"));
    }

    @Test
    void anUnknownContextIsAnErrorListingTheOthers() {
        Observation o = runner.run(Map.of("kubeconfig", kubeconfig, "context", "prod"));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).isEqualTo("kubeconfig " + kubeconfig + " has no context 'prod' (it has: mock)");
    }

    @Test
    void theTargetNamesTheClusterAndTheTokenIsNeverShown() {
        Target target = new Target("cluster", Map.of("kubeconfig", "kubeconfig", "namespace", "ops"));
        Observation o = runner.run(
                KubeRunner.config(Map.of("target", "cluster", "deployments", List.of("api"))),
                List.of(),
                Map.of("cluster", target),
                Duration.ofSeconds(10));
        assertThat(o.summary()).isEqualTo("deployments: ops/api does not exist");
        assertThat(o.evidence()).containsEntry("namespace", "ops").containsEntry("server", cluster.url() + "/");
        assertThat(o.toString()).doesNotContain(MockCluster.TOKEN);
    }

    @Test
    void theChecksOfARunShareOneClient() {
        for (int i = 0; i < 5; i++) {
            assertThat(runner.run(Map.of("kubeconfig", kubeconfig)).status()).isEqualTo(Status.PASS);
        }
        assertThat(runner.clients().opened()).isEqualTo(1);
        assertThat(runner.run(Map.of("kubeconfig", kubeconfig)).evidence().get("client"))
                .isEqualTo("reused client (1 made in this process)");
    }

    private Path write(String name, MockCluster c) {
        try {
            return MockCluster.writeKubeconfig(dir.resolve(name + ".kubeconfig"), c.url(), MockCluster.TOKEN, "pager");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
