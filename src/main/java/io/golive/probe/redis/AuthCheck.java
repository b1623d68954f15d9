package io.golive.probe.redis;

import io.golive.probe.Observation;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** {@code requireAuth}: a connection that has not logged in must be refused with NOAUTH. */
final class AuthCheck {
    private AuthCheck() {}

    /** Opens a connection of its own, never pooled, and sends PING without logging in. */
    static Observation run(RedisEndpoint endpoint, Duration timeout) throws IOException {
        try (RespConnection anonymous = endpoint.anonymous(timeout)) {
            anonymous.call(timeout, "PING");
            return Observation.fail(
                    "Redis answers without a password: anyone who reaches the port can read and write",
                    Map.of("authRequired", false));
        } catch (RedisException e) {
            if (e.code().equals("NOAUTH")) {
                return Observation.pass(
                        "a connection without the password is refused (NOAUTH)", Map.of("authRequired", true));
            }
            return Observation.error("unexpected answer to PING without a password: " + e.getMessage());
        }
    }
}
