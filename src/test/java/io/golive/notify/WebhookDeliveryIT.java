package io.golive.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.egress.CountingListener;
import io.golive.egress.Egress;
import io.golive.egress.EgressPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhook deliveries to a real HTTP server on loopback: bodies, retries, restarts, the egress policy. */
class WebhookDeliveryIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Launch SHOP = new Launch("42", "shop");
    private static final Retry RETRY = new Retry(4, Duration.ofMinutes(1), Duration.ofMinutes(10));

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private Sink sink;

    @BeforeEach
    void start() throws Exception {
        sink = new Sink();
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    private Notifier notifier(Specs.Read read, Duration timeout) {
        return new Notifier(
                read.destinations(),
                new FileOutbox(dir.resolve("outbox.json")),
                new WebhookSender(timeout),
                new MailSender(Duration.ofSeconds(5), clock),
                RETRY,
                clock,
                read.spec().secrets());
    }

    private Specs.Read spec(String notify, Map<String, String> env) throws Exception {
        return Specs.read(dir, notify, env);
    }

    private Event rolledBack() {
        return Event.rollout(SHOP, clock.instant(), RolloutChange.ROLLED_BACK, Map.of("step", 2, "weight", 50));
    }

    @Test
    void eachFormatArrivesAsItsServiceExpectsIt() throws Exception {
        var read = spec(
                """
                notify:
                  - webhook: %s
                  - webhook: %s
                    format: slack
                  - webhook: %s
                    format: teams
                  - webhook: %s
                    format: pagerduty
                    routingKey: "${PD_KEY}"
                """.formatted(sink.url("json"), sink.url("slack"), sink.url("teams"), sink.url("pd")),
                Map.of("PD_KEY", "pd-routing-key-1"));
        Notifier n = notifier(read, Duration.ofSeconds(5));

        n.notify(rolledBack());
        List<Delivery> done = n.deliverDue();

        assertThat(done).hasSize(4).allSatisfy(d -> {
            assertThat(d.outcome()).as(d.lastError().orElse("")).isEqualTo(Outcome.SENT);
            assertThat(d.attempts()).isEqualTo(1);
        });
        assertThat(sink.received("json")).singleElement().asString().startsWith("application/json {");
        JsonNode json = JSON.readTree(sink.bodies("json").get(0));
        assertThat(json.get("event").asString()).isEqualTo("rollout.rolled_back");
        assertThat(json.get("launch").get("name").asString()).isEqualTo("shop");
        JsonNode slack = JSON.readTree(sink.bodies("slack").get(0));
        assertThat(slack.get("blocks").get(0).get("text").get("text").asString())
                .isEqualTo("shop: rollout rolled back");
        JsonNode teams = JSON.readTree(sink.bodies("teams").get(0));
        assertThat(teams.get("@type").asString()).isEqualTo("MessageCard");
        JsonNode pd = JSON.readTree(sink.bodies("pd").get(0));
        assertThat(pd.get("routing_key").asString()).isEqualTo("pd-routing-key-1");
        assertThat(pd.get("event_action").asString()).isEqualTo("trigger");
        assertThat(pd.get("dedup_key").asString()).isEqualTo("golive-rollout-42");
        assertThat(Files.readString(dir.resolve("outbox.json"))).doesNotContain("pd-routing-key-1");
    }

    @Test
    void pagerDutyResolvesOnCompletionAndHearsNothingElse() throws Exception {
        var read = spec(
                "notify:\n  - webhook: %s\n    format: pagerduty\n    routingKey: k1\n".formatted(sink.url("pd")),
                Map.of());
        Notifier n = notifier(read, Duration.ofSeconds(5));

        assertThat(n.notify(Event.rollout(SHOP, clock.instant(), RolloutChange.STARTED, Map.of())))
                .isEmpty();
        n.notify(Event.rollout(SHOP, clock.instant(), RolloutChange.COMPLETED, Map.of()));
        n.deliverDue();

        assertThat(sink.bodies("pd")).singleElement().satisfies(b -> {
            JsonNode pd = JSON.readTree(b);
            assertThat(pd.get("event_action").asString()).isEqualTo("resolve");
            assertThat(pd.get("dedup_key").asString()).isEqualTo("golive-rollout-42");
        });
    }

    @Test
    void aSinkAnswering500TwiceThen200GetsOneDeliveryAfterBackOff() throws Exception {
        sink.answer("flaky", 500, 500, 200);
        Notifier n = notifier(
                spec("notify:\n  - webhook: %s\n".formatted(sink.url("flaky")), Map.of()), Duration.ofSeconds(5));
        n.notify(rolledBack());

        Delivery first = n.deliverDue().get(0);
        assertThat(first.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(first.lastError())
                .contains("HTTP 500 from " + sink.url("").replaceAll("/$", "") + "/****: upstream down");
        assertThat(n.deliverDue()).as("not due before its back-off").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(n.deliverDue().get(0).attempts()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(1));
        assertThat(n.deliverDue()).as("the second wait is twice the first").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        Delivery last = n.deliverDue().get(0);

        assertThat(last.outcome()).isEqualTo(Outcome.SENT);
        assertThat(last.attempts()).isEqualTo(3);
        clock.advance(Duration.ofHours(1));
        assertThat(n.deliverDue()).isEmpty();
        assertThat(sink.received("flaky")).hasSize(3);
        assertThat(n.nextDue()).isEmpty();
    }

    @Test
    void afterTheLastTryItIsFailedWithTheLastError() throws Exception {
        sink.answer("down", 503, 503, 503, 503, 503);
        Notifier n = notifier(
                spec("notify:\n  - webhook: %s\n".formatted(sink.url("down")), Map.of()), Duration.ofSeconds(5));
        n.notify(rolledBack());

        Delivery d = null;
        for (int i = 0; i < 4; i++) {
            d = n.deliverDue().get(0);
            clock.advance(Duration.ofMinutes(10));
        }

        assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(d.attempts()).isEqualTo(4);
        assertThat(d.lastError()).get().asString().startsWith("HTTP 503 from");
        assertThat(n.deliverDue()).isEmpty();
        assertThat(sink.received("down")).hasSize(4);
    }

    @Test
    void aClientErrorFailsAtOnce() throws Exception {
        sink.answer("gone", 404);
        Notifier n = notifier(
                spec("notify:\n  - webhook: %s\n".formatted(sink.url("gone")), Map.of()), Duration.ofSeconds(5));
        n.notify(rolledBack());

        Delivery d = n.deliverDue().get(0);

        assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(d.attempts()).isEqualTo(1);
    }

    @Test
    void aSlowSinkIsATimeoutTriedAgainLater() throws Exception {
        sink.delay(2_000);
        Notifier n = notifier(
                spec("notify:\n  - webhook: %s\n".formatted(sink.url("slow")), Map.of()), Duration.ofMillis(300));
        n.notify(rolledBack());

        long start = System.nanoTime();
        Delivery d = n.deliverDue().get(0);

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_900);
        assertThat(d.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(d.lastError()).get().asString().endsWith("within 300 ms");
    }

    @Test
    void aRestartBetweenRecordingAndSendingLosesNoneAndSendsNoneTwice() throws Exception {
        var read = spec("notify:\n  - webhook: %s\n".formatted(sink.url("r")), Map.of());
        notifier(read, Duration.ofSeconds(5)).notify(rolledBack());
        assertThat(sink.received("r")).isEmpty();

        // a new process: a new outbox over the same file, a new notifier
        List<Delivery> afterRestart = notifier(read, Duration.ofSeconds(5)).deliverDue();
        List<Delivery> again = notifier(read, Duration.ofSeconds(5)).deliverDue();

        assertThat(afterRestart)
                .singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(Outcome.SENT));
        assertThat(again).isEmpty();
        assertThat(sink.received("r")).hasSize(1);
    }

    @Test
    void noSecretReachesTheOutboxOrTheError() throws Exception {
        sink.answer("T0K3N-abc", 500);
        var read = spec("notify:\n  - webhook: \"${HOOK}\"\n", Map.of("HOOK", sink.url("T0K3N-abc")));
        Notifier n = notifier(read, Duration.ofSeconds(5));
        n.notify(rolledBack());

        Delivery d = n.deliverDue().get(0);

        assertThat(d.shown()).doesNotContain("T0K3N");
        assertThat(d.lastError()).get().asString().doesNotContain("T0K3N").contains("****");
        assertThat(Files.readString(dir.resolve("outbox.json"))).doesNotContain("T0K3N");
    }

    @Test
    void aWebhookTheEgressPolicyRefusesSendsNothingAndFails() throws Exception {
        try (CountingListener denied = new CountingListener("127.0.0.2", 0);
                var policy = Egress.install(EgressPolicy.of("127.0.0.1/32", "", "golive.egress.allow"), Set.of())) {
            var read = spec(
                    "notify:\n  - webhook: http://127.0.0.2:%d/x\n  - webhook: %s\n"
                            .formatted(denied.port(), sink.url("allowed")),
                    Map.of());
            Notifier n = notifier(read, Duration.ofSeconds(5));
            n.notify(rolledBack());

            List<Delivery> done = n.deliverDue();

            assertThat(done.get(0).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(done.get(0).attempts()).isEqualTo(1);
            assertThat(done.get(0).lastError())
                    .contains("egress to 127.0.0.2 is not allowed on this server (golive.egress.allow)");
            assertThat(done.get(1).outcome()).isEqualTo(Outcome.SENT);
            assertThat(denied.accepted()).isZero();
            assertThat(sink.received("allowed")).hasSize(1);
        }
    }

    @Test
    void eventsAnEntryDoesNotWantMakeNoDelivery() throws Exception {
        var read = spec("notify:\n  - webhook: %s\n    events: [decision]\n".formatted(sink.url("d")), Map.of());
        Notifier n = notifier(read, Duration.ofSeconds(5));

        assertThat(n.notify(rolledBack())).isEmpty();
        assertThat(n.notify(Event.decision(SHOP, clock.instant(), "GO", "NO_GO", List.of("x"))))
                .hasSize(1);
    }

    @Test
    void aDeliveryWhoseEntryLeftTheSpecBeforeTheRestartFailsAndGoesNowhere() throws Exception {
        notifier(spec("notify:\n  - webhook: %s\n".formatted(sink.url("old")), Map.of()), Duration.ofSeconds(5))
                .notify(rolledBack());

        var edited = spec("notify:\n  - email: ops@example.com\n    smtp: { host: 127.0.0.1, port: 9 }\n", Map.of());
        Delivery d = notifier(edited, Duration.ofSeconds(5)).deliverDue().get(0);

        assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(d.lastError())
                .get()
                .asString()
                .startsWith("notify entry 1 (http://127.0.0.1:")
                .endsWith(") is no longer in the spec");
        assertThat(sink.received("old")).isEmpty();
    }
}
