package io.golive.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** redis checks in a golive.yaml, run by the engine like {@code golive check} does, against a real redis-server. */
class RedisSpecIT {
    private static final String CHECKLIST = """
            # Launch
            ## Cache
            - [ ] Redis requires authentication
            - [ ] Redis persistence enabled
            - [ ] Eviction policy set
            - [ ] Session cache reachable
            """;

    @TempDir
    Path dir;

    @Test
    void checksAgainstATargetDecideTheLaunchAndADownServerIsAnError() throws Exception {
        try (RedisServer redis = RedisServer.start(
                dir,
                "--requirepass",
                "Cache-Pa55",
                "--appendonly",
                "yes",
                "--maxmemory",
                "32mb",
                "--maxmemory-policy",
                "allkeys-lfu")) {
            int down = RedisServer.freePort();
            SpecRun run = SpecRun.of(
                    dir, CHECKLIST, """
                    checklist: LAUNCH.md
                    targets:
                      cache: { redis: "%s", password: "${REDIS_PASSWORD}" }
                    checks:
                      - item: Redis requires authentication
                        redis: { target: cache, requireAuth: true }
                      - item: Redis persistence enabled
                        redis: { target: cache, persistence: aof }
                      - item: Eviction policy set
                        redis: { target: cache, maxmemoryPolicy: allkeys-lfu }
                      - item: Session cache reachable
                        redis: { url: "redis://127.0.0.1:%d" }
                    """.formatted(redis.url(), down), Map.of("REDIS_PASSWORD", "Cache-Pa55"));
            assertThat(run.results())
                    .extracting(r -> r.observation().status())
                    .containsExactly(Status.PASS, Status.PASS, Status.PASS, Status.ERROR);
            assertThat(run.results().get(3).observation().summary()).contains("connection refused");
            assertThat(run.evaluation().decision().name()).isEqualTo("NO_GO");
            assertThat(run.json()).doesNotContain("Cache-Pa55").contains("allkeys-lfu");
        }
    }
}
