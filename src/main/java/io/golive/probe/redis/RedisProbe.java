package io.golive.probe.redis;

import static java.util.Objects.requireNonNull;

import io.golive.egress.EgressRefusedException;
import io.golive.probe.KeyedPool;
import io.golive.probe.Observation;
import io.golive.probe.Observations;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.spec.Target;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The {@code redis} probe: logs in over a small pool of connections per server and credentials and
 * runs the verifications its config asks for; {@code requireAuth} uses a connection of its own.
 */
public final class RedisProbe implements Probe<RedisConfig> {
    private static final KeyedPool<RespConnection> SHARED = KeyedPool.shared(4, Duration.ofSeconds(10));

    private final KeyedPool<RespConnection> pool;

    /** The probe with the JVM-wide connection pool. */
    public RedisProbe() {
        this(SHARED);
    }

    RedisProbe(KeyedPool<RespConnection> pool) {
        this.pool = requireNonNull(pool, "null pool");
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public Class<RedisConfig> configType() {
        return RedisConfig.class;
    }

    @Override
    public Observation run(RedisConfig config, ProbeContext context) {
        requireNonNull(config, "null config");
        requireNonNull(context, "null context");
        RedisEndpoint endpoint;
        try {
            endpoint = endpoint(config, context);
        } catch (IllegalArgumentException e) {
            return Observation.error(e.getMessage());
        }
        List<Observation> parts = new ArrayList<>();
        if (config.requireAuth()) {
            parts.add(guarded(endpoint, () -> AuthCheck.run(endpoint, context.remaining())));
        }
        List<RedisCheck> checks = checks(config, endpoint);
        if (!checks.isEmpty()) {
            parts.add(pooled(endpoint, checks, context));
        }
        return Observations.masked(Observations.combine(parts), endpoint.password(), endpoint.display());
    }

    private Observation pooled(RedisEndpoint endpoint, List<RedisCheck> checks, ProbeContext context) {
        return guarded(endpoint, () -> {
            try (KeyedPool.Lease<RespConnection> lease =
                    pool.borrow(endpoint.poolKey(), context.remaining(), () -> endpoint.connect(context.remaining()))) {
                List<Observation> parts = new ArrayList<>();
                for (RedisCheck check : checks) {
                    parts.add(runOne(lease, check, context));
                }
                return Observations.withConnection(Observations.combine(parts), lease);
            } catch (TimeoutException e) {
                return Observation.error(
                        "no connection to " + endpoint.display() + " came free in time: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Observation.error("interrupted");
            }
        });
    }

    private static Observation runOne(KeyedPool.Lease<RespConnection> lease, RedisCheck check, ProbeContext context)
            throws IOException {
        try {
            return check.run(lease.connection(), context.remaining());
        } catch (RedisException e) {
            return Observation.error("Redis refused a command: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            lease.discard();
            throw e;
        }
    }

    /** Turns a failure to connect or a broken connection into an ERROR with its reason. */
    private static Observation guarded(RedisEndpoint endpoint, IoCall call) {
        try {
            return call.run();
        } catch (RedisException e) {
            return Observation.error("Redis at " + endpoint.display() + " refused: " + e.getMessage());
        } catch (EgressRefusedException e) {
            return Observation.error(e.getMessage());
        } catch (ConnectException e) {
            return Observation.error(
                    "cannot connect to " + endpoint.display() + ": connection refused (is Redis listening there?)");
        } catch (SocketTimeoutException e) {
            return Observation.error("timed out talking to " + endpoint.display() + " (no answer before the deadline)");
        } catch (UnknownHostException e) {
            return Observation.error("cannot connect to " + endpoint.display() + ": unknown host " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return Observation.error("connection to " + endpoint.display() + " failed: " + e.getMessage());
        }
    }

    /** The pooled verifications; none but requireAuth without a password means nothing to log in with. */
    private static List<RedisCheck> checks(RedisConfig c, RedisEndpoint endpoint) {
        List<RedisCheck> out = new ArrayList<>();
        if (c.persistence() != null) {
            out.add(new PersistenceCheck(c.persistence()));
        }
        if (c.maxmemoryPolicy() != null) {
            out.add(new EvictionCheck(c.maxmemoryPolicy()));
        }
        if (c.replicas() != null) {
            out.add(new ReplicasCheck(c.replicas()));
        }
        if (out.isEmpty() && (!c.requireAuth() || endpoint.hasPassword())) {
            out.add(new PingCheck());
        }
        return out;
    }

    private static RedisEndpoint endpoint(RedisConfig config, ProbeContext context) {
        Optional<String> password = Optional.ofNullable(config.password());
        if (config.url().isPresent()) {
            return RedisEndpoint.parse(config.url().get(), password);
        }
        String name = config.target().orElseThrow();
        Target t = context.target(name).orElseThrow(() -> new IllegalArgumentException("no target '" + name + "'"));
        String url = t.string("redis")
                .or(t::url)
                .orElseThrow(() ->
                        new IllegalArgumentException("target '" + name + "' has no redis: URL (redis://HOST:PORT)"));
        return RedisEndpoint.parse(url, password.or(() -> t.string("password")));
    }

    /** A call that may fail with I/O. */
    @FunctionalInterface
    private interface IoCall {
        Observation run() throws IOException;
    }
}
