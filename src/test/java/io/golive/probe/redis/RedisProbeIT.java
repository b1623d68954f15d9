package io.golive.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.KeyedPool;
import io.golive.probe.Observation;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The redis probe against real redis-servers: one open (no password, no persistence, no limit), one
 * secured (password, AOF and RDB, maxmemory with allkeys-lru) and a replica of the secured one.
 */
class RedisProbeIT {
    private static final String PASSWORD = "r3dis-Pa55word";
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static RedisServer open;
    private static RedisServer secured;
    private static RedisServer replica;

    private final KeyedPool<RespConnection> pool = new KeyedPool<>(4, Duration.ofSeconds(30), Clock.systemUTC());
    private final RedisProbe probe = new RedisProbe(pool);

    @BeforeAll
    static void startServers() throws Exception {
        Path dir = Files.createTempDirectory("golive-redis");
        open = RedisServer.start(dir);
        secured = RedisServer.start(
                dir,
                "--requirepass",
                PASSWORD,
                "--appendonly",
                "yes",
                "--save",
                "3600 1",
                "--maxmemory",
                "64mb",
                "--maxmemory-policy",
                "allkeys-lru",
                "--repl-diskless-sync-delay",
                "0");
        replica = RedisServer.start(
                dir, "--replicaof", "127.0.0.1 " + secured.port, "--masterauth", PASSWORD, "--requirepass", PASSWORD);
        awaitReplica();
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        for (RedisServer s : new RedisServer[] {replica, secured, open}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private Observation run(String yaml) {
        return run(yaml, Duration.ofSeconds(10));
    }

    private Observation run(String yaml, Duration timeout) {
        ProbeContext context = new ProbeContext(
                Clock.systemUTC(),
                Clock.systemUTC().instant().plus(timeout),
                Map.of(),
                Path.of("."),
                List.of(),
                Secrets.none());
        return probe.run(YAML.readValue(yaml, RedisConfig.class), context);
    }

    private static String securedCheck(String more) {
        return "{url: \"" + secured.url() + "\", password: \"" + PASSWORD + "\"" + more + "}";
    }

    @Test
    void pingPassesAndNamesTheVersion() {
        Observation o = run("{url: \"" + open.url() + "\"}");
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).startsWith("PONG from Redis 7.");
        assertThat(o.measurements()).containsEntry("connectionsOpened", 1);
        assertThat(o.evidence()).containsEntry("server", open.url());
    }

    @Test
    void aServerWithoutAPasswordFailsRequireAuth() {
        Observation o = run("{url: \"" + open.url() + "\", requireAuth: true}");
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).startsWith("Redis answers without a password");
        assertThat(o.measurements()).containsEntry("authRequired", false);
    }

