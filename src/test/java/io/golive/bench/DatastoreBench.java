package io.golive.bench;

import io.golive.gate.CheckResult;
import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import io.golive.probe.postgres.PgFixture;
import io.golive.probe.postgres.PgTestData;
import io.golive.probe.redis.RedisServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Wall time and connections opened for a run of 50 postgres and 50 redis checks through the engine,
 * against a local PostgreSQL (embedded) and redis-server. Run with {@code bench/datastores.sh [RUNS]}.
 */
public final class DatastoreBench {
    private static final String REDIS_PASSWORD = "bench-Pa55";
    private static final List<String> PG_CHECKS = List.of(
            "{ target: db }",
            "{ target: db, query: \"SELECT count(*) FROM orders WHERE customer_id = 7\" }",
            "{ target: db, migrations: flyway, minVersion: \"2\" }",
            "{ target: db, explain: \"SELECT * FROM orders WHERE customer_id = 7\" }",
            "{ target: db, poolHeadroom: 20% }");
    private static final List<String> REDIS_CHECKS = List.of(
            "{ target: cache }",
            "{ target: cache, requireAuth: true }",
            "{ target: cache, persistence: aof }",
            "{ target: cache, maxmemoryPolicy: allkeys-lru }",
            "{ target: cache, replicas: 0 }");

    private DatastoreBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("golive-bench");
        try (EmbeddedPostgres pg = PgFixture.start(dir, "max_connections=100");
                RedisServer redis = RedisServer.start(
                        dir,
                        "--requirepass",
                        REDIS_PASSWORD,
                        "--appendonly",
                        "yes",
                        "--maxmemory",
                        "64mb",
                        "--maxmemory-policy",
                        "allkeys-lru")) {
            PgFixture.sql(
                    pg,
                    "CREATE ROLE app LOGIN PASSWORD '" + PgFixture.APP_PASSWORD + "'",
                    "GRANT pg_monitor TO app",
                    "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app");
            PgTestData.load(pg);
            String spec = spec(pg.getPort(), redis.url());
            Map<String, String> env = Map.of("PG_PASSWORD", PgFixture.APP_PASSWORD, "REDIS_PASSWORD", REDIS_PASSWORD);
            System.out.println("run  wall_ms  statuses                 pg_conns(server/probe)  redis_conns(server)");
            for (int i = 1; i <= runs; i++) {
                long redisBefore = redis.connectionsReceived(REDIS_PASSWORD);
                long start = System.nanoTime();
                SpecRun run = SpecRun.of(dir, "# Bench\n## Data\n- [ ] nothing bound\n", spec, env);
                long ms = (System.nanoTime() - start) / 1_000_000;
                long pgServer = PgFixture.longValue(
                        pg, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'golive'");
                long redisOpened = redis.connectionsReceived(REDIS_PASSWORD) - redisBefore - 1;
                System.out.printf(
                        "%3d  %7d  %-24s %8d / %-14s %8d%n",
                        i, ms, statuses(run.results()), pgServer, probeOpened(run.results(), "postgres"), redisOpened);
            }
        }
    }

    private static String spec(int pgPort, String redisUrl) {
        StringBuilder s = new StringBuilder("checklist: LAUNCH.md\ntargets:\n");
        s.append("  db: { postgres: \"postgresql://app@127.0.0.1:")
                .append(pgPort)
                .append("/postgres\", password: \"${PG_PASSWORD}\" }\n");
        s.append("  cache: { redis: \"").append(redisUrl).append("\", password: \"${REDIS_PASSWORD}\" }\n");
        s.append("checks:\n");
        for (int i = 0; i < 50; i++) {
            s.append("  - name: pg-")
                    .append(i)
                    .append("\n    postgres: ")
                    .append(PG_CHECKS.get(i % PG_CHECKS.size()))
                    .append('\n');
            s.append("  - name: redis-")
                    .append(i)
                    .append("\n    redis: ")
                    .append(REDIS_CHECKS.get(i % REDIS_CHECKS.size()))
                    .append('\n');
        }
        return s.toString();
    }

    private static String statuses(List<CheckResult> results) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        results.forEach(r -> counts.merge(r.observation().status(), 1, Integer::sum));
        return counts.toString();
    }

    /** The most connections the probe says it has opened to the server, over the run's checks. */
    private static String probeOpened(List<CheckResult> results, String kind) {
        return String.valueOf(results.stream()
                .filter(r -> r.type().equals(kind))
                .mapToInt(
                        r -> ((Number) r.observation().measurements().getOrDefault("connectionsOpened", 0)).intValue())
                .max()
                .orElse(0));
    }
}
