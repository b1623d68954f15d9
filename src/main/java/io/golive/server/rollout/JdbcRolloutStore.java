package io.golive.server.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.GoliveException;
import io.golive.notify.GuardEvents;
import io.golive.notify.Launch;
import io.golive.rollout.Control;
import io.golive.rollout.Requests;
import io.golive.rollout.RolloutState;
import io.golive.rollout.RolloutStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One rollout's state in the database, written by the replica holding its lease. Each save renews the
 * lease, writes the state and the new events, and publishes the notification of each event people hear
 * of ({@link GuardEvents}), in one transaction: a save by a replica whose lease was taken over changes
 * nothing and throws {@link Superseded}.
 */
final class JdbcRolloutStore implements RolloutStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** The lease went to another replica: this one must stop driving the rollout. */
    static final class Superseded extends GoliveException {
        Superseded(String message) {
            super(message);
        }
    }

    private final long id;
    private final Launch launch;
    private final String holder;
    private final RolloutRows rows;
    private final Leases leases;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private int persisted;

    JdbcRolloutStore(
            long id,
            Launch launch,
            String holder,
            RolloutRows rows,
            Leases leases,
            TransactionTemplate tx,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.id = id;
        this.launch = requireNonNull(launch, "null launch");
        this.holder = requireNonNull(holder, "null holder");
        this.rows = requireNonNull(rows, "null rows");
        this.leases = requireNonNull(leases, "null leases");
        this.tx = requireNonNull(tx, "null tx");
        this.publisher = requireNonNull(publisher, "null publisher");
        this.clock = requireNonNull(clock, "null clock");
    }

    @Override
    public Optional<RolloutState> load() {
        Optional<RolloutRows.Row> row = rows.row(id);
        if (row.isEmpty() || row.get().state().isEmpty()) {
            return Optional.empty();
        }
        RolloutState s = read(row.get(), rows.events(id));
        persisted = s.events().size();
        return Optional.of(s);
    }

    /** A rollout's state as its row and events hold it, its chain checked against the row's count and head. */
    static RolloutState read(RolloutRows.Row row, List<String> events) {
        List<Map<String, Object>> parsed = new ArrayList<>();
        events.forEach(e -> parsed.add(new LinkedHashMap<>(JSON.readValue(e, MAP))));
        RolloutState s = RolloutState.fromJson(JSON.readValue(row.state().orElseThrow(), MAP), parsed);
        s.checkEvents(row.eventCount(), row.eventHead(), "the database");
        return s;
    }

    @Override
    public void save(RolloutState state) {
        List<Map<String, Object>> events = state.events();
        tx.executeWithoutResult(t -> {
            long now = clock.millis();
            if (!leases.renew(id, holder, now)) {
                throw new Superseded("rollout " + id + " is driven by another replica now");
            }
            rows.saveState(
                    id,
                    state.status().name(),
                    JSON.writeValueAsString(state.fields()),
                    events.size(),
                    state.head(),
                    now);
            for (int i = persisted; i < events.size(); i++) {
                Map<String, Object> e = events.get(i);
                rows.addEvent(
                        id,
                        i + 1,
                        String.valueOf(e.get("type")),
                        Instant.parse(String.valueOf(e.get("at"))).toEpochMilli(),
                        JSON.writeValueAsString(e));
                // in the transaction that stores the event: a listener's outbox row commits with it
                GuardEvents.toEvent(launch, e).ifPresent(publisher::publishEvent);
            }
        });
        persisted = events.size();
    }

    @Override
    public Requests requests() {
        return new Requests() {
            @Override
            public Optional<Control.Request> pending() {
                return rows.pending(id);
            }

            @Override
            public void taken(Control.Request request) {
                rows.taken(id, request);
            }
        };
    }

    @Override
    public String where() {
        return "rollout " + id;
    }
}
