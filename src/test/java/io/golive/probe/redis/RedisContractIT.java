package io.golive.probe.redis;

import io.golive.probe.KeyedPool;
import io.golive.probe.ProbeContractTest;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The probe contract for redis, against a real redis-server with a password. */
class RedisContractIT extends ProbeContractTest<RedisConfig> {
    private static RedisServer server;

    private final KeyedPool<RespConnection> pool = new KeyedPool<>(4, Duration.ofSeconds(30), Clock.systemUTC());

    @BeforeAll
    static void start() throws Exception {
        server = RedisServer.start(Files.createTempDirectory("golive-redis-contract"), "--requirepass", "right-one");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private static RedisConfig config(String yaml) {
        return YAMLMapper.builder().build().readValue(yaml, RedisConfig.class);
    }

    @Override
    protected RedisProbe probe() {
        return new RedisProbe(pool);
    }

    @Override
    protected Optional<RedisConfig> silentServer(int port) {
        return Optional.of(config("{url: \"redis://127.0.0.1:" + port + "\", persistence: any}"));
    }

    @Override
    protected Optional<RedisConfig> noData() {
        // A replicas check against a primary that has none: zero replicas online is never a pass.
        return Optional.of(config("{url: \"" + server.url() + "\", password: right-one, replicas: 1}"));
    }

    @Override
    protected Optional<RedisConfig> withSecret(String secret) {
        return Optional.of(config("{url: \"" + server.url() + "\", password: \"" + secret + "\", requireAuth: true}"));
    }
}
