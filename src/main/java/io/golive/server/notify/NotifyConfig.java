package io.golive.server.notify;

import io.golive.notify.MailSender;
import io.golive.notify.WebhookSender;
import io.golive.probe.ProbeRegistry;
import io.golive.server.launch.LaunchViews;
import io.golive.server.secret.SpecEnvironment;
import io.golive.server.store.LaunchStore;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the notifications: the outbox, its listener and dispatcher, and the watches that raise events. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class NotifyConfig {
    @Bean
    NotificationStore notificationStore(JdbcClient jdbc, Clock clock) {
        return new NotificationStore(jdbc, clock);
    }

    @Bean
    LaunchNotifiers launchNotifiers(
            LaunchStore launches,
            NotificationStore store,
            Supplier<ProbeRegistry> probes,
            SpecEnvironment env,
            NotifyProperties props,
            Clock clock) {
        return new LaunchNotifiers(
                launches,
                store,
                probes,
                env,
                new WebhookSender(props.timeout()),
                new MailSender(props.timeout(), clock),
                props.retry().policy(),
                clock);
    }

    /** Sends only once the egress policy is in force (every channel obeys it). */
    @Bean(destroyMethod = "close")
    @DependsOn("egressPolicy")
    Dispatcher notificationDispatcher(
            NotificationStore store,
            LaunchNotifiers notifiers,
            Clock clock,
            @Qualifier("goliveInstance") String instance,
            NotifyProperties props) {
        return new Dispatcher(store, notifiers, clock, instance, props.sweep(), props.lease());
    }

    @Bean
    NotifyListener notifyListener(LaunchStore launches, LaunchNotifiers notifiers, Dispatcher dispatcher) {
        return new NotifyListener(launches, notifiers, dispatcher);
    }

    @Bean
    NotifyMarks notifyMarks(JdbcClient jdbc) {
        return new NotifyMarks(jdbc);
    }

    @Bean
    DecisionWatch decisionWatch(
            LaunchStore launches,
            LaunchViews views,
            NotifyMarks marks,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        return new DecisionWatch(launches, views, marks, jdbc, events, clock);
    }

    @Bean
    OverdueWatch overdueWatch(
            LaunchStore launches,
            LaunchViews views,
            NotifyMarks marks,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            Clock clock) {
        return new OverdueWatch(launches, views, marks, tx, events, clock);
    }
}
