package io.golive.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.server.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class AuditLogTest {
    @Test
    void theChainVerifiesWhileOthersAppend() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:audit" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Database.migrate(ds);
        AuditLog log = new AuditLog(JdbcClient.create(ds), Clock.systemUTC());
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int replica = w;
            writers.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    tx.executeWithoutResult(
                            s -> log.append("replica-" + replica, "evaluation.finish", Optional.of(1L), "", "", "GO"));
                }
            }));
        }
        try {
            for (int i = 0; i < 200; i++) {
                Verification v = log.verify();
                assertThat(v.verified()).as("read %d: %s", i, v).isTrue();
            }
        } finally {
            stop.set(true);
            for (Thread t : writers) {
                t.join(5_000);
            }
        }
        assertThat(log.verify().verified()).isTrue();
    }

    @Test
    void anEntryWrittenAroundTheLogAfterItsHeadIsCaught() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:audit" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Database.migrate(ds);
        JdbcClient jdbc = JdbcClient.create(ds);
        AuditLog log = new AuditLog(jdbc, Clock.systemUTC());
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        AuditEntry last = tx.execute(s -> log.append("ed", "item.update", Optional.of(1L), "item", "", "DONE"));
        assertThat(log.verify().verified()).isTrue();

        jdbc.sql("INSERT INTO audit_log (seq, at_ms, actor, action, launch_id, target, before_value, after_value,"
                        + " prev_hash, hash) VALUES (?, 0, 'x', 'waiver.create', 1, '', '', '', ?, 'forged')")
                .params(last.seq() + 1, last.hash())
                .update();

        Verification v = log.verify();
        assertThat(v.verified()).isFalse();
        assertThat(v.problem()).hasValueSatisfying(p -> assertThat(p).contains("after entry " + last.seq()));
    }
}
