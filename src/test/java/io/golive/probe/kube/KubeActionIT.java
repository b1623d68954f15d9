package io.golive.probe.kube;

import static io.golive.probe.kube.KubeObjects.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.golive.rollout.Action;
import io.golive.rollout.ActionResult;
import io.golive.rollout.ActionSite;
import io.golive.spec.Node;
import io.golive.spec.Node.MapNode;
import io.golive.spec.Node.ScalarNode;
import io.golive.spec.Problems;
import io.golive.spec.Secrets;
import io.golive.spec.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kubernetes rollout actions against fabric8's mock API server in CRUD mode. */
class KubeActionIT {
    @TempDir
    Path dir;

    private MockCluster cluster;
    private KubeClients clients;
    private KubeActionKind kind;
    private Map<String, Target> targets;

    @BeforeEach
    void start() throws Exception {
        cluster = MockCluster.start("v1.29.4");
        Path kubeconfig = cluster.kubeconfig(dir, "shop");
        clients = new KubeClients();
        kind = new KubeActionKind(
                clients, new KubeEnv(Map.of(), dir.resolve("home"), dir.resolve("sa")), Clock.systemUTC());
        targets = Map.of("cluster", new Target("cluster", Map.of("kubeconfig", kubeconfig.toString())));
    }

    @AfterEach
    void stop() {
        clients.close();
        cluster.close();
    }

    @Test
    void trafficWeightsAreWrittenToTheCanaryIngressAndReadBack() {
        cluster.seed(canaryIngress("checkout-canary", true));
        Action traffic = bind("traffic", Map.of("target", "cluster", "canaryIngress", "checkout-canary"))
                .orElseThrow();
        List<String> seen = new ArrayList<>();
        for (int weight : List.of(10, 50, 100)) {
            ActionResult r = traffic.run(weight, Duration.ofSeconds(15));
            assertThat(r.ok()).as(r.summary()).isTrue();
            seen.add(annotations("checkout-canary").get(KubeAction.WEIGHT));
        }
        assertThat(seen).containsExactly("10", "50", "100");
        assertThat(traffic.run(0, Duration.ofSeconds(15)).summary())
                .isEqualTo("nginx.ingress.kubernetes.io/canary-weight 100 -> 0 on shop/checkout-canary, read back");
        assertThat(traffic.describe())
                .isEqualTo(Map.of("kubernetes", Map.of("target", "cluster", "canaryIngress", "checkout-canary")));
    }

    @Test
    void trafficAsReplicasGivesTheCanaryItsShareRoundedUp() {
        cluster.seed(deployment("shop", "checkout", "shop/checkout:1.9.3", 10, 10, 10));
        cluster.seed(deployment("shop", "checkout-canary", "shop/checkout:2.0.0", 0, 0, 0));
        Action traffic = bind(
                        "traffic",
                        Map.of("target", "cluster", "stable", "checkout", "canary", "checkout-canary", "replicas", 10L))
                .orElseThrow();
        Thread controller = Thread.ofVirtual().start(this::deploymentController);
        List<String> seen = new ArrayList<>();
        try {
            for (int weight : List.of(1, 10, 50, 100, 0)) {
                ActionResult r = traffic.run(weight, Duration.ofSeconds(15));
                assertThat(r.ok()).as(r.summary()).isTrue();
                seen.add(replicas("checkout-canary") + "/" + replicas("checkout"));
            }
        } finally {
            controller.interrupt();
        }
        assertThat(seen).containsExactly("1/9", "1/9", "5/5", "10/0", "0/10");
    }

    @Test
    void anIngressThatIsNotACanaryIsRefused() {
        cluster.seed(canaryIngress("checkout", false));
        ActionResult r = bind("traffic", Map.of("target", "cluster", "canaryIngress", "checkout"))
                .orElseThrow()
                .run(10, Duration.ofSeconds(15));
        assertThat(r.ok()).isFalse();
        assertThat(r.summary())
                .isEqualTo(
                        "shop/checkout is not an ingress-nginx canary (nginx.ingress.kubernetes.io/canary is not \"true\")");
        assertThat(annotations("checkout")).doesNotContainKey(KubeAction.WEIGHT);
    }

