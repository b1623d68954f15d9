package io.golive.probe.metrics;

import io.golive.probe.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wait for a test alert's proof: looks again every poll interval until the proof is in, the alert
 * is found suppressed, or the time is up; then says exactly what was verified.
 */
final class DeliveryWait {
    private final TestAlert alert;
    private final Optional<String> receiver;
    private final Optional<ApiEndpoint> record;
    private final Instant start;
    private final Instant until;

    DeliveryWait(
            TestAlert alert, Optional<String> receiver, Optional<ApiEndpoint> record, Instant start, Instant until) {
        this.alert = alert;
        this.receiver = receiver;
        this.record = record;
        this.start = start;
        this.until = until;
    }

    Observation result() throws ApiException {
        TestAlert.Seen seen;
        Instant routedAt = null;
        do {
            seen = alert.look(receiver, record, until);
            if (seen.routed() && routedAt == null) {
                routedAt = alert.now();
            }
            if (seen.routed() && (record.isEmpty() || seen.delivered())) {
                return passed(seen, routedAt);
            }
            if (!seen.suppressedBy().isEmpty() || seen.state().equals("active") && !seen.routed()) {
                break; // a silence, an inhibition or a route does not change while we wait
            }
        } while (pause());
        return failed(seen);
    }

    private Observation passed(TestAlert.Seen seen, Instant routedAt) {
        Map<String, Object> m = measurements(seen);
        long ms = Duration.between(start, alert.now()).toMillis();
        String to =
                receiver.map(r -> "receiver '" + r + "'").orElse("receivers " + String.join(", ", seen.receivers()));
        if (record.isPresent()) {
            m.put("deliveryMs", ms);
            return Observation.pass(
                    "test alert delivered to " + to + " in " + ms + " ms: Alertmanager routed it there and the"
                            + " receiver's record (deliveredUrl) shows it",
                    m);
        }
        m.put("routedMs", Duration.between(start, routedAt).toMillis());
        return Observation.pass(
                "test alert accepted, active and routed to " + to + " by Alertmanager in " + ms + " ms; delivery to"
                        + " the receiver itself not verified (give deliveredUrl: a page where the receiver records"
                        + " what it got)",
                m);
    }

    private Observation failed(TestAlert.Seen seen) {
        Map<String, Object> m = measurements(seen);
        String waited = " within " + Duration.between(start, until).toMillis() + " ms";
        if (!seen.listed()) {
            return Observation.fail("Alertmanager accepted the test alert but did not list it" + waited, m);
        }
        if (!seen.suppressedBy().isEmpty()) {
            return Observation.fail("the test alert is suppressed (" + seen.suppressedBy() + "): it is not sent", m);
        }
        if (!seen.routed()) {
            String where = seen.receivers().isEmpty() ? "no receiver" : String.join(", ", seen.receivers());
            return Observation.fail(
                    "the test alert (state " + seen.state() + ") is routed to " + where
                            + receiver.map(r -> ", not to '" + r + "' (give labels: that its route matches)")
                                    .orElse(""),
                    m);
        }
        return Observation.fail(
                "the test alert was routed to " + String.join(", ", seen.receivers())
                        + " but the receiver's record (deliveredUrl) did not show it" + waited
                        + (seen.pageError().isEmpty() ? "" : " (last answer: " + seen.pageError() + ")"),
                m);
    }

    private Map<String, Object> measurements(TestAlert.Seen seen) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alertId", alert.id());
        m.put("state", seen.state().isEmpty() ? "unlisted" : seen.state());
        m.put("routedTo", String.join(", ", seen.receivers()));
        m.put("routed", seen.routed());
        if (record.isPresent()) {
            m.put("delivered", seen.delivered());
        }
        return m;
    }

    /** Waits one poll interval; false when the time is up or the thread is interrupted. */
    private boolean pause() {
        if (!alert.now().plus(alert.poll()).isBefore(until)) {
            return false;
        }
        try {
            Thread.sleep(alert.poll());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
