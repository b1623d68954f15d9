package io.golive.probe.redis;

import io.golive.probe.Observation;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** The check with no options: Redis answers PING, and says which version it runs. */
final class PingCheck implements RedisCheck {
    @Override
    public Observation run(RespConnection connection, Duration timeout) throws IOException {
        String pong = connection.text(timeout, "PING");
        String version = RedisInfo.parse(connection.text(timeout, "INFO", "server"))
                .get("redis_version")
                .orElse("unknown");
        return Observation.pass(pong + " from Redis " + version, Map.of("redisVersion", version));
    }
}
