package io.golive.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The redis config, URLs and the verdicts on what Redis answered, without a server. */
class RedisChecksTest {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static RedisConfig config(String yaml) {
        return YAML.readValue(yaml, RedisConfig.class);
    }

    @Test
    void everyConfigProblemIsReported() {
        assertThat(config("{url: \"http://x\", target: c, persistence: disk, maxmemoryPolicy: lru, replicas: -2}")
                        .validate())
                .containsExactly(
                        "give either url or target",
                        "a Redis URL starts with redis:// or rediss:// (got 'http')",
                        "persistence must be aof, rdb or any",
                        "maxmemoryPolicy must be one of allkeys-lfu, allkeys-lru, allkeys-random, noeviction,"
                                + " volatile-lfu, volatile-lru, volatile-random, volatile-ttl",
                        "replicas must be 0 or more");
        assertThat(config("{target: cache, requireAuth: true}").validate()).isEmpty();
    }

    @Test
    void urlsAreShownWithoutPasswords() {
        RedisEndpoint e = RedisEndpoint.parse("rediss://svc:hunter2@cache.internal:6380/2", Optional.empty());
        assertThat(e.display()).isEqualTo("rediss://svc@cache.internal:6380/2");
        assertThat(e.password()).isEqualTo("hunter2");
        assertThat(RedisEndpoint.parse("redis://127.0.0.1", Optional.of("x")).display())
                .isEqualTo("redis://127.0.0.1:6379");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://h:1/cache", Optional.empty()))
                .hasMessageContaining("database number");
    }

    @Test
    void rdbCannotBeJudgedWhenConfigIsRefused() {
        PersistenceCheck.State s =
                new PersistenceCheck.State(false, true, Optional.empty(), true, "ERR unknown command 'CONFIG'");
        Observation o = new PersistenceCheck("rdb").judge(s);
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("CONFIG GET save was refused (ERR unknown command 'CONFIG')");
        PersistenceCheck.State aof = new PersistenceCheck.State(true, true, Optional.empty(), true, "refused");
        assertThat(new PersistenceCheck("any").judge(aof).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aFailingAofWriteFails() {
        PersistenceCheck.State s = new PersistenceCheck.State(true, false, Optional.of(""), true, "");
        assertThat(new PersistenceCheck("aof").judge(s).summary())
                .isEqualTo("AOF is on but its last write or rewrite failed");
    }

    @Test
    void replicasAreCountedOnlyWhenOnline() {
        RedisInfo info = RedisInfo.parse("""
                # Replication\r
                role:master\r
                connected_slaves:2\r
                slave0:ip=10.0.0.2,port=6379,state=online,offset=100,lag=1\r
                slave1:ip=10.0.0.3,port=6379,state=wait_bgsave,offset=0,lag=7\r
                """);
        Observation o = new ReplicasCheck(2).judge(info);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).isEqualTo("1 replica online (need 2)");
        assertThat(o.measurements())
                .containsEntry("replicas", 1)
                .containsEntry("connectedReplicas", 2L)
                .containsEntry("maxLagSeconds", 7L);
    }

    @Test
    void bothAMissingLimitAndAWrongPolicyAreNamed() {
        Observation o = new EvictionCheck("allkeys-lru").judge(0, "noeviction");
        assertThat(o.summary())
                .isEqualTo("maxmemory is not set (0: no limit, so nothing is evicted); eviction policy is noeviction,"
                        + " expected allkeys-lru");
    }
}
