package io.golive.probe.postgres;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Threshold;
import io.golive.checklist.ThresholdParser;
import io.golive.probe.KeyedPool;
import io.golive.probe.Observation;
import io.golive.probe.Observations;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.spec.Durations;
import io.golive.spec.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The {@code postgres} probe: connects (through a small pool per server and user, so a run's checks
 * share connections) and runs the verifications its config asks for.
 */
public final class PostgresProbe implements Probe<PostgresConfig> {
    private static final KeyedPool<Connection> SHARED = KeyedPool.shared(4, Duration.ofSeconds(10));

    private final KeyedPool<Connection> pool;

    /** The probe with the JVM-wide connection pool. */
    public PostgresProbe() {
        this(SHARED);
    }

    PostgresProbe(KeyedPool<Connection> pool) {
        this.pool = requireNonNull(pool, "null pool");
    }

    @Override
    public String kind() {
        return "postgres";
    }

    @Override
    public Class<PostgresConfig> configType() {
        return PostgresConfig.class;
    }

    @Override
    public Observation run(PostgresConfig config, ProbeContext context) {
        requireNonNull(config, "null config");
        requireNonNull(context, "null context");
        PgEndpoint endpoint;
        List<PgCheck> checks;
        try {
            endpoint = endpoint(config, context);
            checks = checks(config, context);
        } catch (IllegalArgumentException e) {
            return Observation.error(e.getMessage());
        }
        return Observations.masked(connectAndRun(endpoint, checks, context), endpoint.password(), endpoint.display());
    }

    private Observation connectAndRun(PgEndpoint endpoint, List<PgCheck> checks, ProbeContext context) {
        try (KeyedPool.Lease<Connection> lease =
                pool.borrow(endpoint.poolKey(), context.remaining(), () -> endpoint.connect(context.remaining()))) {
            return Observations.withConnection(runAll(lease, checks, context), lease);
        } catch (SQLException e) {
            return Observation.error(PgErrors.connectFailure(e, endpoint));
        } catch (TimeoutException e) {
            return Observation.error(
                    "no connection to " + endpoint.display() + " came free in time: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Observation.error("interrupted");
        }
    }

    private static Observation runAll(KeyedPool.Lease<Connection> lease, List<PgCheck> checks, ProbeContext context)
            throws SQLException {
        Connection c = lease.connection();
        List<Observation> parts = new ArrayList<>();
        try {
            // Every read on this connection, reused or new, is bounded by this check's deadline.
            c.setNetworkTimeout(
                    Runnable::run, (int) Math.max(1, context.remaining().toMillis()));
            for (PgCheck check : checks) {
                parts.add(runOne(lease, check, context));
                if (parts.getLast().summary().startsWith(PgErrors.CONNECTION_LOST)) {
                    break;
                }
            }
        } catch (SQLException e) {
            lease.discard();
            throw e;
        }
        return Observations.combine(parts);
    }

    private static Observation runOne(KeyedPool.Lease<Connection> lease, PgCheck check, ProbeContext context) {
        try {
            return check.run(lease.connection(), context.remaining());
        } catch (SQLException e) {
            if (PgErrors.breaksConnection(e)) {
                lease.discard();
            }
            return Observation.error(PgErrors.statementFailure(e));
        } catch (RuntimeException e) {
            return Observation.error("unreadable answer from the server: " + e.getMessage());
        }
    }

    private static PgEndpoint endpoint(PostgresConfig config, ProbeContext context) {
        Optional<Boolean> ssl = Optional.ofNullable(config.ssl());
        Optional<String> password = Optional.ofNullable(config.password());
        if (config.url().isPresent()) {
            return PgEndpoint.parse(config.url().get(), password, ssl);
        }
        String name = config.target().orElseThrow();
        Target t = context.target(name).orElseThrow(() -> new IllegalArgumentException("no target '" + name + "'"));
        String url = t.string("postgres")
                .or(t::url)
                .orElseThrow(() -> new IllegalArgumentException(
                        "target '" + name + "' has no postgres: URL (postgresql://USER@HOST:PORT/DB)"));
        return PgEndpoint.parse(
                url,
                password.or(() -> t.string("password")),
                ssl.or(() -> t.string("ssl").map(Boolean::parseBoolean)));
    }

    /** The verifications the config asks for; none means: connect and ask the server's version. */
    static List<PgCheck> checks(PostgresConfig c, ProbeContext context) {
        List<PgCheck> out = new ArrayList<>();
        if (c.query() != null) {
            out.add(new QueryCheck(c.query(), expect(c, context)));
        }
        if (c.migrations() != null) {
            out.add(new MigrationsCheck(
                    c.migrations(), Optional.ofNullable(c.historyTable()), Optional.ofNullable(c.minVersion())));
        }
        if (c.explain() != null) {
            out.add(new ExplainCheck(c.explain(), c.expectIndexScan()));
        }
        if (c.replicas() != null) {
            out.add(new ReplicationCheck(
                    c.replicas(),
                    Optional.ofNullable(c.maxLagBytes()),
                    Optional.ofNullable(c.maxLag()).map(Durations::parse)));
        }
        if (c.archiveMaxAge() != null) {
            out.add(new ArchiveCheck(Durations.parse(c.archiveMaxAge())));
        }
        if (c.poolHeadroom() != null) {
            out.add(new HeadroomCheck(c.headroomValue(), c.headroomIsShare()));
        }
        if (out.isEmpty()) {
            out.add(new ConnectCheck());
        }
        return out;
    }

    /** The check's own expect, else the bound item's threshold when the item carries exactly one. */
    private static Optional<Threshold> expect(PostgresConfig c, ProbeContext context) {
        if (c.expect() != null) {
            return Optional.of(ThresholdParser.parse(c.expect()));
        }
        return context.inherited().size() == 1 ? Optional.of(context.inherited().getFirst()) : Optional.empty();
    }
}
