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
    protected RedisConfig silentServer(int port) {
        return config("{url: \"redis://127.0.0.1:" + port + "\", persistence: any}");
    }

    @Override
    protected Optional<RedisConfig> noData() {
        return Optional.empty(); // every redis option reads a field Redis always reports
    }

    @Override
    protected RedisConfig withSecret(String secret) {
        return config("{url: \"" + server.url() + "\", password: \"" + secret + "\", requireAuth: true}");
    }
}
