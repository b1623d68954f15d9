package io.golive.probe.metrics;

import static java.util.Objects.requireNonNull;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code sendTest: true}: posts a uniquely labelled alert, waits until Alertmanager lists it as active
 * and routed to the receiver and, given a {@code deliveredUrl}, until the receiver's own record shows
 * it; then resolves it. Without that record the summary says delivery itself was not verified.
 */
final class TestAlert {
    static final String ALERTNAME = "GoliveDeliveryTest";
    static final String ID_LABEL = "golive_test";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CALL = Duration.ofSeconds(5);
    /** How long a test alert outlives the wait unless resolved: longer than the usual group_wait. */
    private static final Duration LINGER = Duration.ofMinutes(5);

    private final AlertmanagerApi api;
    private final Clock clock;
    private final Instant deadline;
    private final String id;

    TestAlert(AlertmanagerApi api, Clock clock, Instant deadline, String id) {
        this.api = requireNonNull(api, "null api");
        this.clock = requireNonNull(clock, "null clock");
        this.deadline = requireNonNull(deadline, "null deadline");
        this.id = requireNonNull(id, "null id");
    }

    /**
     * What one look found.
     *
     * @param routed listed as active and routed to the receiver (to any, when none is named)
     * @param delivered the receiver's record shows the alert
     * @param pageError why the receiver's record could not be read, if it could not
     */
    record Seen(
            boolean listed,
            String state,
            List<String> receivers,
            String suppressedBy,
            boolean routed,
            boolean delivered,
            String pageError) {
        static final Seen NOTHING = new Seen(false, "", List.of(), "", false, false, "");
    }

    /**
     * Sends the alert and waits at most {@code wait} for the proof.
     *
     * @param receiver the receiver it must be routed to, if one is named
     * @param record the page where the receiver records deliveries, if there is one
     */
    Observation run(Optional<String> receiver, Map<String, String> extra, Optional<ApiEndpoint> record, Duration wait) {
        Instant start = clock.instant();
        Map<String, String> labels = new LinkedHashMap<>(extra);
        labels.put("alertname", ALERTNAME);
        labels.put(ID_LABEL, id);
        Instant until = start.plus(wait);
        Instant endsAt = until.plus(LINGER);
        try {
            api.post("/api/v2/alerts", body(labels, start, endsAt), call(until));
        } catch (ApiException e) {
            return Observation.error("could not send the test alert: " + e.getMessage());
        }
        Observation o;
        try {
            o = new DeliveryWait(this, receiver, record, start, until).result();
        } catch (ApiException e) {
            o = Observation.error("lost Alertmanager while waiting for the test alert: " + e.getMessage());
        }
        // Resolved before its group's first notification, an alert is never sent: without the receiver's
        // record to prove delivery, a routed alert stays active until its endsAt.
        String resolved = o.status() == Status.PASS && record.isEmpty()
                ? "left active until " + endsAt + " so that its notification goes out after the route's group_wait"
                : resolve(labels, start);
        return o.withEvidence("alert", labels.toString()).withEvidence("resolved", resolved);
    }

    /** One look: the alert as Alertmanager lists it and, once routed, whether the receiver's record shows it. */
    Seen look(Optional<String> receiver, Optional<ApiEndpoint> record, Instant until) throws ApiException {
        JsonNode alerts = api.get("/api/v2/alerts", Map.of("filter", ID_LABEL + "=\"" + id + "\""), call(until));
        if (alerts.isEmpty()) {
            return Seen.NOTHING;
        }
        JsonNode a = alerts.get(0);
        List<String> receivers = new ArrayList<>();
        a.path("receivers").forEach(r -> receivers.add(r.path("name").asString("")));
        JsonNode status = a.path("status");
        String state = status.path("state").asString("");
        String suppressed = status.path("silencedBy").isEmpty()
                        && status.path("inhibitedBy").isEmpty()
                ? ""
                : "silenced by " + status.path("silencedBy") + ", inhibited by " + status.path("inhibitedBy");
        boolean routed = state.equals("active")
                && !receivers.isEmpty()
                && receiver.map(receivers::contains).orElse(true);
        boolean delivered = false;
        String pageError = "";
        if (routed && record.isPresent()) {
            try {
                delivered = api.page(record.get(), call(until)).contains(id);
            } catch (ApiException e) {
                pageError = e.getMessage();
            }
        }
        return new Seen(true, state, receivers, suppressed, routed, delivered, pageError);
    }

    String id() {
        return id;
    }

    Instant now() {
        return clock.instant();
    }

    Duration poll() {
        return POLL;
    }

    private Duration call(Instant until) {
        Duration left = Duration.between(clock.instant(), until.isAfter(deadline) ? deadline : until);
        Duration t = left.compareTo(CALL) > 0 ? CALL : left;
        return t.toMillis() < 100 ? Duration.ofMillis(100) : t;
    }

    private String resolve(Map<String, String> labels, Instant start) {
        Instant now = clock.instant();
        try {
            api.post("/api/v2/alerts", body(labels, start, now), call(deadline));
            return "resolved at " + now;
        } catch (ApiException e) {
            return "not resolved (" + e.getMessage() + "); it ends by itself at its endsAt";
        }
    }

    private static String body(Map<String, String> labels, Instant startsAt, Instant endsAt) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("labels", labels);
        alert.put(
                "annotations",
                Map.of(
                        "summary", "golive test alert: verifies that alerts reach their receiver",
                        "description", "Sent by a golive sendTest check; it resolves itself."));
        alert.put("startsAt", startsAt.toString());
        alert.put("endsAt", endsAt.toString());
        return ApiClient.json().writeValueAsString(List.of(alert));
    }
}
