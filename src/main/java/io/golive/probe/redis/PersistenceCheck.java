package io.golive.probe.redis;

import io.golive.probe.Observation;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code persistence: aof|rdb|any}: the append-only file or RDB snapshots are on (CONFIG GET save,
 * INFO persistence) and their last write did not fail.
 */
final class PersistenceCheck implements RedisCheck {
    /** What Redis says about its persistence; {@code save} is empty when CONFIG is refused. */
    record State(boolean aof, boolean aofOk, Optional<String> save, boolean rdbOk, String configRefusal) {
        boolean rdb() {
            return save.filter(s -> !s.isBlank()).isPresent();
        }
    }

    private final String mode;

    PersistenceCheck(String mode) {
        this.mode = mode;
    }

    @Override
    public Observation run(RespConnection connection, Duration timeout) throws IOException {
        RedisInfo info = RedisInfo.parse(connection.text(timeout, "INFO", "persistence"));
        Optional<String> save = Optional.empty();
        String refusal = "";
        try {
            Object reply = connection.call(timeout, "CONFIG", "GET", "save");
            if (reply instanceof List<?> l && l.size() == 2) {
                save = Optional.of(String.valueOf(l.get(1)));
            }
        } catch (RedisException e) {
            refusal = e.getMessage(); // managed services often disable CONFIG; INFO still tells about AOF
        }
        State s = new State(
                "1".equals(info.get("aof_enabled").orElse("0")),
                "ok".equals(info.get("aof_last_write_status").orElse("ok"))
                        && "ok".equals(info.get("aof_last_bgrewrite_status").orElse("ok")),
                save,
                "ok".equals(info.get("rdb_last_bgsave_status").orElse("ok")),
                refusal);
        Observation o = judge(s);
        Map<String, Object> m = new LinkedHashMap<>(o.measurements());
        info.number("rdb_changes_since_last_save").ifPresent(n -> m.put("rdbChangesSinceLastSave", n));
        return new Observation(o.status(), o.summary(), m, o.evidence());
    }

    Observation judge(State s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aofEnabled", s.aof());
        s.save().ifPresent(v -> m.put("rdbSave", v));
        boolean aofGood = s.aof() && s.aofOk();
        boolean unknownRdb = s.save().isEmpty();
        boolean rdbGood = s.rdb() && s.rdbOk();
        return switch (mode) {
            case "aof" -> aof(s, m);
            case "rdb" -> unknownRdb ? unknown(s) : rdb(s, m);
            default -> {
                if (aofGood || rdbGood) {
                    yield Observation.pass(
                            (aofGood ? "AOF on" : "")
                                    + (aofGood && rdbGood ? ", " : "")
                                    + (rdbGood
                                            ? "RDB snapshots on (save "
                                                    + s.save().get() + ")"
                                            : ""),
                            m);
                }
                yield unknownRdb && !s.aof() ? unknown(s) : s.aof() ? aof(s, m) : rdb(s, m);
            }
        };
    }

    private static Observation aof(State s, Map<String, Object> m) {
        if (!s.aof()) {
            return Observation.fail("AOF is off (appendonly no)", m);
        }
        return s.aofOk()
                ? Observation.pass("AOF on", m)
                : Observation.fail("AOF is on but its last write or rewrite failed", m);
    }

    private static Observation rdb(State s, Map<String, Object> m) {
        if (!s.rdb()) {
            return Observation.fail(
                    "RDB snapshots are off (save \"\")" + (s.aof() ? "" : " and AOF is off: a restart loses every key"),
                    m);
        }
        return s.rdbOk()
                ? Observation.pass("RDB snapshots on (save " + s.save().get() + ")", m)
                : Observation.fail("RDB snapshots are on but the last one failed (rdb_last_bgsave_status:err)", m);
    }

    private static Observation unknown(State s) {
        return Observation.error(
                "cannot tell whether RDB snapshots are on: CONFIG GET save was refused (" + s.configRefusal() + ")");
    }
}
