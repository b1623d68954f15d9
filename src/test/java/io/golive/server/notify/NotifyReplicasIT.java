package io.golive.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.notify.Event;
import io.golive.notify.Launch;
import io.golive.notify.RolloutChange;
import io.golive.notify.Sink;
import io.golive.server.Api;
import io.golive.server.Postgres;
import io.golive.server.TestServer;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas on one PostgreSQL sweep the same outbox: each row is claimed by one of them and sent
 * once, and both take a share of the rows.
 */
class NotifyReplicasIT {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int EVENTS = 120;

    @Test
    void twoReplicasSendEveryDeliveryExactlyOnce() throws Exception {
        String url = Postgres.url(Postgres.freshDatabase());
        Map<String, String> fast = Map.of("golive.notify.sweep", "100ms");
        try (Sink sink = new Sink();
                TestServer one = TestServer.jdbc(url, "postgres", "", fast);
                TestServer two = TestServer.jdbc(url, "postgres", "", fast)) {
            sink.delay(20); // a receiver that takes its time, so both replicas find rows due
            Api editor = one.api(one.token("ed", "editor"));
            long id = ServerNotificationsIT.create(
                    editor, "name: shop\nchecklist: LAUNCH.md\nnotify:\n  - webhook: \"" + sink.url("hook") + "\"\n");
            Launch shop = new Launch(Long.toString(id), "shop");
            // rows written on one replica in batches; both sweep them
            for (int batch = 0; batch < EVENTS / 20; batch++) {
                int first = batch * 20;
                TestServer writer = batch % 2 == 0 ? one : two;
                writer.context().getBean(TransactionTemplate.class).executeWithoutResult(s -> {
                    for (int n = first; n < first + 20; n++) {
                        writer.context()
                                .publishEvent(Event.rollout(
                                        shop, Instant.now(), RolloutChange.PROMOTED, Map.of("weight", 1, "n", n)));
                    }
                });
            }
            ServerNotificationsIT.await(() -> sink.bodies("hook").size() >= EVENTS
                    && one.jdbc()
                                    .sql("SELECT COUNT(*) FROM notifications WHERE outcome = 'SENT'")
                                    .query(Long.class)
                                    .single()
                            == EVENTS);
            Thread.sleep(1000); // sweeps go on: nothing more may arrive
            List<String> bodies = sink.bodies("hook");
            Set<Integer> seen = new HashSet<>();
            for (String b : bodies) {
                assertThat(seen.add(JSON.readTree(b).get("details").get("n").asInt()))
                        .as("sent twice: " + b)
                        .isTrue();
            }
            assertThat(seen).hasSize(EVENTS);
            List<String> senders = one.jdbc()
                    .sql("SELECT DISTINCT claimed_by FROM notifications")
                    .query(String.class)
                    .list();
            assertThat(senders).as("both replicas sent a share").hasSize(2);
        }
    }
}
