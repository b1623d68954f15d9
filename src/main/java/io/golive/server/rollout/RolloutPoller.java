package io.golive.server.rollout;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Every {@code golive.rollouts.poll} (default 1s) looks for rollouts whose lease lapsed, which this
 * replica then takes over: a replica that died is replaced within its lease and one poll.
 */
@Component
class RolloutPoller implements SchedulingConfigurer {
    private static final Logger LOG = LoggerFactory.getLogger(RolloutPoller.class);

    private final RolloutDrivers drivers;
    private final Duration poll;

    RolloutPoller(RolloutDrivers drivers, Environment environment) {
        this.drivers = drivers;
        this.poll = environment.getProperty("golive.rollouts.poll", Duration.class, Duration.ofSeconds(1));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::tick, poll);
    }

    private void tick() {
        try {
            drivers.tick();
        } catch (RuntimeException e) {
            LOG.error("rollouts: looking for lapsed leases failed", e);
        }
    }
}
