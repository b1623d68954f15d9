package io.golive.server.launch;

import io.golive.server.store.LaunchStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the scheduled evaluations that are due. Every replica polls; a run is claimed by moving the
 * launch's next run time with a conditional update, which exactly one replica wins for each due time
 * (and a unique key on the launch and due time backs it up), so each scheduled run happens once.
 */
public final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final LaunchStore launches;
    private final EvaluationRunner runner;
    private final Clock clock;

    public Scheduler(LaunchStore launches, EvaluationRunner runner, Clock clock) {
        this.launches = launches;
        this.runner = runner;
        this.clock = clock;
    }

    /** Starts each due run this replica wins; returns how many it started. */
    public int tick() {
        long now = clock.millis();
        int started = 0;
        for (Map.Entry<Long, Long> due : launches.due(now).entrySet()) {
            long id = due.getKey();
            long dueAt = due.getValue();
            Optional<Long> every = launches.launch(id).flatMap(LaunchStore.Launch::scheduleMs);
            if (every.isEmpty()) {
                continue;
            }
            long next = dueAt + every.get();
            if (next <= now) {
                // missed runs (the servers were down) are not caught up one by one: the next is from now
                next = now + every.get();
            }
            if (launches.claim(id, dueAt, next)) {
                try {
                    runner.start("golive-scheduler", id, "schedule", Optional.of(dueAt));
                    started++;
                } catch (RuntimeException e) {
                    LOG.warn("scheduled evaluation of launch {} did not start: {}", id, e.toString());
                }
            }
        }
        return started;
    }
}