    @Test
    void aBreachRollsTheDeploymentBackToThePreviousReplicaSetsImage() throws Exception {
        Deployment d = cluster.seed(withRevision(deployment("shop", "checkout", "shop/checkout:2.0.0", 3, 3, 3), "2"));
        cluster.seed(replicaSet(d, "checkout-6d4b8c", "1", "shop/checkout:1.9.3"));
        cluster.seed(replicaSet(d, "checkout-7f9a21", "2", "shop/checkout:2.0.0"));
        Action rollback = bind(
                        "rollback", Map.of("target", "cluster", "namespace", "shop", "undo", "deployment/checkout"))
                .orElseThrow();
        Thread controller = Thread.ofVirtual().start(this::deploymentController);
        try {
            ActionResult r = rollback.run(0, Duration.ofSeconds(10));
            assertThat(r.ok()).as(r.summary()).isTrue();
            assertThat(r.summary())
                    .isEqualTo("rolled back deployment shop/checkout from revision 2 (shop/checkout:2.0.0)"
                            + " to revision 1 (shop/checkout:1.9.3), rolled out");
        } finally {
            controller.interrupt();
        }
        Deployment after = cluster.admin()
                .apps()
                .deployments()
                .inNamespace("shop")
                .withName("checkout")
                .get();
        assertThat(after.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()
                        .getImage())
                .isEqualTo("shop/checkout:1.9.3");
        assertThat(after.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("pod-template-hash");
    }

    @Test
    void aRollbackThatDoesNotRollOutFailsAtTheTimeout() {
        Deployment d = cluster.seed(withRevision(deployment("shop", "checkout", "shop/checkout:2.0.0", 3, 3, 1), "2"));
        cluster.seed(replicaSet(d, "checkout-6d4b8c", "1", "shop/checkout:1.9.3"));
        long start = System.nanoTime();
        ActionResult r = bind("rollback", Map.of("target", "cluster", "undo", "deployment/checkout"))
                .orElseThrow()
                .run(0, Duration.ofMillis(1500));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        assertThat(r.ok()).isFalse();
        assertThat(r.summary())
                .endsWith(
                        "but it had not rolled out by the timeout: not rolled out: the controller has not seen generation 2"
                                + " (observed 1)");
    }

    @Test
    void aDeploymentWithoutAnEarlierRevisionCannotBeRolledBack() {
        Deployment d = cluster.seed(withRevision(deployment("shop", "checkout", "shop/checkout:2.0.0", 3, 3, 3), "1"));
        cluster.seed(replicaSet(d, "checkout-7f9a21", "1", "shop/checkout:2.0.0"));
        ActionResult r = bind("rollback", Map.of("target", "cluster", "undo", "deployment/checkout"))
                .orElseThrow()
                .run(0, Duration.ofSeconds(15));
        assertThat(r.ok()).isFalse();
        assertThat(r.summary())
                .isEqualTo(
                        "deployment shop/checkout has no previous revision to roll back to (revision 1, 1 replica sets)");
    }

    @Test
    void badActionConfigurationIsAProblemNamingTheKey() {
        Problems problems = new Problems("golive.yaml");
        assertThat(bind(
                        "traffic",
                        Map.of("target", "cluster", "undo", "deployment/checkout", "weight", "10"),
                        problems))
                .isEmpty();
        assertThat(bind("rollback", Map.of("undo", "checkout"), problems)).isEmpty();
        assertThat(bind("traffic", Map.of("target", "cluster"), problems)).isEmpty();
        assertThat(text(problems))
                .contains("rollout.traffic.kubernetes: unknown key 'weight'")
                .contains("rollout.traffic.kubernetes.undo: belongs under rollout.rollback")
                .contains("rollout.rollback.kubernetes.undo: 'checkout' is not deployment/NAME")
                .contains(
                        "rollout.traffic.kubernetes: expected canaryIngress: NAME or stable + canary + replicas (traffic), or undo: deployment/NAME (rollback)");
    }

    /** What the deployment controller does, enough for a rollback: it observes the new generation and rolls it out. */
    private void deploymentController() {
        while (!Thread.currentThread().isInterrupted()) {
            for (Deployment d : cluster.admin()
                    .apps()
                    .deployments()
                    .inNamespace("shop")
                    .list()
                    .getItems()) {
                Long generation = d.getMetadata().getGeneration();
                int desired = d.getSpec().getReplicas();
                var st = d.getStatus();
                if (generation != null && st.getObservedGeneration() < generation || st.getReadyReplicas() != desired) {
                    st.setObservedGeneration(generation);
                    st.setReplicas(desired);
                    st.setUpdatedReplicas(desired);
                    st.setReadyReplicas(desired);
                    st.setAvailableReplicas(desired);
                    cluster.admin().resource(d).updateStatus();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private int replicas(String deployment) {
        return cluster.admin()
                .apps()
                .deployments()
                .inNamespace("shop")
                .withName(deployment)
                .get()
                .getSpec()
                .getReplicas();
    }

    private Optional<Action> bind(String role, Map<String, ?> values) {
        Problems problems = new Problems("golive.yaml");
        Optional<Action> a = bind(role, values, problems);
        assertThat(text(problems)).isEmpty();
        return a;
    }

    private Optional<Action> bind(String role, Map<String, ?> values, Problems problems) {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        int line = 10;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            entries.put(e.getKey(), new ScalarNode(++line, e.getValue()));
            lines.put(e.getKey(), line);
        }
        return kind.bind(new MapNode(10, entries, lines), new ActionSite(role, dir, targets, Secrets.none()), problems);
    }

    private static String text(Problems problems) {
        try {
            problems.throwIfAny();
            return "";
        } catch (io.golive.InputException e) {
            return String.join("\n", e.problems());
        }
    }

    private Map<String, String> annotations(String ingress) {
        return cluster.admin()
                .network()
                .v1()
                .ingresses()
                .inNamespace("shop")
                .withName(ingress)
                .get()
                .getMetadata()
                .getAnnotations();
    }

    private static io.fabric8.kubernetes.api.model.networking.v1.Ingress canaryIngress(String name, boolean canary) {
        Map<String, String> annotations =
                canary ? Map.of(KubeAction.CANARY, "true") : Map.of("kubernetes.io/ingress.class", "nginx");
        return new IngressBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName(name)
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withIngressClassName("nginx")
                .addNewRule()
                .withHost("shop.example.com")
                .withNewHttp()
                .addNewPath()
                .withPath("/")
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName(name)
                .withNewPort()
                .withNumber(8080)
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build();
    }

    private static Deployment withRevision(Deployment d, String revision) {
        d.getMetadata().setAnnotations(Map.of(DeploymentUndo.REVISION, revision));
        return d;
    }

    private static ReplicaSet replicaSet(Deployment owner, String name, String revision, String image) {
        String hash = name.substring(name.lastIndexOf('-') + 1);
        return new ReplicaSetBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName(name)
                .withAnnotations(Map.of(DeploymentUndo.REVISION, revision))
                .withLabels(Map.of("app", "checkout", "pod-template-hash", hash))
                .addNewOwnerReference()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .withNewSpec()
                .withReplicas(0)
                .withNewSelector()
                .withMatchLabels(Map.of("app", "checkout", "pod-template-hash", hash))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", "checkout", "pod-template-hash", hash))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("checkout")
                .withImage(image)
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }
}
