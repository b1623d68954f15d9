package io.golive.server.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.cli.Main;
import io.golive.server.Api;
import io.golive.server.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's rollout on H2 against a loopback Prometheus-like API and webhook sinks: it starts only
 * on GO (forcing is an admin's), shows its readings while it runs, rolls back on a breach with the
 * events the CLI's guard records, refuses a second start and viewers, and audits every request.
 */
class RolloutApiIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private LoopbackWorld world;
    private TestServer server;
    private Api admin;
    private Api editor;
    private Api viewer;

    @BeforeEach
    void start() throws Exception {
        world = new LoopbackWorld();
        server = TestServer.h2(dir.resolve("data"), Map.of("golive.rollouts.poll", "200ms"));
        admin = server.api(server.token("ann", "admin"));
        editor = server.api(server.token("ed", "editor"));
        viewer = server.api(server.token("vi", "viewer"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        world.close();
    }

    private long launch(String spec) throws InterruptedException {
        Api.Response created = editor.post("/api/launches", Api.launch(spec, "LAUNCH.md", LoopbackWorld.CHECKLIST));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void evaluateToGo(long id) throws InterruptedException {
        Api.Response run = editor.post("/api/launches/" + id + "/evaluations", Map.of());
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        await(
                "the launch to be GO",
                Duration.ofSeconds(30),
                () -> viewer.get("/api/launches/" + id)
                        .json()
                        .get("decision")
                        .asString()
                        .equals("GO"));
    }

    private JsonNode rollout(long id) {
        Api.Response r = viewer.get("/api/launches/" + id + "/rollout");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private JsonNode awaitRollout(long id, String what, Predicate<JsonNode> p) throws InterruptedException {
        JsonNode[] last = new JsonNode[1];
        await(what, Duration.ofSeconds(60), () -> p.test(last[0] = rollout(id)));
        return last[0];
    }

    @Test
    void startsOnlyOnGoShowsReadingsAndRollsBackOnABreachWithTheEventsOfTheCli() throws Exception {
        String spec = world.spec("[10%, hold 1s, 50%, hold 60s, 100%]", "300ms");
        long id = launch(spec);

        Api.Response noGo = editor.post("/api/launches/" + id + "/rollout", null);
        assertThat(noGo.status()).as(noGo.body()).isEqualTo(409);
        assertThat(noGo.json().get("message").asString()).contains("NO_GO").contains("force");
        Api.Response forcedByEditor = editor.post("/api/launches/" + id + "/rollout", Map.of("force", true));
        assertThat(forcedByEditor.status()).isEqualTo(403);
        assertThat(viewer.get("/api/launches/" + id + "/rollout").status()).isEqualTo(404);

        evaluateToGo(id);
        assertThat(viewer.post("/api/launches/" + id + "/rollout", null).status())
                .isEqualTo(403);
        Api.Response started = editor.post("/api/launches/" + id + "/rollout", null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("status").asString()).isEqualTo("RUNNING");
        Api.Response again = editor.post("/api/launches/" + id + "/rollout", null);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("message").asString()).contains("RUNNING");

        JsonNode running = awaitRollout(
                id,
                "the 50% hold with readings",
                r -> r.get("weight").asInt() == 50 && r.get("readings").size() >= 4);
        assertThat(running.get("status").asString()).isEqualTo("RUNNING");
        assertThat(running.get("verified").asBoolean()).isTrue();
        assertThat(running.get("step").asInt()).isEqualTo(3);
        assertThat(running.get("steps").get(3).get("current").asBoolean()).isTrue();
        assertThat(Duration.parse(running.get("holdLeft").asString())).isBetween(Duration.ZERO, Duration.ofSeconds(60));
        JsonNode metric = running.get("metrics").get(0);
        assertThat(metric.get("name").asString()).isEqualTo("error rate");
        assertThat(metric.get("triggers").get(0).get("op").asString()).isEqualTo(">");
        assertThat(metric.get("triggers").get(0).get("value").asDouble()).isEqualTo(1.0);
        assertThat(metric.get("triggers").get(0).get("source").asString()).isEqualTo("LAUNCH.md:7");
        assertThat(metric.get("readings").get(0).get("value").asDouble()).isEqualTo(0.0);
        assertThat(running.get("driver").asString()).isNotBlank();

        world.errorRate(0.05);
        JsonNode rolledBack =
                awaitRollout(id, "the rollback", r -> r.get("status").asString().equals("ROLLED_BACK"));
        assertThat(rolledBack.get("verified").asBoolean()).isTrue();
        assertThat(rolledBack.get("weight").asInt()).isZero();
        assertThat(world.weights()).containsExactly(10, 50, 0);
        assertThat(world.rollbacks()).isEqualTo(1);
        List<String> server = shape(rolledBack.get("events"));
        await(
                "the rollback's notice",
                Duration.ofSeconds(30),
                () -> world.notices().contains(id + " rollout.rolled_back"));
        assertThat(world.notices().stream().filter(n -> n.startsWith(id + " ")).toList())
                .containsExactlyInAnyOrder(
                        id + " rollout.started",
                        id + " rollout.promoted",
                        id + " rollout.promoted",
                        id + " rollout.rolled_back");

        List<String> cli = cliRun(spec);
        assertThat(server).isEqualTo(cli);
        assertThat(server.subList(server.size() - 3, server.size()))
                .satisfiesExactly(
                        t -> assertThat(t).startsWith("trigger error rate > ").endsWith("then rollback (LAUNCH.md:7)"),
                        w -> assertThat(w).isEqualTo("weight 0 ok"),
                        r -> assertThat(r).isEqualTo("rollback"));
        assertThat(editor.post("/api/launches/" + id + "/rollout/pause", null).status())
                .isEqualTo(409);
    }

    /** Runs the CLI's guard on the same spec and world, breaching at the same point; its events' shape. */
    private List<String> cliRun(String spec) throws Exception {
        world.errorRate(0);
        Path cliDir = Files.createDirectories(dir.resolve("cli"));
        Files.writeString(cliDir.resolve("LAUNCH.md"), LoopbackWorld.CHECKLIST);
        Path file = Files.writeString(cliDir.resolve("golive.yaml"), spec);
        int before = world.weights().size();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "rollout", file.toString()));
        await(
                "the CLI's guard at 50%",
                Duration.ofSeconds(60), () -> world.weights().size() > before + 1);
        Thread.sleep(1_000); // a few readings at 50%, as on the server
        world.errorRate(0.05);
        assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        StringWriter out = new StringWriter();
        Main.run(
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                "rollout",
                file.toString(),
                "status",
                "--json");
        return shape(JSON.readTree(out.toString()).get("events"));
    }

    /**
     * The events as a comparable shape: each type with what decides it (a weight and whether it took,
     * a trigger's condition and source), runs of readings as one.
     */
    static List<String> shape(JsonNode events) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            String type = e.get("type").asString();
            String s = switch (type) {
                case "weight" ->
                    "weight " + e.get("weight").asInt() + (e.get("ok").asBoolean() ? " ok" : " failed");
                case "trigger" ->
                    "trigger " + e.get("metric").asString() + " " + e.get("op").asString() + " "
                            + e.get("value").asString() + " " + e.path("unit").asString("") + " then "
                            + e.get("then").asString() + " (" + e.get("source").asString() + ")";
                case "started" ->
                    "started " + e.get("decision").asString() + " forced="
                            + e.get("forced").asBoolean();
                default -> type;
            };
            if (!(s.equals("reading") && !out.isEmpty() && out.getLast().equals("reading"))) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void pauseResumeAndAbortAreTakenByTheGuardAndAudited() throws Exception {
        long id = launch(world.spec("[10%, hold 60s, 100%]", "300ms"));
        evaluateToGo(id);
        assertThat(editor.post("/api/launches/" + id + "/rollout", null).status())
                .isEqualTo(202);
        awaitRollout(id, "a reading at 10%", r -> r.get("readings").size() >= 1);

        assertThat(viewer.post("/api/launches/" + id + "/rollout/pause", null).status())
                .isEqualTo(403);
        Api.Response pause = editor.post("/api/launches/" + id + "/rollout/pause", null);
        assertThat(pause.status()).as(pause.body()).isEqualTo(202);
        awaitRollout(
                id,
                "PAUSED",
                r -> r.get("status").asString().equals("PAUSED")
                        && r.get("request").isNull());
        assertThat(admin.post("/api/launches/" + id + "/rollout/resume", null).status())
                .isEqualTo(202);
        awaitRollout(
                id,
                "RUNNING again",
                r -> r.get("status").asString().equals("RUNNING")
                        && r.get("request").isNull());
        assertThat(editor.post("/api/launches/" + id + "/rollout/promote", null).status())
                .isEqualTo(400);
        assertThat(editor.post("/api/launches/" + id + "/rollout/abort", null).status())
                .isEqualTo(202);
        JsonNode done =
                awaitRollout(id, "ROLLED_BACK", r -> r.get("status").asString().equals("ROLLED_BACK"));

        assertThat(shape(done.get("events")))
                .containsSubsequence(
                        "started GO forced=false", "weight 10 ok", "paused", "resumed", "weight 0 ok", "rollback");
        assertThat(done.get("events")
                        .get(done.get("events").size() - 1)
                        .get("reason")
                        .asString())
                .isEqualTo("aborted");
        assertThat(done.get("verified").asBoolean()).isTrue();
        assertThat(world.weights()).containsExactly(10, 0);
        await("the notices", Duration.ofSeconds(30), () -> world.notices().contains(id + " rollout.rolled_back"));
        assertThat(world.notices()).contains(id + " rollout.started", id + " rollout.paused", id + " rollout.resumed");
        JsonNode deliveries =
                viewer.get("/api/launches/" + id + "/notifications").json();
        assertThat(deliveries.toString()).contains("rollout.paused").contains("rollout.resumed");
        assertThat(world.rollbacks()).isEqualTo(1);

        JsonNode audit = viewer.get("/api/launches/" + id + "/audit").json();
        assertThat(audit.get("verified").asBoolean()).isTrue();
        List<String> actions = new ArrayList<>();
        audit.get("entries")
                .forEach(e -> actions.add(
                        e.get("actor").asString() + " " + e.get("action").asString()));
        assertThat(actions)
                .containsSubsequence("ed rollout.start", "ed rollout.pause", "ann rollout.resume", "ed rollout.abort");
    }

    @Test
    void anAdminForcesARolloutPastNoGoAndTheStartedEventSaysSo() throws Exception {
        long id = launch(world.spec("[10%, hold 60s, 100%]", "300ms"));
        Api.Response forced = admin.post("/api/launches/" + id + "/rollout", Map.of("force", true));
        assertThat(forced.status()).as(forced.body()).isEqualTo(202);
        JsonNode r = awaitRollout(id, "the started event", x -> x.get("events").size() >= 1);
        JsonNode startedEvent = r.get("events").get(0);
        assertThat(startedEvent.get("type").asString()).isEqualTo("started");
        assertThat(startedEvent.get("forced").asBoolean()).isTrue();
        assertThat(startedEvent.get("decision").asString()).isEqualTo("NO_GO");
        assertThat(r.get("forced").asBoolean()).isTrue();
        JsonNode audit = viewer.get("/api/launches/" + id + "/audit").json();
        assertThat(audit.get("entries").toString()).contains("rollout.start").contains("\\\"forced\\\":true");
        assertThat(admin.post("/api/launches/" + id + "/rollout/abort", null).status())
                .isEqualTo(202);
        awaitRollout(id, "ROLLED_BACK", x -> x.get("status").asString().equals("ROLLED_BACK"));
    }

    @Test
    void aRestartedServerCarriesOnTheRolloutFromItsSavedState() throws Exception {
        long id = launch(world.spec("[10%, hold 3s, 50%, hold 1s, 100%]", "300ms"));
        evaluateToGo(id);
        assertThat(editor.post("/api/launches/" + id + "/rollout", null).status())
                .isEqualTo(202);
        awaitRollout(
                id,
                "the 10% hold 1s along",
                r -> r.get("weight").asInt() == 10
                        && Duration.parse(r.get("healthy").asString()).compareTo(Duration.ofSeconds(1)) >= 0);
        server.close(); // graceful: the guard records where it stopped and frees its lease
        server = null;
        server = TestServer.h2(dir.resolve("data"), Map.of("golive.rollouts.poll", "200ms"));
        viewer = server.api(server.token("vi2", "viewer"));

        JsonNode done =
                awaitRollout(id, "COMPLETED", r -> r.get("status").asString().equals("COMPLETED"));
        assertThat(done.get("verified").asBoolean()).isTrue();
        assertThat(world.weights()).containsExactly(10, 10, 50, 100);
        assertThat(shape(done.get("events")))
                .containsSubsequence(
                        "started GO forced=false",
                        "weight 10 ok",
                        "stopped",
                        "started not decided again: carrying on the rollout started before forced=false",
                        "weight 10 ok",
                        "weight 50 ok",
                        "weight 100 ok",
                        "completed");
        assertThat(done.get("events").toString()).contains("\"reapplied\":true").contains("\"restart\":true");
    }

    static void await(String what, Duration bound, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        Instant until = Instant.now().plus(bound);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
