package io.golive.load;

import io.golive.InputException;
import io.golive.egress.Egress;
import io.golive.egress.EgressRefusedException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Resolves the host and port each request goes to, and refuses targets beyond loopback unless allowed. */
final class Origins {
    private Origins() {}

    /** The distinct origins of the requests, in first-seen order, as resolved socket addresses. */
    static List<InetSocketAddress> resolve(List<LoadRequest> requests, boolean allowRemote) {
        Map<String, InetSocketAddress> origins = new LinkedHashMap<>();
        for (LoadRequest r : requests) {
            origins.computeIfAbsent(key(r.url()), k -> address(r.url(), allowRemote));
        }
        return new ArrayList<>(origins.values());
    }

    /** The first URL of each origin, in the order of {@link #resolve}: its scheme tells whether it is TLS. */
    static List<URI> firstUrls(List<LoadRequest> requests) {
        Map<String, URI> first = new LinkedHashMap<>();
        for (LoadRequest r : requests) {
            first.putIfAbsent(key(r.url()), r.url());
        }
        return new ArrayList<>(first.values());
    }

    /** The index of a request's origin in the list {@link #resolve} returns. */
    static int indexOf(List<LoadRequest> requests, LoadRequest request) {
        List<String> keys = requests.stream().map(r -> key(r.url())).distinct().toList();
        return keys.indexOf(key(request.url()));
    }

    static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static String key(URI url) {
        // The scheme is part of the origin: the same host and port over TLS and in the clear are two.
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":"
                + port(url);
    }

    private static InetSocketAddress address(URI url, boolean allowRemote) {
        InetAddress[] all;
        try {
            // the egress policy in force (the server's, or --egress-allow) decides before any connection
            all = Egress.resolve(url.getHost()).toArray(InetAddress[]::new);
        } catch (EgressRefusedException e) {
            throw new InputException(e.getMessage());
        } catch (UnknownHostException e) {
            throw new InputException(url + ": unknown host " + url.getHost());
        }
        for (InetAddress a : all) {
            // Every address must be loopback: a name that also resolves elsewhere could send load there.
            if (!allowRemote && !a.isLoopbackAddress()) {
                throw new InputException("refusing to load " + url + ": " + a.getHostAddress()
                        + " is not a loopback address (pass --allow-remote to load a remote target)");
            }
        }
        return new InetSocketAddress(all[0], port(url));
    }
}
