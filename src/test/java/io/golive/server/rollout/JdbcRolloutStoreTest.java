package io.golive.server.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.notify.Event;
import io.golive.notify.Launch;
import io.golive.rollout.Action;
import io.golive.rollout.ActionResult;
import io.golive.rollout.Control;
import io.golive.rollout.FakeTime;
import io.golive.rollout.Guard;
import io.golive.rollout.Metric;
import io.golive.rollout.Plan;
import io.golive.rollout.Reading;
import io.golive.rollout.RolloutState;
import io.golive.rollout.Step;
import io.golive.server.store.LaunchStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The guard on the database store (in-memory H2 migrated by the server's migrations): each save holds
 * the lease, stores the events and publishes their notifications inside its transaction; the chain
 * read back verifies, a cut one does not; a replica without the lease writes nothing.
 */
class JdbcRolloutStoreTest {
    private JdbcClient jdbc;
    private TransactionTemplate tx;
    private RolloutRows rows;
    private Leases leases;
    private long rollout;
    private final FakeTime clock = new FakeTime();
    private final List<String> published = new ArrayList<>();
    private final List<Integer> weights = new ArrayList<>();

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rollouts" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = JdbcClient.create(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        rows = new RolloutRows(jdbc);
        leases = new Leases(jdbc);
        long launch = new LaunchStore(jdbc).create("shop", clock.millis(), "ed");
        rollout = rows.create(launch, 1, "GO", false, "ed", clock.millis());
        leases.create(rollout, "replica-a", clock.millis(), 1000);
    }

    private JdbcRolloutStore store(String holder) {
        return new JdbcRolloutStore(
                rollout,
                new Launch("1", "shop"),
                holder,
                rows,
                leases,
                tx,
                e -> {
                    assertThat(TransactionSynchronizationManager.isActualTransactionActive())
                            .as("published inside the transaction that stores the event")
                            .isTrue();
                    published.add(((Event) e).type());
                },
                clock);
    }

    private Plan plan() {
        Action traffic = new Action() {
            @Override
            public ActionResult run(int weight, Duration timeout) {
                weights.add(weight);
                return ActionResult.ok("set " + weight, "");
            }

            @Override
            public Map<String, Object> describe() {
                return Map.of("kind", "test");
            }
        };
        Metric errors = new Metric("error rate", Optional.of("ratio"), "golive.yaml:9", d -> Reading.of(0.001, "ok"));
        return new Plan(
                "shop",
                List.of(
                        new Step.Weight(10, "golive.yaml:4"),
                        new Step.Hold(Duration.ofSeconds(3), "golive.yaml:4"),
                        new Step.Weight(100, "golive.yaml:4")),
                Duration.ofSeconds(1),
                Map.of("error rate", errors),
                List.of(),
                Plan.NoData.DEFAULT,
                new Plan.Configured("webhook", traffic, Duration.ofSeconds(1), 0),
                Optional.empty());
    }

    private Guard guard(JdbcRolloutStore store) {
        return new Guard(plan(), store, clock, clock, (e, s) -> {});
    }

    @Test
    void theGuardCompletesOnTheDatabaseAndEachNoticeIsPublishedInTheSavingTransaction() {
        assertThat(guard(store("replica-a")).run(new Guard.Start("GO", false))).isEqualTo(Guard.Outcome.COMPLETED);

        assertThat(weights).containsExactly(10, 100);
        assertThat(published)
                .containsExactly("rollout.started", "rollout.promoted", "rollout.promoted", "rollout.completed");
        RolloutState saved = store("replica-a").load().orElseThrow();
        assertThat(saved.status()).isEqualTo(RolloutState.Status.COMPLETED);
        assertThat(saved.chainProblem()).isEmpty();
        assertThat(rows.row(rollout).orElseThrow().status()).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rollout_events WHERE rollout_id = ?")
                        .param(rollout)
                        .query(Integer.class)
                        .single())
                .isEqualTo(saved.events().size());
    }

    @Test
    void eventsCutFromTheTableMakeTheChainFailToVerify() {
        guard(store("replica-a")).run(new Guard.Start("GO", false));
        int last = rows.row(rollout).orElseThrow().eventCount();
        jdbc.sql("DELETE FROM rollout_events WHERE rollout_id = ? AND seq = ?")
                .params(rollout, last)
                .update();

        assertThat(store("replica-a").load().orElseThrow().chainProblem())
                .get()
                .asString()
                .contains("events removed");
    }

    @Test
    void aReplicaWithoutTheLeaseWritesNothingAndPublishesNothing() {
        assertThatThrownBy(() -> guard(store("replica-b")).run(new Guard.Start("GO", false)))
                .isInstanceOf(JdbcRolloutStore.Superseded.class);

        assertThat(published).isEmpty();
        assertThat(rows.row(rollout).orElseThrow().state()).isEmpty();
        assertThat(rows.events(rollout)).isEmpty();
    }

    @Test
    void aLapsedLeaseIsTakenByOneReplicaAndTheFormerHolderCannotRenewIt() {
        long later = clock.millis() + 5_000;
        assertThat(leases.lapsed(later)).containsExactly(rollout);
        assertThat(leases.take(rollout, "replica-b", later)).isTrue();
        assertThat(leases.take(rollout, "replica-c", later)).isFalse();
        assertThat(leases.renew(rollout, "replica-a", later)).isFalse();
        assertThat(leases.renew(rollout, "replica-b", later)).isTrue();
        assertThat(leases.lapsed(later)).isEmpty();
        leases.releaseAt(rollout, "replica-b", later - 1);
        assertThat(leases.lapsed(later)).containsExactly(rollout);
    }

    @Test
    void anAbortWaitingIsNotReplacedByAPauseAndATakenRequestLeavesANewerOne() {
        rows.request(rollout, Control.Request.ABORT);
        rows.request(rollout, Control.Request.PAUSE);
        assertThat(rows.pending(rollout)).contains(Control.Request.ABORT);
        rows.taken(rollout, Control.Request.PAUSE); // not the one waiting: stays
        assertThat(rows.pending(rollout)).contains(Control.Request.ABORT);
        rows.taken(rollout, Control.Request.ABORT);
        assertThat(rows.pending(rollout)).isEmpty();
    }
}
