package io.golive.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.golive.egress.CountingListener;
import io.golive.egress.Egress;
import io.golive.server.Api.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What the server connects to for a spec: the egress policy at upload and at run time, and the checklist names. */
class ServerEgressIT {
    private static final String CHECKLIST = "# Launch\n## Checks\n- [ ] Service reachable\n";

    @TempDir
    Path dir;

    private static Map<String, Object> launch(String spec) {
        return Api.launch(spec, "LAUNCH.md", CHECKLIST);
    }

    private static String httpCheck(String url) {
        return "name: egress\nchecklist: LAUNCH.md\nchecks:\n  - item: Service reachable\n    http: { url: \"" + url
                + "\" }\n";
    }

    private static List<String> auditOf(TestServer server, String action) {
        return server.jdbc()
                .sql("SELECT actor || ' ' || after_value FROM audit_log WHERE action = ? ORDER BY seq")
                .param(action)
                .query(String.class)
                .list();
    }

    @Test
    void theMetadataAddressIsRefusedAtUploadWithItsLineAndAudited() {
        try (TestServer server = TestServer.h2(dir, Map.of())) {
            Api editor = server.api(server.token("eve", "editor"));
            Response r = editor.post(
                    "/api/launches",
                    launch(httpCheck("http://169.254.169.254/latest/meta-data/iam/security-credentials/")));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.body())
                    .contains(
                            "golive.yaml:5: egress to 169.254.169.254 is not allowed on this server (golive.egress.allow)");
            assertThat(auditOf(server, "egress.refused"))
                    .singleElement()
                    .asString()
                    .startsWith("eve golive.yaml:5:");
            assertThat(editor.get("/api/launches").json()).isEmpty();
        }
    }

    @Test
    void aChecklistThatIsNotAnUploadedFileIs400NamingItsLine() {
        try (TestServer server = TestServer.h2(dir, Map.of())) {
            Api editor = server.api(server.token("ed", "editor"));
            for (String name : List.of("/etc/passwd", "../../x.md", "OTHER.md")) {
                String spec = "name: files\nchecklist: " + name + "\n";
                Response r = editor.post("/api/launches", launch(spec));
                assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(400);
                assertThat(r.body()).as(name).contains("golive.yaml:2:").doesNotContain("Exception");
            }
            Response passwd = editor.post("/api/launches", launch("name: files\nchecklist: /etc/passwd\n"));
            assertThat(passwd.body())
                    .contains("checklist \\\"/etc/passwd\\\" is not one of the uploaded files [LAUNCH.md]");
        }
    }

    @Test
    void anAllowListRefusesANameResolvingElsewhereAtRunTimeWithoutConnecting() throws Exception {
        HttpServer allowed = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
        allowed.createContext("/", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        allowed.start();
        InetAddress two = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        try (CountingListener standIn = new CountingListener("127.0.0.2", 0);
                var lookup = Egress.useLookupForTests(
                        h -> h.equals("inside.egress.test") ? Optional.of(List.of(two)) : Optional.empty());
                TestServer server = TestServer.h2(dir, Map.of("golive.egress.allow", "127.0.0.1/32"))) {
            Api editor = server.api(server.token("ed", "editor"));

            Response literal =
                    editor.post("/api/launches", launch(httpCheck("http://127.0.0.2:" + standIn.port() + "/")));
            assertThat(literal.status()).as(literal.body()).isEqualTo(400);

            long ok = create(
                    editor, httpCheck("http://127.0.0.1:" + allowed.getAddress().getPort() + "/"));
            assertThat(evaluate(editor, ok).get("status").asString()).isEqualTo("DONE");
            assertThat(check(editor, ok).get("status").asString()).isEqualTo("PASS");

            long named = create(editor, httpCheck("http://inside.egress.test:" + standIn.port() + "/"));
            evaluate(editor, named);
            JsonNode c = check(editor, named);
            assertThat(c.get("status").asString()).isEqualTo("ERROR");
            assertThat(c.get("summary").asString())
                    .isEqualTo("egress to 127.0.0.2 is not allowed on this server (golive.egress.allow)");
            assertThat(standIn.accepted()).isZero();
            assertThat(auditOf(server, "egress.refused")).anyMatch(a -> a.startsWith("ed egress to 127.0.0.2"));
        } finally {
            allowed.stop(0);
        }
        assertThat(Egress.policy().restricted())
                .as("a stopped server leaves no policy behind")
                .isFalse();
    }

    private static long create(Api editor, String spec) {
        Response r = editor.post("/api/launches", launch(spec));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static JsonNode evaluate(Api api, long id) throws InterruptedException {
        long evaluation = api.post("/api/launches/" + id + "/evaluations", null)
                .json()
                .get("evaluationId")
                .asLong();
        for (int i = 0; i < 200; i++) {
            JsonNode e = api.get("/api/launches/" + id + "/evaluations/" + evaluation)
                    .json();
            if (!e.get("status").asString().equals("RUNNING")) {
                return e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("evaluation did not finish");
    }

    private static JsonNode check(Api api, long id) {
        JsonNode l = api.get("/api/launches/" + id).json();
        return l.get("items").get(0).get("checks").get(0);
    }
}
