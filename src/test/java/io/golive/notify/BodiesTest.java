package io.golive.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BodiesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Launch SHOP = new Launch("42", "shop");
    private static final Instant AT = Instant.parse("2026-12-01T09:30:00Z");

    static WebhookDestination to(Format f) {
        return new WebhookDestination(
                0,
                1,
                URI.create("https://example.com/hook"),
                f,
                f == Format.PAGERDUTY ? Optional.of("R0UT1NGKEY") : Optional.empty(),
                Set.of(Topic.values()),
                "https://example.com/****");
    }

    private static JsonNode body(Event e, Format f) {
        return JSON.readTree(Bodies.render(e, to(f)).orElseThrow());
    }

    private static Event rolledBack() {
        return Event.rollout(
                SHOP, AT, RolloutChange.ROLLED_BACK, Map.of("step", 2, "weight", 50, "reason", "p95 612 ms > 500 ms"));
    }

    @Test
    void jsonIsGolivesOwnDocument() {
        JsonNode b = body(Event.rollout(SHOP, AT, RolloutChange.COMPLETED, Map.of("weight", 100)), Format.JSON);

        assertThat(b.get("event").asString()).isEqualTo("rollout.completed");
        assertThat(b.get("launch").get("id").asString()).isEqualTo("42");
        assertThat(b.get("launch").get("name").asString()).isEqualTo("shop");
        assertThat(b.get("at").asString()).isEqualTo("2026-12-01T09:30:00Z");
        assertThat(b.get("details").get("weight").asInt()).isEqualTo(100);
        assertThat(b.propertyNames()).containsExactly("event", "launch", "at", "details");
    }

    @Test
    void slackGetsAFallbackTextAndHeaderSectionContextBlocks() {
        JsonNode b =
                body(Event.decision(SHOP, AT, "GO", "NO_GO", List.of("security/tls: expires in 5 days")), Format.SLACK);

        assertThat(b.get("text").asString()).isEqualTo("shop: NO-GO (was GO)");
        JsonNode blocks = b.get("blocks");
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).get("type").asString()).isEqualTo("header");
        assertThat(blocks.get(0).get("text").get("type").asString()).isEqualTo("plain_text");
        assertThat(blocks.get(0).get("text").get("text").asString()).isEqualTo("shop: NO-GO (was GO)");
        assertThat(blocks.get(1).get("type").asString()).isEqualTo("section");
        assertThat(blocks.get(1).get("text").get("type").asString()).isEqualTo("mrkdwn");
        assertThat(blocks.get(1).get("text").get("text").asString())
                .isEqualTo("from: GO\nto: NO_GO\nreasons:\n- security/tls: expires in 5 days");
        assertThat(blocks.get(2).get("type").asString()).isEqualTo("context");
        assertThat(blocks.get(2).get("elements").get(0).get("text").asString()).contains("decision");
    }

    @Test
    void slackHeaderStaysWithinSlacksLimit() {
        JsonNode b = body(Event.overdue(SHOP, AT, "ops/x", "y".repeat(300), AT, false), Format.SLACK);

        assertThat(b.get("blocks").get(0).get("text").get("text").asString()).hasSize(150);
    }

    @Test
    void teamsGetsAMessageCardWithFactsAndARedThemeForARollback() {
        JsonNode b = body(rolledBack(), Format.TEAMS);

        assertThat(b.get("@type").asString()).isEqualTo("MessageCard");
        assertThat(b.get("@context").asString()).isEqualTo("https://schema.org/extensions");
        assertThat(b.get("summary").asString()).isEqualTo("shop: rollout rolled back");
        assertThat(b.get("title").asString()).isEqualTo("shop: rollout rolled back");
        assertThat(b.get("themeColor").asString()).isEqualTo("D32F2F");
        JsonNode facts = b.get("sections").get(0).get("facts");
        assertThat(facts.findValuesAsString("name")).containsExactlyInAnyOrder("step", "weight", "reason");
        assertThat(facts.findValuesAsString("value")).contains("p95 612 ms > 500 ms");
    }

    @Test
    void pagerDutyTriggersOnRollbackWithADedupKeyPerLaunch() {
        JsonNode b = body(rolledBack(), Format.PAGERDUTY);

        assertThat(b.get("routing_key").asString()).isEqualTo("R0UT1NGKEY");
        assertThat(b.get("event_action").asString()).isEqualTo("trigger");
        assertThat(b.get("dedup_key").asString()).isEqualTo("golive-rollout-42");
        JsonNode p = b.get("payload");
        assertThat(p.get("summary").asString()).isEqualTo("shop: rollout rolled back");
        assertThat(p.get("source").asString()).isEqualTo("golive");
        assertThat(p.get("severity").asString()).isEqualTo("critical");
        assertThat(p.get("timestamp").asString()).isEqualTo("2026-12-01T09:30:00Z");
        assertThat(p.get("custom_details").get("weight").asInt()).isEqualTo(50);
    }

    @Test
    void pagerDutyResolvesTheSameKeyOnCompletionAndIgnoresTheRest() {
        JsonNode b = body(Event.rollout(SHOP, AT, RolloutChange.COMPLETED, Map.of()), Format.PAGERDUTY);

        assertThat(b.get("event_action").asString()).isEqualTo("resolve");
        assertThat(b.get("dedup_key").asString()).isEqualTo("golive-rollout-42");
        assertThat(b.has("payload")).isFalse();
        assertThat(Bodies.render(Event.rollout(SHOP, AT, RolloutChange.PROMOTED, Map.of()), to(Format.PAGERDUTY)))
                .isEmpty();
        assertThat(Bodies.render(Event.signoff(SHOP, AT, "CTO", List.of("cto@example.com")), to(Format.PAGERDUTY)))
                .isEmpty();
    }

    @Test
    void mailTextSaysWhatHappenedAndWhen() {
        String text = Bodies.mailText(Event.signoff(SHOP, AT, "Security Lead", List.of("sec@example.com")));

        assertThat(text)
                .startsWith("shop: sign-off wanted from Security Lead\n")
                .contains("role: Security Lead\n")
                .contains("- sec@example.com\n")
                .contains("at: 2026-12-01T09:30:00Z");
    }

    @Test
    void anUnknownEventTypeIsRefused() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> new Event("rollout.exploded", SHOP, AT, Map.of())))
                .hasMessage("unknown event type rollout.exploded");
        assertThat(Event.overdue(SHOP, AT, "a/b", "x", AT, true).topic()).isEqualTo(Topic.OVERDUE);
    }
}
