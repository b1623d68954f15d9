package io.golive.probe.postgres;

import io.golive.checklist.ThresholdParser;
import io.golive.probe.ProbeConfig;
import io.golive.spec.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code postgres:} check. With none of the options it only connects; each option given adds one
 * verification, and the check passes when all of them do.
 *
 * @param url {@code postgresql://user@host:port/db} or {@code jdbc:postgresql://...}
 * @param target a spec target with a {@code postgres:} URL and a {@code password}
 * @param password the password (write {@code ${ENV}}); wins over the target's
 * @param ssl true: require TLS; false: no TLS; absent: TLS when the server offers it
 * @param query a statement whose rows' first column must meet {@code expect}
 * @param expect a threshold such as {@code "> 0"} or {@code "< 5min"}
 * @param migrations {@code flyway} or {@code liquibase}: all applied, none failed
 * @param minVersion the least version (Flyway) or tag (Liquibase) that must be applied
 * @param historyTable the migration history table, when not the tool's default
 * @param explain a statement to EXPLAIN
 * @param expectIndexScan whether the plan must use an index (default true when {@code explain} is given)
 * @param replicas the least number of streaming replicas (pg_stat_replication)
 * @param maxLagBytes the most replay lag, in bytes of WAL, a replica may have
 * @param maxLag the most replay lag, in time, a replica may have ({@code 30s})
 * @param archiveMaxAge how long ago the last WAL segment may have been archived ({@code 15m}, the RPO)
 * @param poolHeadroom connections that must stay free: a share of max_connections ({@code 20%}) or a count
 */
public record PostgresConfig(
        Optional<String> url,
        Optional<String> target,
        String password,
        Boolean ssl,
        String query,
        String expect,
        String migrations,
        String minVersion,
        String historyTable,
        String explain,
        Boolean expectIndexScan,
        Integer replicas,
        Long maxLagBytes,
        String maxLag,
        String archiveMaxAge,
        String poolHeadroom)
        implements ProbeConfig {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");
    private static final Pattern HEADROOM = Pattern.compile("\\d+(\\.\\d+)?\\s*%?");

    public PostgresConfig {
        url = url == null ? Optional.empty() : url;
        target = target == null ? Optional.empty() : target;
        expectIndexScan = expectIndexScan == null ? explain != null : expectIndexScan;
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (url.isPresent() == target.isPresent()) {
            problems.add("give either url or target");
        }
        url.ifPresent(u -> check(problems, () -> PgEndpoint.parse(u, Optional.empty(), Optional.empty())));
        if (expect != null && query == null) {
            problems.add("expect needs a query");
        }
        if (expect != null) {
            check(problems, () -> ThresholdParser.parse(expect));
        }
        if (migrations != null && !List.of("flyway", "liquibase").contains(migrations)) {
            problems.add("migrations must be flyway or liquibase");
        }
        if ((minVersion != null || historyTable != null) && migrations == null) {
            problems.add("minVersion and historyTable need migrations: flyway or liquibase");
        }
        if (historyTable != null && !TABLE.matcher(historyTable).matches()) {
            problems.add("historyTable must be a table name, optionally with its schema (public.flyway_history)");
        }
        if (expectIndexScan && explain == null) {
            problems.add("expectIndexScan needs explain: a statement to EXPLAIN");
        }
        if (replicas != null && replicas < 0) {
            problems.add("replicas must be 0 or more");
        }
        if ((maxLagBytes != null || maxLag != null) && replicas == null) {
            problems.add("maxLagBytes and maxLag need replicas: the least number of replicas");
        }
        if (maxLagBytes != null && maxLagBytes < 0) {
            problems.add("maxLagBytes must be 0 or more");
        }
        durations(problems, maxLag, archiveMaxAge);
        if (poolHeadroom != null && !HEADROOM.matcher(poolHeadroom).matches()) {
            problems.add("poolHeadroom must be a share such as 20% or a number of connections such as 10");
        } else if (poolHeadroom != null && poolHeadroom.contains("%") && headroomValue() > 100) {
            problems.add("poolHeadroom cannot be more than 100%");
        }
        return problems;
    }

    /** True when {@code poolHeadroom} is a share of max_connections. */
    boolean headroomIsShare() {
        return poolHeadroom != null && poolHeadroom.contains("%");
    }

    double headroomValue() {
        return Double.parseDouble(poolHeadroom.replace("%", "").strip());
    }

    @Override
    public String toString() {
        return "PostgresConfig[" + url.or(() -> target.map(t -> "target " + t)).orElse("") + "]";
    }

    private static void durations(List<String> problems, String... values) {
        for (String d : values) {
            if (d != null) {
                check(problems, () -> Durations.parse(d));
            }
        }
    }

    private static void check(List<String> problems, Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }
}