    @Test
    void aServerThatAnswersNoauthPassesRequireAuth() {
        Observation o = run(securedCheck(", requireAuth: true"));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.summary()).startsWith("a connection without the password is refused (NOAUTH); PONG from Redis");
        Observation alone = run("{url: \"" + secured.url() + "\", requireAuth: true}");
        assertThat(alone.status()).isEqualTo(Status.PASS);
        assertThat(alone.measurements()).doesNotContainKey("connectionsOpened");
    }

    @Test
    void aWrongPasswordIsAnErrorThatNeverShowsThePassword() {
        Observation o = run("{url: \"" + secured.url() + "\", password: \"not-the-Pa55word\"}");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("WRONGPASS");
        assertThat(o.toString()).doesNotContain("not-the-Pa55word").doesNotContain(PASSWORD);
    }

    @Test
    void noPasswordForAServerThatWantsOneIsAnError() {
        Observation o = run("{url: \"" + secured.url() + "\", persistence: any}");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("NOAUTH");
    }

    @Test
    void persistenceIsReadFromConfigAndInfo() {
        assertThat(run(securedCheck(", persistence: aof")).summary()).isEqualTo("AOF on");
        assertThat(run(securedCheck(", persistence: rdb")).summary()).isEqualTo("RDB snapshots on (save 3600 1)");
        Observation any = run(securedCheck(", persistence: any"));
        assertThat(any.status()).isEqualTo(Status.PASS);
        assertThat(any.measurements()).containsEntry("aofEnabled", true).containsEntry("rdbSave", "3600 1");
    }

    @Test
    void aServerThatPersistsNothingFails() {
        Observation aof = run("{url: \"" + open.url() + "\", persistence: aof}");
        assertThat(aof.status()).isEqualTo(Status.FAIL);
        assertThat(aof.summary()).isEqualTo("AOF is off (appendonly no)");
        Observation any = run("{url: \"" + open.url() + "\", persistence: any}");
        assertThat(any.status()).isEqualTo(Status.FAIL);
        assertThat(any.summary())
                .isEqualTo("RDB snapshots are off (save \"\") and AOF is off: a restart loses every key");
    }

    @Test
    void theEvictionPolicyAndMemoryLimitAreChecked() {
        Observation ok = run(securedCheck(", maxmemoryPolicy: allkeys-lru"));
        assertThat(ok.status()).isEqualTo(Status.PASS);
        assertThat(ok.summary()).isEqualTo("maxmemory 64 MB, eviction policy allkeys-lru");
        Observation wrong = run(securedCheck(", maxmemoryPolicy: volatile-lru"));
        assertThat(wrong.status()).isEqualTo(Status.FAIL);
        assertThat(wrong.summary()).isEqualTo("eviction policy is allkeys-lru, expected volatile-lru");
        Observation unlimited = run("{url: \"" + open.url() + "\", maxmemoryPolicy: noeviction}");
        assertThat(unlimited.status()).isEqualTo(Status.FAIL);
        assertThat(unlimited.summary()).isEqualTo("maxmemory is not set (0: no limit, so nothing is evicted)");
    }

    @Test
    void replicasOnlineAreCountedOnThePrimary() {
        Observation ok = run(securedCheck(", replicas: 1"));
        assertThat(ok.status()).isEqualTo(Status.PASS);
        assertThat(ok.summary()).isEqualTo("1 replica online (need 1)");
        assertThat(ok.evidence().get("replicas")).startsWith("ip=127.0.0.1,port=" + replica.port + ",state=online");
        Observation few = run(securedCheck(", replicas: 2"));
        assertThat(few.status()).isEqualTo(Status.FAIL);
        assertThat(few.summary()).isEqualTo("1 replica online (need 2)");
        Observation none = run("{url: \"" + open.url() + "\", replicas: 1}");
        assertThat(none.summary()).isEqualTo("0 replicas online (need 1)");
        assertThat(none.evidence()).containsEntry("replicas", "none");
    }

    @Test
    void aReplicaIsNotAPrimary() {
        Observation o = run("{url: \"" + replica.url() + "\", password: \"" + PASSWORD + "\", replicas: 1}");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary())
                .isEqualTo("this server is a replica (role:slave): point the replicas check at the primary");
    }

    @Test
    void aRedisThatIsDownIsAnError() throws IOException {
        int port = RedisServer.freePort();
        Observation o = run("{url: \"redis://127.0.0.1:" + port + "\", requireAuth: true, persistence: aof}");
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("redis://127.0.0.1:" + port).contains("connection refused");
    }

    @Test
    void checksOfOneRunShareOneConnection() throws IOException {
        long before = connectionsReceived();
        for (int i = 0; i < 10; i++) {
            Observation o = run(securedCheck(", persistence: aof, maxmemoryPolicy: allkeys-lru"));
            assertThat(o.measurements()).containsEntry("connectionsOpened", 1);
        }
        assertThat(connectionsReceived() - before)
                .as("connections the server accepted, our own included")
                .isEqualTo(2);
    }

    private static long connectionsReceived() throws IOException {
        return secured.connectionsReceived(PASSWORD);
    }

    private static void awaitReplica() throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (RespConnection c = secured.admin(PASSWORD)) {
            while (!c.text(Duration.ofSeconds(5), "INFO", "replication").contains("state=online")) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("the Redis replica did not come online within 20 s");
                }
                Thread.sleep(100);
            }
        }
    }
}
