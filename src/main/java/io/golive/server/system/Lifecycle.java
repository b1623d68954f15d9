package io.golive.server.system;

import io.golive.server.launch.LaunchViews;
import io.golive.server.launch.Scheduler;
import io.golive.server.store.EvaluationStore;
import io.golive.server.store.LaunchStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * What runs beside requests: on start, closing evaluations a stopped server left RUNNING; then the
 * scheduled evaluations and the per-launch decision gauges.
 */
@Component
@EnableScheduling
class Lifecycle implements ApplicationRunner, SchedulingConfigurer {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final EvaluationStore evaluations;
    private final LaunchStore launches;
    private final LaunchViews views;
    private final Scheduler scheduler;
    private final GoliveProperties props;
    private final Clock clock;
    private final Environment env;
    private final MultiGauge decisions;
    private final MultiGauge readiness;

    Lifecycle(
            EvaluationStore evaluations,
            LaunchStore launches,
            LaunchViews views,
            Scheduler scheduler,
            GoliveProperties props,
            Clock clock,
            Environment env,
            MeterRegistry meters) {
        this.evaluations = evaluations;
        this.launches = launches;
        this.views = views;
        this.scheduler = scheduler;
        this.props = props;
        this.clock = clock;
        this.env = env;
        this.decisions = MultiGauge.builder("golive.launch.decision")
                .description("1 when the launch is GO, 0 when NO-GO")
                .register(meters);
        this.readiness = MultiGauge.builder("golive.launch.readiness")
                .description("share of blocking pre-launch items settled, percent")
                .register(meters);
    }

    @Override
    public void run(ApplicationArguments args) {
        long now = clock.millis();
        // The embedded database has one server at a time (H2 locks its file): whatever is RUNNING was
        // left by a server that stopped. With PostgreSQL other replicas may be running, so only runs
        // silent for longer than any run may last are closed.
        boolean embedded = env.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
        long cutoff = embedded
                ? now + 1
                : now - props.evaluations().timeout().plusMinutes(2).toMillis();
        int closed = evaluations.interruptStale(cutoff, now);
        if (closed > 0) {
            LOG.warn("{} evaluations left running by a stopped server were marked INTERRUPTED", closed);
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (props.schedule().enabled()) {
            registrar.addFixedDelayTask(this::tick, props.schedule().poll());
        }
        registrar.addFixedDelayTask(this::gauges, Duration.ofSeconds(30));
    }

    private void tick() {
        try {
            scheduler.tick();
        } catch (RuntimeException e) {
            LOG.error("scheduled evaluations: poll failed", e);
        }
    }

    private void gauges() {
        List<MultiGauge.Row<?>> d = new ArrayList<>();
        List<MultiGauge.Row<?>> r = new ArrayList<>();
        for (LaunchStore.Launch l : launches.all()) {
            try {
                var v = views.view(l.id());
                Tags tags = Tags.of("launch", l.name(), "id", Long.toString(l.id()));
                d.add(MultiGauge.Row.of(tags, v.evaluation().decision().name().equals("GO") ? 1 : 0));
                r.add(MultiGauge.Row.of(tags, v.readiness()));
            } catch (RuntimeException e) {
                LOG.warn("launch {}: cannot compute its decision: {}", l.id(), e.toString());
            }
        }
        decisions.register(d, true);
        readiness.register(r, true);
    }
}
