package io.golive.probe;

import io.golive.probe.postgres.PostgresProbe;
import io.golive.probe.redis.RedisProbe;
import java.util.List;

/** The probes that ship with golive, registered explicitly. */
public final class BuiltinProbes {
    private BuiltinProbes() {}

    public static List<Probe<?>> all() {
        return List.of(new PostgresProbe(), new RedisProbe());
    }
}
