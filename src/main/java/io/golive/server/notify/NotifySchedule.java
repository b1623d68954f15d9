package io.golive.server.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Looks for overdue reminders every {@code golive.notify.overdue-every}, on the server's scheduler. */
@Component
class NotifySchedule implements SchedulingConfigurer {
    private static final Logger LOG = LoggerFactory.getLogger(NotifySchedule.class);

    private final OverdueWatch overdue;
    private final NotifyProperties props;

    NotifySchedule(OverdueWatch overdue, NotifyProperties props) {
        this.overdue = overdue;
        this.props = props;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::overdue, props.overdueEvery());
    }

    private void overdue() {
        try {
            overdue.tick();
        } catch (RuntimeException e) {
            LOG.warn("overdue reminders: poll failed: {}", e.toString());
        }
    }
}
