package io.golive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.server.Api.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/** The REST API of DESIGN.md, run against each database the server supports (H2 and PostgreSQL). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ApiContractIT {
    static final String CHECKLIST = """
            # Checkout Launch

            ## Pre-Launch (T-7 days)
            - [ ] TLS certificates valid
            - [ ] Runbook written
            - [ ] Load test passed

            ## Nice to have (Optional)
            - [ ] Dashboards polished

            ## Post-Launch
            - [ ] Monitor errors

            ## Sign-Off
            | Role | Name | Signature | Date |
            |------|------|-----------|------|
            | CTO | | | |
            | Security Lead | | | |
            """;
    static final String TLS = "pre-launch-t-7-days/tls-certificates-valid";
    static final String RUNBOOK = "pre-launch-t-7-days/runbook-written";
    static final String LOAD = "pre-launch-t-7-days/load-test-passed";

    /** The key stored secrets are sealed with, as both databases' servers are started with it. */
    static final Map<String, String> SECRETS_KEY = Map.of("golive.secrets.key", randomKey());

    static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    TestServer server;
    Api admin;
    Api editor;
    Api viewer;
    Api cto;
    Api security;

    abstract TestServer start();

    @BeforeAll
    void startServer() {
        server = start();
        admin = server.api(server.token("admin", "admin"));
        editor = server.api(server.token("ed", "editor"));
        viewer = server.api(server.token("vi", "viewer"));
        cto = server.api(server.token("carol", "CTO"));
        security = server.api(server.token("sam", "viewer", "Security Lead"));
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static String spec(String extra) {
        String launch = Instant.now().plus(Duration.ofDays(3)).toString();
        return "name: checkout\nlaunch: " + launch + "\nchecklist: LAUNCH.md\n" + extra;
    }

    long create(String spec) {
        Response r = editor.post("/api/launches", Api.launch(spec, "LAUNCH.md", CHECKLIST));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    JsonNode launch(long id) {
        Response r = viewer.get("/api/launches/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode item(JsonNode launch, String id) {
        return StreamSupport.stream(launch.get("items").spliterator(), false)
                .filter(i -> i.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item " + id));
    }

    static JsonNode signoff(JsonNode launch, String role) {
        return StreamSupport.stream(launch.get("signoffs").spliterator(), false)
                .filter(i -> i.get("role").asString().equals(role))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sign-off " + role));
    }

    int launchCount() {
        return admin.get("/api/launches").json().size();
    }

    void done(long id, String item) {
        Response r = editor.patch("/api/launches/" + id + "/items?item=" + Api.q(item), Map.of("status", "DONE"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void healthIsOpenAndTheApiWithoutCredentialsIs401JsonNeverARedirect() {
        Api anonymous = new Api(server.base(), null);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        Response r = anonymous.get("/api/launches");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Location")).isNull();
        assertThat(r.json().get("status").asInt()).isEqualTo(401);
        Response wrong = new Api(server.base(), "glv_not-a-token").get("/api/launches");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("message").asString()).contains("invalid API token");
    }

    @Test
    void aCreatedLaunchShowsItsReportWithItemWorkAndSignoffs() {
        long id = create(spec(""));
        JsonNode l = launch(id);
        assertThat(l.get("decision").asString()).isEqualTo("NO_GO");
        assertThat(l.get("name").asString()).isEqualTo("checkout");
        JsonNode runbook = item(l, RUNBOOK);
        assertThat(runbook.get("status").asString()).isEqualTo("PENDING");
        assertThat(runbook.has("owner")).isTrue();
        assertThat(runbook.has("note")).isTrue();
        assertThat(runbook.has("evidenceUrl")).isTrue();
        // T-0 is in 3 days; the pre-launch section is due 7 days before it: overdue since 4 days
        assertThat(runbook.get("due").asString()).isNotEmpty();
        assertThat(runbook.get("overdue").asBoolean()).isTrue();
        assertThat(item(l, "post-launch/monitor-errors").get("overdue").asBoolean())
                .isFalse();
        assertThat(signoff(l, "CTO").get("stale").asBoolean()).isFalse();
        assertThat(signoff(l, "CTO").get("verdict").isNull()).isTrue();
        assertThat(signoff(l, "Security Lead").has("user")).isTrue();
        assertThat(l.get("waivers").isArray()).isTrue();
        assertThat(l.get("summary").get("total").asInt()).isEqualTo(5);
        JsonNode listed = StreamSupport.stream(admin.get("/api/launches").json().spliterator(), false)
                .filter(x -> x.get("id").asLong() == id)
                .findFirst()
                .orElseThrow();
        assertThat(listed.get("decision").asString()).isEqualTo("NO_GO");
        assertThat(listed.get("readiness").asInt()).isZero();
    }

    @Test
    void anInvalidSpecIs400WithEveryProblemAndNothingIsStored() {
        int before = launchCount();
        String bad = "name: x\nchecklist: LAUNCH.md\ncolour: blue\nchecks:\n  - item: runbook\n"
                + "    fake: {result: PASS, target: nowhere}\n";
        Response r = editor.post("/api/launches", Api.launch(bad, "LAUNCH.md", CHECKLIST));
        assertThat(r.status()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        r.json().get("problems").forEach(p -> problems.add(p.asString()));
        assertThat(problems).anyMatch(p -> p.startsWith("golive.yaml:3: unknown top-level key 'colour'"));
        assertThat(problems).anyMatch(p -> p.startsWith("golive.yaml:6: unknown target 'nowhere'"));
        assertThat(problems).noneMatch(p -> p.contains("/tmp/"));
        String unbound = "name: x\nchecklist: LAUNCH.md\nchecks:\n  - item: no such item\n    fake: {}\n";
        Response r2 = editor.post("/api/launches", Api.launch(unbound, "LAUNCH.md", CHECKLIST));
        assertThat(r2.status()).isEqualTo(400);
        assertThat(r2.json().get("problems").get(0).asString())
                .contains("golive.yaml:4:")
                .contains("matches no item");
        assertThat(launchCount()).isEqualTo(before);
    }

    @Test
    void refusedRequestsSayWhatIsWrongInTheirMessageAndProblems() {
        Response spec = editor.post("/api/launches", Api.launch("name: x\ncolour: blue\n", "LAUNCH.md", CHECKLIST));
        assertError(spec, 400, "invalid launch spec");
        assertThat(spec.json().get("problems").toString()).contains("golive.yaml:2: unknown top-level key 'colour'");
        long id = create(spec(""));
        assertError(
                viewer.get("/api/launches/" + id + "/report?format=doc"),
                400,
                "format: one of json, md, junit, html, pdf");
        Map<String, Object> past = Map.of("item", RUNBOOK, "reason", "r", "expires", "2020-01-01T00:00:00Z");
        Response waiver = admin.post("/api/launches/" + id + "/waivers", past);
        assertError(waiver, 400, "invalid waiver");
        assertThat(waiver.json().get("problems").get(0).asString()).isEqualTo("expires: must be in the future");
        Response role = cto.post("/api/launches/" + id + "/signoffs", Map.of("role", "CFO", "verdict", "APPROVE"));
        assertError(role, 400, "the checklist asks no sign-off from 'CFO' (roles: CTO, Security Lead)");
        assertThat(role.json().has("problems")).isFalse();
        Response item = cto.post(
                "/api/launches/" + id + "/waivers",
                Map.of("item", "nope", "reason", "r", "expires", "2999-01-01T00:00:00Z"));
        assertError(item, 404, "launch " + id + " has no item 'nope'");
        assertError(
                viewer.get("/api/launches/" + id + "/evaluations/999999"),
                404,
                "launch " + id + " has no evaluation 999999");
        Response secret = admin.put("/api/secrets/1BAD", Map.of("value", "x"));
        assertError(secret, 400, "invalid secret name");
        assertThat(secret.json().get("problems").get(0).asString()).startsWith("name: ");
        assertError(admin.send("DELETE", "/api/secrets/NO_SUCH_SECRET", null), 404, "no secret NO_SUCH_SECRET");
        Response user = admin.post("/api/users", Map.of("name", "bad name!", "roles", List.of("viewer")));
        assertError(user, 400, "invalid input");
        assertThat(user.json().get("problems").get(0).asString()).startsWith("user name 'bad name!'");
    }

    static void assertError(Response r, int status, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("message").asString()).as(r.body()).isEqualTo(message);
    }

    @Test
    void malformedOversizedAndUnknownRequestsGetAClear4xxAndStoreNothing() {
        int before = launchCount();
        Response malformed = editor.send("POST", "/api/launches", "{\"spec\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("message").asString()).startsWith("malformed JSON");
        Response missing = editor.post("/api/launches", Map.of("checklists", Map.of()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"spec\"").contains("\"field\":\"checklists\"");
        String huge = "{\"spec\": \"" + "x".repeat(11 * 1024 * 1024) + "\", \"checklists\": {}}";
        assertThat(editor.send("POST", "/api/launches", huge).status()).isEqualTo(413);
        Response unknown = viewer.get("/api/launches/999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asString()).contains("no launch 999999");
        assertThat(viewer.get("/api/launches/abc").status()).isEqualTo(400);
        assertThat(editor.patch("/api/launches/999999/items?item=x", Map.of("status", "DONE"))
                        .status())
                .isEqualTo(404);
        assertThat(launchCount()).isEqualTo(before);
    }

    @Test
    void viewersChangeNothingAndEachRefusalIsAudited() {
        long id = create(spec(""));
        Response r = viewer.patch("/api/launches/" + id + "/items?item=" + Api.q(RUNBOOK), Map.of("status", "DONE"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asString()).isEqualTo("Forbidden");
        assertThat(viewer.post("/api/launches", Api.launch(spec(""), "LAUNCH.md", CHECKLIST))
                        .status())
                .isEqualTo(403);
        assertThat(item(launch(id), RUNBOOK).get("status").asString()).isEqualTo("PENDING");
        JsonNode audit = admin.get("/api/launches/" + id + "/audit").json();
        assertThat(audit.get("entries").toString()).contains("refused.403").contains("\"actor\":\"vi\"");
    }

    @Test
    void attestedItemsAndFreshApprovalsFromEveryRoleMakeItGo() {
        long id = create(spec(""));
        for (String item : List.of(TLS, RUNBOOK, LOAD)) {
            Response r = editor.patch(
                    "/api/launches/" + id + "/items?item=" + Api.q(item),
                    Map.of("status", "DONE", "owner", "ed", "note", "verified", "evidenceUrl", "https://ci/1"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        JsonNode l = launch(id);
        assertThat(item(l, RUNBOOK).get("owner").asString()).isEqualTo("ed");
        assertThat(item(l, RUNBOOK).get("evidenceUrl").asString()).isEqualTo("https://ci/1");
        assertThat(item(l, RUNBOOK).get("overdue").asBoolean()).isFalse();
        assertThat(l.get("decision").asString()).isEqualTo("NO_GO");
        assertThat(l.get("reasons").toString()).contains("SIGN-OFF MISSING: CTO");

        Response adminSigns =
                admin.post("/api/launches/" + id + "/signoffs", Map.of("role", "CTO", "verdict", "APPROVE"));
        assertThat(adminSigns.status()).isEqualTo(403);
        assertThat(cto.post("/api/launches/" + id + "/signoffs", Map.of("role", "Security Lead", "verdict", "APPROVE"))
                        .status())
                .isEqualTo(403);
        assertThat(cto.post("/api/launches/" + id + "/signoffs", Map.of("role", "cto", "verdict", "APPROVE"))
                        .status())
                .isEqualTo(201);
        assertThat(security.post(
                                "/api/launches/" + id + "/signoffs",
                                Map.of("role", "Security Lead", "verdict", "APPROVE"))
                        .status())
                .isEqualTo(201);
        l = launch(id);
        assertThat(l.get("decision").asString()).as(l.get("reasons").toString()).isEqualTo("GO");
        assertThat(signoff(l, "CTO").get("user").asString()).isEqualTo("carol");
        assertThat(signoff(l, "CTO").get("verdict").asString()).isEqualTo("APPROVE");

        editor.patch("/api/launches/" + id + "/items?item=" + Api.q(LOAD), Map.of("status", "PENDING"));
        l = launch(id);
        assertThat(l.get("decision").asString()).isEqualTo("NO_GO");
        assertThat(signoff(l, "CTO").get("stale").asBoolean()).isTrue();
        done(id, LOAD);
        cto.post("/api/launches/" + id + "/signoffs", Map.of("role", "CTO", "verdict", "REJECT", "comment", "not yet"));
        l = launch(id);
        assertThat(l.get("decision").asString()).isEqualTo("NO_GO");
        assertThat(l.get("reasons").toString()).contains("REJECTED by CTO").contains("not yet");
        cto.post("/api/launches/" + id + "/signoffs", Map.of("role", "CTO", "verdict", "APPROVE"));
        assertThat(launch(id).get("decision").asString()).isEqualTo("GO");
    }

    @Test
    void rolesTheSpecListsAreRequiredBesidesTheChecklists() {
        long id = create(spec("signoffs: [Compliance, cto]\n"));
        for (String item : List.of(TLS, RUNBOOK, LOAD)) {
            done(id, item);
        }
        cto.post("/api/launches/" + id + "/signoffs", Map.of("role", "CTO", "verdict", "APPROVE"));
        security.post("/api/launches/" + id + "/signoffs", Map.of("role", "Security Lead", "verdict", "APPROVE"));
        JsonNode l = launch(id);
        assertThat(l.get("signoffs")).hasSize(3);
        assertThat(l.get("decision").asString()).isEqualTo("NO_GO");
        assertThat(l.get("reasons").toString()).contains("SIGN-OFF MISSING: Compliance");
        Api compliance = server.api(server.token("cleo", "viewer", "Compliance"));
        Response r = compliance.post(
                "/api/launches/" + id + "/signoffs", Map.of("role", "Compliance", "verdict", "APPROVE"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(launch(id).get("decision").asString()).isEqualTo("GO");
    }

    @Test
    void aLaunchOfSeveralChecklistsDecidesOnAllOfThem() {
        String security = "# Security\n## Pre-Launch\n- [ ] Pen test done\n## Sign-Off\n"
                + "| Role | Signature |\n|---|---|\n| CISO | |\n";
        String spec = spec("checks:\n  - item: Pen test\n    fake: {result: FAIL, say: two highs open}\n")
                .replace("checklist: LAUNCH.md", "checklist: [LAUNCH.md, SECURITY.md]");
        Response r = editor.post(
                "/api/launches",
                Map.of("spec", spec, "checklists", Map.of("LAUNCH.md", CHECKLIST, "SECURITY.md", security)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        done(id, "launch/" + RUNBOOK);
        JsonNode l = launch(id);
        assertThat(item(l, "launch/" + RUNBOOK).get("status").asString()).isEqualTo("DONE");
        assertThat(item(l, "security/pre-launch/pen-test-done").get("status").asString())
                .isEqualTo("PENDING");
        assertThat(l.get("signoffs").toString())
                .contains("CTO")
                .contains("Security Lead")
                .contains("CISO");
        assertThat(viewer.get("/api/launches/" + id + "/report?format=md").status())
                .isEqualTo(400);
        assertThat(viewer.get("/api/launches/" + id + "/report?format=pdf").status())
                .isEqualTo(200);
        Response missing =
                editor.post("/api/launches", Map.of("spec", spec, "checklists", Map.of("LAUNCH.md", CHECKLIST)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("SECURITY.md");
    }

    @Test
    void aStoredSecretIsUsedByChecksAndNeverShown() throws Exception {
        String value = "k" + Long.toHexString(System.nanoTime()) + "x" + Long.toHexString(System.nanoTime());
        com.sun.net.httpserver.HttpServer target =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/", ex -> {
            int status = ("Bearer " + value).equals(ex.getRequestHeaders().getFirst("Authorization")) ? 200 : 401;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        target.start();
        try {
            assertThat(editor.put("/api/secrets/PAYMENTS_KEY", Map.of("value", value))
                            .status())
                    .isEqualTo(403);
            Response put = admin.put("/api/secrets/PAYMENTS_KEY", Map.of("value", value));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(put.body()).doesNotContain(value);
            assertThat(admin.get("/api/secrets").body())
                    .contains("PAYMENTS_KEY")
                    .doesNotContain(value);
            String url = "http://127.0.0.1:" + target.getAddress().getPort() + "/";
            long id = create(spec("checks:\n  - item: TLS certificates valid\n    http: { url: \"" + url
                    + "\", headers: { Authorization: \"Bearer ${PAYMENTS_KEY}\" } }\n"
                    + "  - item: load test\n    fake: { result: FAIL, say: \"key ${PAYMENTS_KEY}\" }\n"));
            long evaluation = editor.post("/api/launches/" + id + "/evaluations", null)
                    .json()
                    .get("evaluationId")
                    .asLong();
            assertThat(awaitEvaluation(id, evaluation).get("status").asString()).isEqualTo("DONE");
            JsonNode l = launch(id);
            assertThat(item(l, TLS).get("status").asString()).as(l.toString()).isEqualTo("PASS");
            assertThat(item(l, LOAD).get("checks").get(0).get("summary").asString())
                    .contains("key ****");
            String everything = l
                    + admin.get("/api/launches/" + id + "/audit").body()
                    + admin.get("/api/launches/" + id + "/report?format=md").body()
                    + server.jdbc().sql("SELECT * FROM secrets").query().listOfRows()
                    + server.jdbc().sql("SELECT * FROM audit_log").query().listOfRows()
                    + server.jdbc().sql("SELECT * FROM check_results").query().listOfRows();
            assertThat(everything).doesNotContain(value);
        } finally {
            target.stop(0);
            admin.send("DELETE", "/api/secrets/PAYMENTS_KEY", null);
        }
    }

    @Test
    void aWaiverCountsUntilItExpires() throws InterruptedException {
        long id = create(spec(""));
        String expires = Instant.now().plusSeconds(3).toString();
        Map<String, Object> waiver = Map.of("item", RUNBOOK, "reason", "runbook next sprint", "expires", expires);
        assertThat(editor.post("/api/launches/" + id + "/waivers", waiver).status())
                .isEqualTo(403);
        Map<String, Object> past = Map.of("item", RUNBOOK, "reason", "r", "expires", "2020-01-01T00:00:00Z");
        assertThat(admin.post("/api/launches/" + id + "/waivers", past).status())
                .isEqualTo(400);
        Response r = cto.post("/api/launches/" + id + "/waivers", waiver);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode l = launch(id);
        assertThat(item(l, RUNBOOK).get("status").asString()).isEqualTo("WAIVED");
        assertThat(l.get("waivers").get(0).get("approver").asString()).isEqualTo("carol");
        assertThat(l.get("waivers").get(0).get("expired").asBoolean()).isFalse();
        Thread.sleep(3500);
        l = launch(id);
        assertThat(item(l, RUNBOOK).get("status").asString()).isEqualTo("PENDING");
        assertThat(l.get("waivers").get(0).get("expired").asBoolean()).isTrue();
    }

    @Test
    void anEvaluationRunsTheChecksAndEveryResultIsKeptAsHistory() throws InterruptedException {
        String checks = "checks:\n  - item: TLS certificates valid\n    fake: {result: PASS, say: valid}\n"
                + "  - item: load test\n    fake: {result: FAIL, say: p95 612ms}\n";
        long id = create(spec(checks));
        for (int run = 1; run <= 2; run++) {
            Response started = editor.post("/api/launches/" + id + "/evaluations", null);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            long evaluation = started.json().get("evaluationId").asLong();
            JsonNode progress = awaitEvaluation(id, evaluation);
            assertThat(progress.get("status").asString()).isEqualTo("DONE");
            assertThat(progress.get("total").asInt()).isEqualTo(2);
        }
        JsonNode l = launch(id);
        assertThat(item(l, TLS).get("status").asString()).isEqualTo("PASS");
        assertThat(item(l, LOAD).get("status").asString()).isEqualTo("FAIL");
        assertThat(item(l, LOAD).get("checks").get(0).get("summary").asString()).contains("p95 612ms");
        assertThat(l.get("evaluation").get("status").asString()).isEqualTo("DONE");
        JsonNode runs = viewer.get("/api/launches/" + id + "/evaluations").json();
        assertThat(runs.size()).isEqualTo(2);
        assertThat(l.get("evaluation")).isEqualTo(runs.get(0)); // one rendering of a run, keyed evaluationId
        assertThat(runs.get(0).has("checks")).isFalse();
        JsonNode history = viewer.get("/api/launches/" + id + "/items/history?item=" + Api.q(TLS))
                .json();
        assertThat(history.get("entries").size()).isEqualTo(2);
        assertThat(history.get("passingSince").isNull()).isFalse();
        JsonNode failing = viewer.get("/api/launches/" + id + "/items/history?item=" + Api.q(LOAD))
                .json();
        assertThat(failing.get("failuresLast7Days").asInt()).isEqualTo(2);
        assertThat(failing.get("entries").get(0).get("summary").asString()).contains("p95 612ms");
    }

    @Test
    void criteriaAreMeasuredByTheirChecksAndShownWithTheirActualValues() throws InterruptedException {
        String checklist = "# Checkout\n## Pre\n- [x] Ready\n## Go/No-Go Decision\n"
                + "| Criterion | Threshold | Actual | Status |\n|---|---|---|---|\n"
                + "| CFUR | ≥ 99.8% | _ | Awaiting |\n| Error Rate | < 0.1% | _ | Awaiting |\n";
        String spec = "name: c\nchecklist: C.md\nchecks:\n  - criterion: CFUR\n"
                + "    fake: { result: PASS, say: \"99.9% crash-free\", actual: 99.9, unit: \"%\" }\n";
        Response created = editor.post("/api/launches", Api.launch(spec, "C.md", checklist));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        long evaluation = editor.post("/api/launches/" + id + "/evaluations", null)
                .json()
                .get("evaluationId")
                .asLong();
        assertThat(awaitEvaluation(id, evaluation).get("status").asString()).isEqualTo("DONE");
        JsonNode l = launch(id);
        JsonNode cfur = l.get("criteria").get(0);
        assertThat(cfur.get("id").asString()).isEqualTo("go-no-go-decision/cfur");
        assertThat(cfur.get("status").asString()).isEqualTo("PASS");
        assertThat(cfur.get("actual").asDouble()).isEqualTo(99.9);
        assertThat(cfur.get("unit").asString()).isEqualTo("%");
        assertThat(cfur.get("checks").get(0).get("evidence").get("request").asString())
                .startsWith("GET");
        assertThat(l.get("criteria").get(1).get("status").asString()).isEqualTo("PENDING");
        assertThat(l.get("decision").asString()).isEqualTo("NO_GO");
        assertThat(l.get("reasons").toString()).contains("criterion not measured: Error Rate < 0.1%");
        Response pdf = viewer.get("/api/launches/" + id + "/report?format=pdf");
        assertThat(pdf.status()).isEqualTo(200);
    }

    JsonNode awaitEvaluation(long id, long evaluation) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonNode e = viewer.get("/api/launches/" + id + "/evaluations/" + evaluation)
                    .json();
            if (!e.get("status").asString().equals("RUNNING")) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("evaluation " + evaluation + " did not finish");
    }

    @Test
    void reimportKeepsTheWorkOfItemsWhoseIdDidNotChange() {
        long id = create(spec(""));
        editor.patch(
                "/api/launches/" + id + "/items?item=" + Api.q(RUNBOOK), Map.of("owner", "olga", "status", "DONE"));
        String edited = CHECKLIST.replace(
                "- [ ] Load test passed", "- [ ] Load test at 1000 req/s passed\n- [ ] Rollback rehearsed");
        Response r = editor.put("/api/launches/" + id, Api.launch(spec(""), "LAUNCH.md", edited));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("version").asInt()).isEqualTo(2);
        assertThat(r.json().get("added").toString())
                .contains("rollback-rehearsed")
                .contains("load-test-at-1000");
        assertThat(r.json().get("removed").toString()).contains(LOAD);
        JsonNode l = launch(id);
        assertThat(l.get("version").asInt()).isEqualTo(2);
        assertThat(item(l, RUNBOOK).get("owner").asString()).isEqualTo("olga");
        assertThat(item(l, RUNBOOK).get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void theReportComesInEveryFormat() {
        long id = create(spec(""));
        assertThat(viewer.get("/api/launches/" + id + "/report?format=json")
                        .json()
                        .get("decision")
                        .asString())
                .isEqualTo("NO_GO");
        assertThat(viewer.get("/api/launches/" + id + "/report?format=md").body())
                .contains("golive: NO-GO");
        assertThat(viewer.get("/api/launches/" + id + "/report?format=junit").body())
                .startsWith("<?xml");
        assertThat(viewer.get("/api/launches/" + id + "/report?format=html").body())
                .contains("<html");
        Response pdf = viewer.get("/api/launches/" + id + "/report?format=pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(viewer.get("/api/launches/" + id + "/report?format=doc").status())
                .isEqualTo(400);
    }

    @Test
    void anUploadedChecklistWithMojibakeIsRepaired() {
        String md = CHECKLIST.replace("- [ ] Runbook written", "- [ ] Uptime \u00e2\u2030\u00a5 99.8% for a week");
        Response r = editor.post("/api/launches", Api.launch(spec(""), "LAUNCH.md", md));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode l = launch(r.json().get("id").asLong());
        assertThat(l.get("items").toString()).contains("Uptime \u2265 99.8% for a week");
    }

    @Test
    void aTokenCreatedThroughTheApiWorks() {
        Response r = viewer.post("/api/tokens", Map.of("name", "laptop"));
        assertThat(r.status()).isEqualTo(201);
        Api again = new Api(server.base(), r.json().get("token").asString());
        assertThat(again.get("/api/me").json().get("name").asString()).isEqualTo("vi");
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void prometheusShowsEvaluationsAndCheckDurations() {
        Response r = viewer.get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("golive_evaluations_seconds_count").contains("golive_check_duration_seconds");
        assertThat(new Api(server.base(), null).get("/actuator/prometheus").status())
                .isEqualTo(401);
    }

    @Test
    void theLaunchJsonComesCompressedToClientsThatAcceptGzip() throws Exception {
        long id = create(spec(""));
        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/api/launches/" + id))
                        .header("Authorization", "Bearer " + server.token("gz", "viewer"))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
        byte[] plain = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body())).readAllBytes();
        assertThat(Api.JSON.readTree(plain).get("id").asLong()).isEqualTo(id);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theAuditTrailVerifiesAndShowsAnEntryEditedBehindTheServersBack() {
        long id = create(spec(""));
        done(id, RUNBOOK);
        JsonNode audit = viewer.get("/api/launches/" + id + "/audit").json();
        assertThat(audit.get("verified").asBoolean()).isTrue();
        assertThat(audit.get("entries").toString()).contains("launch.create").contains("item.update");
        long seq = audit.get("entries").get(1).get("seq").asLong();
        server.jdbc()
                .sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = ?")
                .param(seq)
                .update();
        JsonNode tampered = viewer.get("/api/launches/" + id + "/audit").json();
        assertThat(tampered.get("verified").asBoolean()).isFalse();
        assertThat(tampered.get("problem").asString()).contains("entry " + seq + " was changed");
        server.jdbc()
                .sql("UPDATE audit_log SET actor = 'ed' WHERE seq = ?")
                .param(seq)
                .update();
        assertThat(viewer.get("/api/launches/" + id + "/audit")
                        .json()
                        .get("verified")
                        .asBoolean())
                .isTrue();
    }
}
