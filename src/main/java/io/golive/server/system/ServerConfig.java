package io.golive.server.system;

import io.golive.egress.Egress;
import io.golive.egress.EgressPolicy;
import io.golive.gate.RunOptions;
import io.golive.probe.ProbeRegistry;
import io.golive.server.audit.AuditLog;
import io.golive.server.launch.EvaluationRunner;
import io.golive.server.launch.LaunchService;
import io.golive.server.launch.LaunchViews;
import io.golive.server.launch.Scheduler;
import io.golive.server.launch.ServerProbes;
import io.golive.server.secret.SecretBox;
import io.golive.server.secret.SecretStore;
import io.golive.server.secret.SpecEnvironment;
import io.golive.server.security.Accounts;
import io.golive.server.signoff.SignoffDecision;
import io.golive.server.signoff.SignoffService;
import io.golive.server.signoff.SignoffStore;
import io.golive.server.store.EvaluationStore;
import io.golive.server.store.ItemStore;
import io.golive.server.store.LaunchStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the Spring-free pieces of the server: stores, services, the evaluation runner. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GoliveProperties.class)
class ServerConfig {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServerConfig.class);

    /**
     * The egress policy, in force while the server runs. The database the server itself uses is its
     * own connection, not a spec's: its host is answered by the JVM's resolver unfiltered.
     */
    @Bean(destroyMethod = "close")
    Egress.Installed egressPolicy(GoliveProperties props, Environment environment) {
        GoliveProperties.Egress e = props.egress();
        EgressPolicy policy;
        try {
            policy = EgressPolicy.of(e.allow(), e.deny(), "golive.egress.allow");
        } catch (io.golive.InputException ex) {
            throw new IllegalStateException(
                    "golive.egress (GOLIVE_EGRESS_ALLOW / GOLIVE_EGRESS_DENY): " + ex.getMessage());
        }
        LOG.info("network egress for checks: {}", policy);
        return Egress.install(policy, OwnHosts.of(environment.getProperty("spring.datasource.url", "")));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AuditLog auditLog(JdbcClient jdbc, Clock clock) {
        return new AuditLog(jdbc, clock);
    }

    @Bean
    SecretStore secretStore(JdbcClient jdbc, AuditLog audit, Clock clock, GoliveProperties props) {
        Optional<SecretBox> box;
        try {
            box = Optional.of(props.secrets().key()).filter(k -> !k.isBlank()).map(SecretBox::fromBase64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("golive.secrets.key (GOLIVE_SECRETS_KEY): " + e.getMessage());
        }
        return new SecretStore(jdbc, box, audit, clock);
    }

    @Bean
    SpecEnvironment specEnvironment(SecretStore secrets) {
        return new SpecEnvironment(System.getenv(), secrets);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Accounts accounts(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, AuditLog audit) {
        return new Accounts(jdbc, encoder, clock, audit);
    }

    @Bean
    LaunchStore launchStore(JdbcClient jdbc) {
        return new LaunchStore(jdbc);
    }

    @Bean
    ItemStore itemStore(JdbcClient jdbc) {
        return new ItemStore(jdbc);
    }

    @Bean
    EvaluationStore evaluationStore(JdbcClient jdbc) {
        return new EvaluationStore(jdbc);
    }

    @Bean
    SignoffStore signoffStore(JdbcClient jdbc) {
        return new SignoffStore(jdbc);
    }

    @Bean
    ProbeSource probeSource(GoliveProperties props) {
        boolean local = props.probes().local().enabled();
        return new ProbeSource(ServerProbes.registry(getClass().getClassLoader(), local));
    }

    @Bean
    LaunchViews launchViews(
            LaunchStore launches, ItemStore items, EvaluationStore evaluations, SignoffStore signoffs, Clock clock) {
        return new LaunchViews(launches, items, evaluations, signoffs, clock);
    }

    @Bean
    @DependsOn("egressPolicy")
    LaunchService launchService(
            LaunchStore launches,
            ItemStore items,
            LaunchViews views,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock,
            ProbeSource probes,
            GoliveProperties props,
            SpecEnvironment environment) {
        return new LaunchService(
                launches,
                items,
                views,
                audit,
                tx,
                clock,
                probes,
                props.probes().local().enabled(),
                environment);
    }

    @Bean
    SignoffService signoffService(
            SignoffStore store,
            LaunchStore launches,
            LaunchViews views,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        return new SignoffService(store, launches, audit, tx, clock, id -> {
            var view = views.build(id);
            return new SignoffService.Snapshot(
                    SignoffDecision.requiredRoles(view.evaluation()),
                    view.evaluation().checklist().allItems().stream()
                            .map(i -> i.id())
                            .collect(java.util.stream.Collectors.toSet()),
                    view.digest());
        });
    }

    @Bean
    String goliveInstance() {
        return UUID.randomUUID().toString();
    }

    @Bean(destroyMethod = "close")
    @DependsOn("egressPolicy")
    EvaluationRunner evaluationRunner(
            LaunchStore launches,
            EvaluationStore evaluations,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock,
            ProbeSource probes,
            SpecEnvironment environment,
            MeterRegistry meters,
            GoliveProperties props,
            String goliveInstance,
            org.springframework.context.ApplicationEventPublisher events) {
        GoliveProperties.Evaluations e = props.evaluations();
        RunOptions options = new RunOptions(RunOptions.DEFAULT_CHECK_TIMEOUT, e.timeout(), 64, 16);
        return new EvaluationRunner(
                launches,
                evaluations,
                audit,
                tx,
                clock,
                probes,
                environment,
                meters,
                options,
                Math.max(1, e.concurrent()),
                e.shutdownGrace(),
                goliveInstance,
                events);
    }

    @Bean
    Scheduler scheduler(LaunchStore launches, EvaluationRunner runner, Clock clock) {
        return new Scheduler(launches, runner, clock);
    }

    /** The probe registry, built once. */
    record ProbeSource(ProbeRegistry registry) implements Supplier<ProbeRegistry> {
        @Override
        public ProbeRegistry get() {
            return registry;
        }
    }
}
