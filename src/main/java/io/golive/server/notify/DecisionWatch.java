package io.golive.server.notify;

import static java.util.Objects.requireNonNull;

import io.golive.gate.Decision;
import io.golive.gate.Evaluation;
import io.golive.notify.Event;
import io.golive.notify.Launch;
import io.golive.server.launch.EvaluationFinished;
import io.golive.server.launch.LaunchView;
import io.golive.server.launch.LaunchViews;
import io.golive.server.security.Roles;
import io.golive.server.signoff.SignoffDecision.RoleState;
import io.golive.server.store.LaunchStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After each finished evaluation (in its transaction): tells of a launch's decision when it changed
 * (GO and NO-GO as {@code GET /api/launches/{id}} shows them, with the reasons; a launch starts NO-GO),
 * and asks each required sign-off role that has no fresh approval for one once the checks alone would
 * be GO, again whenever the evidence it would sign changes.
 */
final class DecisionWatch {
    static final String DECISION = "decision";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DecisionWatch.class);

    private final LaunchStore launches;
    private final LaunchViews views;
    private final NotifyMarks marks;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DecisionWatch(
            LaunchStore launches,
            LaunchViews views,
            NotifyMarks marks,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.launches = requireNonNull(launches, "null launches");
        this.views = requireNonNull(views, "null views");
        this.marks = requireNonNull(marks, "null marks");
        this.jdbc = requireNonNull(jdbc, "null jdbc");
        this.events = requireNonNull(events, "null events");
        this.clock = requireNonNull(clock, "null clock");
    }

    @EventListener
    public void on(EvaluationFinished finished) {
        try {
            tell(finished.launchId());
        } catch (org.springframework.dao.DataAccessException e) {
            throw e; // the transaction is lost anyway: let it roll back whole
        } catch (RuntimeException e) {
            // a notice must never cost the evaluation its result
            LOG.warn("launch {}: decision and sign-off notices not raised: {}", finished.launchId(), e.toString());
        }
    }

    private void tell(long id) {
        launches.lock(id); // replicas finishing runs of one launch take turns at its marks
        LaunchView view = views.build(id);
        Evaluation e = view.evaluation();
        Launch launch = new Launch(Long.toString(id), view.name());
        Instant at = clock.instant();
        String now = e.decision().name();
        String before = marks.set(id, DECISION, now).orElse(Decision.NO_GO.name());
        if (!before.equals(now)) {
            events.publishEvent(Event.decision(launch, at, before, now, e.reasons()));
        }
        List<RoleState> wanted = view.signoffs().roles().stream()
                .filter(r -> r.latest().isEmpty() || r.stale())
                .toList();
        if (!wanted.isEmpty() && checksAloneGo(view)) {
            for (RoleState r : wanted) {
                String name = "signoff:" + r.role().toLowerCase(Locale.ROOT);
                if (!marks.set(id, name, view.digest())
                        .filter(view.digest()::equals)
                        .isPresent()) {
                    events.publishEvent(Event.signoff(launch, at, r.role(), holders(r.role())));
                }
            }
        }
    }

    /**
     * Whether only sign-offs stand between the launch and GO: each role missing, stale or rejected adds
     * one reason to the checks' own, so the reasons are exactly those.
     */
    private static boolean checksAloneGo(LaunchView view) {
        long signoffReasons = view.signoffs().roles().stream()
                .filter(r -> r.latest().isEmpty()
                        || r.stale()
                        || r.latest().get().verdict().equals("REJECT"))
                .count();
        return view.evaluation().reasons().size() == signoffReasons;
    }

    /** The users holding {@code role}: each by their e-mail address when their account has one, else by name. */
    private List<String> holders(String role) {
        return jdbc
                .sql("SELECT COALESCE(u.email, u.name), r.role FROM users u JOIN user_roles r ON r.user_id = u.id"
                        + " ORDER BY u.name")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list()
                .stream()
                .filter(ur -> Roles.same(ur[1], role))
                .map(ur -> ur[0])
                .distinct()
                .toList();
    }
}
