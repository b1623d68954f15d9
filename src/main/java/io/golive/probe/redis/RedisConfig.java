package io.golive.probe.redis;

import io.golive.probe.ProbeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code redis:} check. With none of the options it sends PING; each option given adds one
 * verification, and the check passes when all of them do.
 *
 * @param url {@code redis://[user@]host:port[/db]}, {@code rediss://} for TLS
 * @param target a spec target with a {@code redis:} URL and a {@code password}
 * @param password the password (write {@code ${ENV}}); wins over the target's
 * @param requireAuth true: a connection without the password must be refused (NOAUTH)
 * @param persistence {@code aof}, {@code rdb} or {@code any}: that persistence is on and not failing
 * @param maxmemoryPolicy the eviction policy expected; maxmemory must be set too
 * @param replicas the least number of replicas online (INFO replication)
 */
public record RedisConfig(
        Optional<String> url,
        Optional<String> target,
        String password,
        Boolean requireAuth,
        String persistence,
        String maxmemoryPolicy,
        Integer replicas)
        implements ProbeConfig {
    static final Set<String> POLICIES = Set.of(
            "noeviction",
            "allkeys-lru",
            "allkeys-lfu",
            "allkeys-random",
            "volatile-lru",
            "volatile-lfu",
            "volatile-random",
            "volatile-ttl");

    public RedisConfig {
        url = url == null ? Optional.empty() : url;
        target = target == null ? Optional.empty() : target;
        requireAuth = requireAuth != null && requireAuth;
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (url.isPresent() == target.isPresent()) {
            problems.add("give either url or target");
        }
        url.ifPresent(u -> {
            try {
                RedisEndpoint.parse(u, Optional.empty());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        });
        if (persistence != null && !List.of("aof", "rdb", "any").contains(persistence)) {
            problems.add("persistence must be aof, rdb or any");
        }
        if (maxmemoryPolicy != null && !POLICIES.contains(maxmemoryPolicy)) {
            problems.add("maxmemoryPolicy must be one of "
                    + String.join(", ", POLICIES.stream().sorted().toList()));
        }
        if (replicas != null && replicas < 0) {
            problems.add("replicas must be 0 or more");
        }
        return problems;
    }

    @Override
    public String toString() {
        return "RedisConfig[" + url.or(() -> target.map(t -> "target " + t)).orElse("") + "]";
    }
}
