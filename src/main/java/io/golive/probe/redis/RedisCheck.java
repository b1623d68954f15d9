package io.golive.probe.redis;

import io.golive.probe.Observation;
import java.io.IOException;
import java.time.Duration;

/** One verification a {@code redis} check makes on a logged-in connection. */
interface RedisCheck {
    /**
     * Runs the verification. A {@link RedisException} (an error reply) leaves the connection usable;
     * any other IOException means it is broken.
     */
    Observation run(RespConnection connection, Duration timeout) throws IOException;
}
