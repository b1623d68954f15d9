package io.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code golive rollout} as a user runs it: a real guard process reading a real HTTP endpoint on
 * loopback, moving traffic with a real command, killed with SIGKILL and SIGTERM, and controlled from
 * another process.
 */
class RolloutCommandIT {
    @TempDir
    Path dir;

    private HttpServer app;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void startApp() throws IOException {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        app.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        app.createContext("/health", ex -> {
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("ok".getBytes());
            ex.close();
        });
        app.start();
    }

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
        app.stop(0);
    }

    private Path spec(String steps, boolean ticked) throws IOException {
        Files.writeString(dir.resolve("LAUNCH.md"), """
                # Shop go-live

                ## Pre-launch
                - [%s] Load test passed

                ## Rollback triggers
                - If latency > 2s: AUTO ROLLBACK
                """.formatted(ticked ? "x" : " "));
        return Files.writeString(dir.resolve("golive.yaml"), """
                name: shop
                checklist: LAUNCH.md
                rollout:
                  steps: %s
                  interval: 500ms
                  traffic:
                    command: [sh, -c, "echo {weight} >> weights.txt"]
                  rollback:
                    command: [sh, -c, "echo undone >> rollback.txt"]
                  metrics:
                    latency: { http: { url: "http://127.0.0.1:%d/health" }, measure: latencyMs }
                """.formatted(
                        steps, app.getAddress().getPort()));
    }

    private Process guard(Path spec) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.golive.cli.Main",
                        "rollout",
                        spec.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("guard.log").toFile()));
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private record Run(int code, String out, String err) {}

    private static Run golive(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private List<String> weights() throws IOException {
        Path f = dir.resolve("weights.txt");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    private String state() throws IOException {
        Path f = dir.resolve(".golive/shop.rollout.json");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    private static void await(String what, Duration bound, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(bound);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static BooleanSupplier unchecked(IoCondition c) {
        return () -> {
            try {
                return c.test();
            } catch (IOException e) {
                return false;
            }
        };
    }

    @FunctionalInterface
    private interface IoCondition {
        boolean test() throws IOException;
    }

    @Test
    void killedWithSigkillInAHoldItCarriesOnReapplyingTheWeightWithoutShorteningTheHoldOrRepeatingAPromotion()
            throws Exception {
        Path spec = spec("[10%, hold 2s, 50%, hold 6s, 100%]", true);
        Process first = guard(spec);
        await(
                "the 50% hold to be 2s along",
                Duration.ofSeconds(60),
                unchecked(() ->
                        weights().contains("50") && state().matches("(?s).*\"healthy\" : \"PT[2-4](\\.\\d+)?S\".*")));
        String before = state();
        first.destroyForcibly(); // SIGKILL
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(137);
        double heldBefore = Double.parseDouble(before.replaceAll("(?s).*\"healthy\" : \"PT([\\d.]+)S\".*", "$1"));
        Thread.sleep(2_000); // no guard runs: this time must not count

        Instant restart = Instant.now();
        Process second = guard(spec);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Instant done = Instant.now();

        assertThat(second.exitValue()).isEqualTo(0);
        assertThat(weights()).containsExactly("10", "50", "50", "100");
        // The hold's remaining time was watched again in full, after the restart.
        assertThat(Duration.between(restart, done).toMillis()).isGreaterThanOrEqualTo((long) ((6 - heldBefore) * 1000));
        Run status = golive("rollout", spec.toString(), "status", "--json");
        assertThat(status.code()).isEqualTo(0);
        assertThat(status.out())
                .contains("\"status\" : \"COMPLETED\"")
                .contains("\"verified\" : true")
                .contains("\"reapplied\" : true")
                .contains("\"restart\" : true");
    }

    @Test
    void theSpecsWebhookHearsOfTheStartEachPromotionAndTheCompletionAndTheOutboxKeepsNoSecret() throws Exception {
        List<String> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
        app.createContext("/hooks/s3cr3t-path", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        Path spec = spec("[50%, hold 1s, 100%]", true);
        Files.writeString(
                spec,
                "notify:\n  - webhook: \"http://127.0.0.1:" + app.getAddress().getPort()
                        + "/hooks/s3cr3t-path\"\n    events: [rollout]\n",
                java.nio.file.StandardOpenOption.APPEND);

        Run run = golive("rollout", spec.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(0);
        assertThat(String.join("\n", bodies))
                .contains("rollout.started")
                .contains("rollout.promoted")
                .contains("rollout.completed")
                .doesNotContain("rollout.rolled_back");
        Path outbox = dir.resolve(".golive/shop.notify.json");
        assertThat(outbox).exists();
        assertThat(Files.readString(outbox))
                .contains("SENT")
                .doesNotContain("PENDING")
                .doesNotContain("s3cr3t-path");
    }

    @Test
    void aWebhookThatIsDownNeitherDelaysNorStopsTheRolloutAndItsDeliveryStaysPending() throws Exception {
        Path spec = spec("[100%]", true);
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // accepts nothing beyond the backlog and never answers: a hanging webhook
            Files.writeString(
                    spec,
                    "notify:\n  - webhook: \"http://127.0.0.1:" + silent.getLocalPort() + "/hook\"\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Instant start = Instant.now();
            Run run = golive("rollout", spec.toString());

            assertThat(run.code()).as(run.err()).isEqualTo(0);
            assertThat(weights()).containsExactly("100");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(45));
            assertThat(run.err()).contains("notify:");
        }
        assertThat(Files.readString(dir.resolve(".golive/shop.notify.json"))).contains("PENDING");
    }

    @Test
    void sigtermStopsGuardingWithExit143AndLeavesTrafficAsItIs() throws Exception {
        Path spec = spec("[10%, hold 1h, 100%]", true);
        Process p = guard(spec);
        await("a reading", Duration.ofSeconds(60), unchecked(() -> state().contains("\"step\" : 1")));
        Thread.sleep(1_000);

        p.destroy(); // SIGTERM
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(143);
        assertThat(weights()).containsExactly("10");
        assertThat(Files.readString(dir.resolve("guard.log")))
                .contains("stopped guarding at 10%")
                .contains("to carry on: golive rollout");
        assertThat(state()).contains("\"status\" : \"RUNNING\"");
    }

    @Test
    void pauseAndAbortFromAnotherProcessAreNoticedWithinOneInterval() throws Exception {
        Path spec = spec("[10%, hold 1h, 100%]", true);
        Process p = guard(spec);
        await("a reading", Duration.ofSeconds(60), unchecked(() -> state().contains("\"step\" : 1")));

        Run pause = golive("rollout", spec.toString(), "pause");
        assertThat(pause.code()).isEqualTo(0);
        assertThat(pause.err()).contains("the guard took the request");
        assertThat(state()).contains("\"status\" : \"PAUSED\"");

        Instant asked = Instant.now();
        Run abort = golive("rollout", spec.toString(), "abort");
        assertThat(abort.err()).contains("the guard took the request");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(weights()).containsExactly("10", "0");
        assertThat(Files.readAllLines(dir.resolve("rollback.txt"))).containsExactly("undone");
        Run status = golive("rollout", spec.toString(), "status");
        assertThat(status.out()).contains("ROLLED_BACK at 0%").contains("chain verified");
    }

    @Test
    void onNoGoItRefusesToStartUnlessForcedAndRecordsTheForce() throws Exception {
        Path spec = spec("[100%]", false);

        Run refused = golive("rollout", spec.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("NO-GO: the rollout does not start");
        assertThat(weights()).isEmpty();

        Run forced = golive("rollout", spec.toString(), "--force", "--json");
        assertThat(forced.code()).isEqualTo(0);
        assertThat(weights()).containsExactly("100");
        assertThat(forced.out())
                .contains("\"forced\" : true")
                .contains("\"decision\" : \"NO_GO\"")
                .contains("\"verified\" : true");
    }

    @Test
    void dryRunPrintsThePlanWithWhereEachTriggerCameFrom() throws Exception {
        Path spec = spec("[10%, hold 2h, 100%, watch 24h]", false);

        Run dry = golive("rollout", spec.toString(), "--dry-run", "--json");

        assertThat(dry.code()).isEqualTo(0);
        assertThat(dry.out())
                .contains("{\n    \"weight\" : 10\n  }, {\n    \"hold\" : \"PT2H\"\n  }")
                .contains("\"watch\" : \"PT24H\"")
                .contains("\"source\" : \"LAUNCH.md:7\"")
                .contains("\"command\" : [ \"sh\", \"-c\", \"echo {weight} >> weights.txt\" ]");
        assertThat(weights()).isEmpty();
    }

    @Test
    void aBadSpecExitsTwoNamingEveryProblem() throws Exception {
        Path spec = spec("[hold 1h, 150%]", true);
        Files.writeString(spec, Files.readString(spec).replace("latency:", "p95:"));

        Run bad = golive("rollout", spec.toString(), "--dry-run");

        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err())
                .contains("LAUNCH.md:7: trigger 'If latency > 2s: AUTO ROLLBACK' reads metric 'latency'")
                .contains("golive.yaml:4: rollout.steps: a hold before any weight")
                .contains("golive.yaml:4: rollout.steps: weight 150% is not between 1% and 100%")
                .doesNotContain("Exception");
    }

    @Test
    void aBrokenNotifyEntryExitsTwoInADryRun() throws Exception {
        Path spec = spec("[100%]", true);
        Files.writeString(
                spec, "notify:\n  - webhook: ftp://example.com/hook\n", java.nio.file.StandardOpenOption.APPEND);

        Run bad = golive("rollout", spec.toString(), "--dry-run");

        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("golive.yaml:").contains("webhook").doesNotContain("Exception");
        assertThat(weights()).isEmpty();
    }
}
