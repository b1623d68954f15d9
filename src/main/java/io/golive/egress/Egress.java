package io.golive.egress;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolver.LookupPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The egress policy in force in this process, and the one way golive opens a connection for a spec.
 * Process-wide on purpose: the JDK's HTTP client resolves names inside its own threads, so the policy
 * reaches it only through the JVM's name resolver ({@link EgressResolverProvider}), which is one per
 * process. Every probe also checks here first, so that address literals (never looked up) are decided
 * and a refusal has a clear message.
 */
public final class Egress {
    private static volatile EgressPolicy policy = EgressPolicy.unrestricted();
    private static volatile Set<String> ownHosts = Set.of();
    private static volatile Function<String, Optional<List<InetAddress>>> testLookup = h -> Optional.empty();
    private static volatile InetAddressResolver builtin;

    private Egress() {}

    public static EgressPolicy policy() {
        return policy;
    }

    /**
     * Puts {@code p} in force until the returned handle is closed (which restores the one before).
     *
     * @param own host names the process itself connects to (its database, its identity provider): the
     *     JVM's resolver answers them unfiltered; probes still decide them by the policy
     */
    public static Installed install(EgressPolicy p, Set<String> own) {
        requireNonNull(p, "null policy");
        EgressPolicy before = policy;
        Set<String> ownBefore = ownHosts;
        ownHosts = own.stream()
                .map(h -> h.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        policy = p;
        return () -> {
            policy = before;
            ownHosts = ownBefore;
        };
    }

    /** A policy put in force; closing it restores the previous one. */
    public interface Installed extends AutoCloseable {
        @Override
        void close();
    }

    /** Lets a test answer name lookups itself (empty: the system resolver answers). */
    public static Installed useLookupForTests(Function<String, Optional<List<InetAddress>>> lookup) {
        var before = testLookup;
        testLookup = requireNonNull(lookup, "null lookup");
        return () -> testLookup = before;
    }

    /**
     * Why golive may not connect to {@code host} now, or empty when it may (or when the name does not
     * resolve at all: the caller reports that in its own words).
     */
    public static Optional<String> refusal(String host) {
        if (!policy.restricted()) {
            return Optional.empty();
        }
        try {
            resolve(host);
            return Optional.empty();
        } catch (EgressRefusedException e) {
            return Optional.of(e.getMessage());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The addresses of {@code host} that the policy allows, looked up now; none allowed is a refusal. */
    public static List<InetAddress> resolve(String host) throws UnknownHostException, EgressRefusedException {
        EgressPolicy p = policy;
        Optional<String> byName = p.refusalOfName(host);
        if (byName.isPresent()) {
            throw new EgressRefusedException(byName.get());
        }
        List<InetAddress> found = Cidr.Literals.address(host).map(List::of).orElse(null);
        if (found == null) {
            found = lookup(host);
        }
        List<InetAddress> allowed = new ArrayList<>();
        String firstRefusal = null;
        for (InetAddress a : found) {
            Optional<String> r = p.refusal(host, a);
            if (r.isEmpty()) {
                allowed.add(a);
            } else if (firstRefusal == null) {
                firstRefusal = r.get();
            }
        }
        if (allowed.isEmpty() && firstRefusal != null) {
            throw new EgressRefusedException(firstRefusal);
        }
        if (allowed.isEmpty()) {
            throw new UnknownHostException(host);
        }
        return allowed;
    }

    /** Connects {@code socket} to the first allowed address of {@code host}, within {@code timeoutMillis}. */
    public static void connect(Socket socket, String host, int port, int timeoutMillis) throws IOException {
        InetAddress address = resolve(host).get(0);
        socket.connect(new InetSocketAddress(address, port), timeoutMillis);
    }

    /** Refuses a connection to an address already resolved (by a library) when the policy does not allow it. */
    public static void checkResolved(String host, InetAddress address) throws EgressRefusedException {
        Optional<String> r = policy.refusal(host, address);
        if (r.isPresent()) {
            throw new EgressRefusedException(r.get());
        }
    }

    static void builtin(InetAddressResolver resolver) {
        builtin = resolver;
    }

    /** The JVM resolver's answer, filtered by the policy (used by {@link EgressResolverProvider}). */
    static List<InetAddress> filteredLookup(String host, LookupPolicy lookupPolicy) throws UnknownHostException {
        List<InetAddress> found = rawLookup(host, lookupPolicy);
        EgressPolicy p = policy;
        if (!p.restricted() || ownHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return found;
        }
        try {
            return resolveAmong(p, host, found);
        } catch (EgressRefusedException e) {
            throw new UnknownHostException(e.getMessage());
        }
    }

    private static List<InetAddress> resolveAmong(EgressPolicy p, String host, List<InetAddress> found)
            throws UnknownHostException, EgressRefusedException {
        Optional<String> byName = p.refusalOfName(host);
        if (byName.isPresent()) {
            throw new EgressRefusedException(byName.get());
        }
        List<InetAddress> allowed =
                found.stream().filter(a -> p.refusal(host, a).isEmpty()).toList();
        if (found.isEmpty()) {
            throw new UnknownHostException(host);
        }
        if (allowed.isEmpty()) {
            throw new EgressRefusedException(p.refusal(host, found.get(0)).orElseThrow());
        }
        return allowed;
    }

    private static List<InetAddress> lookup(String host) throws UnknownHostException {
        InetAddressResolver b = builtin;
        if (b == null) {
            // the resolver provider did not load (golive embedded in another application): the JVM's
            // own lookup, which the policy then checks address by address
            Optional<List<InetAddress>> t = testLookup.apply(host);
            return t.isPresent() ? t.get() : List.of(InetAddress.getAllByName(host));
        }
        return rawLookup(host, LookupPolicy.of(LookupPolicy.IPV4 | LookupPolicy.IPV6));
    }

    private static List<InetAddress> rawLookup(String host, LookupPolicy lookupPolicy) throws UnknownHostException {
        Optional<List<InetAddress>> t = testLookup.apply(host);
        if (t.isPresent()) {
            if (t.get().isEmpty()) {
                throw new UnknownHostException(host);
            }
            return t.get();
        }
        return builtin.lookupByName(host, lookupPolicy).toList();
    }
}
