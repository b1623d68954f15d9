package io.golive.probe.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Kubernetes API server for tests: fabric8's mock server in CRUD mode on 127.0.0.1 (objects written
 * are stored and read back as a real API server would), with a kubeconfig pointing at it, and an
 * authorizer that answers SelfSubjectAccessReviews from the rules a test grants.
 */
final class MockCluster implements AutoCloseable {
    static final String TOKEN = "kube-Token-For-Tests-3f9a";

    private final KubernetesMockServer server;
    private final KubernetesClient admin;
    private final Set<String> granted = ConcurrentHashMap.newKeySet();

    private MockCluster(KubernetesMockServer server) {
        this.server = server;
        this.admin = server.createClient();
    }

    /** A cluster that reports {@code gitVersion} ("v1.27.3"). */
    static MockCluster start(String gitVersion) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        String[] parts = gitVersion.substring(1).split("\\.");
        VersionInfo version = new VersionInfo.Builder()
                .withGitVersion(gitVersion)
                .withMajor(parts[0])
                .withMinor(parts[1])
                .build();
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(Serialization.jsonMapper()),
                new MockWebServer(),
                responses,
                new KubernetesMixedDispatcher(responses),
                false,
                version);
        server.start(InetAddress.getLoopbackAddress(), 0);
        MockCluster cluster = new MockCluster(server);
        server.expect()
                .post()
                .withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .andReply(201, request -> cluster.review(request.getUtf8Body()))
                .always();
        return cluster;
    }

    /** The client tests seed objects with (the mock server's own configuration). */
    KubernetesClient admin() {
        return admin;
    }

    /** Writes {@code object} and then its status, as a controller would after the API server took it. */
    <T extends HasMetadata> T seed(T object) {
        T created = admin.resource(object).create();
        // The mock keeps the status of built-in kinds on create; for kinds with a status subresource it drops it.
        if (Serialization.asJson(object).contains("\"status\"")
                && !Serialization.asJson(created).contains("\"status\"")) {
            object.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
            return admin.resource(object).updateStatus();
        }
        return created;
    }

    /** Lets the identity in use do {@code verb} on {@code resource} ("create deployments") in {@code namespace}. */
    void grant(String verb, String resource, String namespace) {
        granted.add(verb + " " + resource + " " + namespace);
    }

    String url() {
        return server.url("/").replaceAll("/$", "");
    }

    int port() {
        return server.getPort();
    }

    int requestCount() {
        return server.getRequestCount();
    }

    /** A kubeconfig in {@code dir} that points at this cluster, with the test token and {@code namespace}. */
    Path kubeconfig(Path dir, String namespace) throws IOException {
        return writeKubeconfig(dir.resolve("kubeconfig"), url(), TOKEN, namespace);
    }

    static Path writeKubeconfig(Path file, String server, String token, String namespace) throws IOException {
        return Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster:
                      server: %s
                contexts:
                  - name: mock
                    context:
                      cluster: mock
                      user: golive
                      namespace: %s
                current-context: mock
                users:
                  - name: golive
                    user:
                      token: %s
                """.formatted(server, namespace, token));
    }

    private SelfSubjectAccessReview review(String body) {
        SelfSubjectAccessReview r = Serialization.unmarshal(body, SelfSubjectAccessReview.class);
        var a = r.getSpec().getResourceAttributes();
        boolean allowed = granted.contains(a.getVerb() + " " + a.getResource() + " " + a.getNamespace());
        r.setStatus(new SubjectAccessReviewStatusBuilder()
                .withAllowed(allowed)
                .withReason(allowed ? "RBAC: allowed by RoleBinding \"deployer\"" : "")
                .build());
        return r;
    }

    @Override
    public void close() {
        admin.close();
        server.shutdown();
    }
}
