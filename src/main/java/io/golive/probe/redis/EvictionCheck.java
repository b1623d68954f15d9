package io.golive.probe.redis;

import io.golive.probe.Observation;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code maxmemoryPolicy}: a memory limit is set and Redis evicts by the expected policy when it is reached. */
final class EvictionCheck implements RedisCheck {
    private final String expected;

    EvictionCheck(String expected) {
        this.expected = expected;
    }

    @Override
    public Observation run(RespConnection connection, Duration timeout) throws IOException {
        RedisInfo info = RedisInfo.parse(connection.text(timeout, "INFO", "memory"));
        return judge(
                info.number("maxmemory").orElse(0L),
                info.get("maxmemory_policy").orElse("unknown"));
    }

    Observation judge(long maxmemory, String policy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxmemory", maxmemory);
        m.put("maxmemoryPolicy", policy);
        String wrongPolicy = policy.equals(expected) ? "" : "eviction policy is " + policy + ", expected " + expected;
        if (maxmemory == 0) {
            return Observation.fail(
                    "maxmemory is not set (0: no limit, so nothing is evicted)"
                            + (wrongPolicy.isEmpty() ? "" : "; " + wrongPolicy),
                    m);
        }
        if (!wrongPolicy.isEmpty()) {
            return Observation.fail(wrongPolicy, m);
        }
        return Observation.pass("maxmemory " + bytes(maxmemory) + ", eviction policy " + policy, m);
    }

    private static String bytes(long n) {
        if (n % (1024 * 1024) == 0) {
            return n / (1024 * 1024) + " MB";
        }
        return n % 1024 == 0 ? n / 1024 + " KB" : n + " B";
    }
}
