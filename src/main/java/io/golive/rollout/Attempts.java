package io.golive.rollout;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attempts of one action: it is run until it succeeds or its retries are spent, with back-off
 * (1 s, 2 s, 4 s ... up to 30 s) between attempts. A stopped guard (its sleeper stopped, or its thread
 * interrupted) makes no further attempt.
 */
final class Attempts {
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final List<ActionResult> all = new ArrayList<>();

    private Attempts() {}

    static Attempts run(Plan.Configured action, int weight, Clock clock, Guard.Sleeper sleeper)
            throws InterruptedException {
        Attempts a = new Attempts();
        Duration backoff = FIRST_BACKOFF;
        for (int i = 0; i <= action.retries(); i++) {
            stopIfInterrupted();
            a.all.add(action.action().run(weight, action.timeout()));
            if (a.last().ok()) {
                break;
            }
            stopIfInterrupted();
            if (i < action.retries()) {
                sleeper.sleepUntil(clock.instant().plus(backoff));
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) < 0 ? backoff.multipliedBy(2) : MAX_BACKOFF;
            }
        }
        return a;
    }

    private static void stopIfInterrupted() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("stopped");
        }
    }

    int count() {
        return all.size();
    }

    ActionResult last() {
        return all.getLast();
    }

    /** The fields the event records: how many attempts, and the last one's summary and output. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attempts", count());
        m.put("summary", last().summary());
        m.put("output", last().output());
        return m;
    }
}
