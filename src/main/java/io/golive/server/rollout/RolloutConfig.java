package io.golive.server.rollout;

import io.golive.probe.ProbeRegistry;
import io.golive.server.audit.AuditLog;
import io.golive.server.launch.LaunchViews;
import io.golive.server.secret.SpecEnvironment;
import io.golive.server.store.LaunchStore;
import io.golive.server.system.GoliveProperties;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the server's rollouts: tables, plans, the replica's drivers, the service. */
@Configuration(proxyBeanMethods = false)
class RolloutConfig {
    @Bean
    RolloutRows rolloutRows(JdbcClient jdbc) {
        return new RolloutRows(jdbc);
    }

    @Bean
    Leases rolloutLeases(JdbcClient jdbc) {
        return new Leases(jdbc);
    }

    @Bean
    RolloutPlans rolloutPlans(
            LaunchStore launches,
            Supplier<ProbeRegistry> probes,
            SpecEnvironment env,
            GoliveProperties props,
            Clock clock) {
        return new RolloutPlans(launches, probes, env, props.probes().local().enabled(), clock);
    }

    @Bean(destroyMethod = "close")
    @DependsOn("egressPolicy")
    RolloutDrivers rolloutDrivers(
            RolloutRows rows,
            Leases leases,
            RolloutPlans plans,
            LaunchStore launches,
            TransactionTemplate tx,
            ApplicationEventPublisher publisher,
            Clock clock,
            String goliveInstance) {
        return new RolloutDrivers(rows, leases, plans, launches, tx, publisher, clock, goliveInstance);
    }

    @Bean
    RolloutService rolloutService(
            RolloutRows rows,
            Leases leases,
            RolloutPlans plans,
            RolloutDrivers drivers,
            LaunchViews launchViews,
            LaunchStore launches,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        RolloutViews views = new RolloutViews(rows, leases, plans, launches, clock);
        return new RolloutService(rows, leases, plans, views, drivers, launchViews, launches, audit, tx, clock);
    }
}
