package io.golive.load;

import static java.util.Objects.requireNonNull;

import io.golive.InputException;
import io.golive.checklist.Threshold;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a load test does: which requests, offered how, for how long.
 *
 * @param requests the requests to send, chosen by weight (at least one)
 * @param model a fixed arrival rate or a number of users
 * @param duration how long the test runs, ramp included; it always stops then
 * @param ramp the first part of the duration, during which the rate (or the users) grow from zero
 * @param connections the connections of the open model; 0 picks one per 10 req/s (16 to 1000). The
 *     closed model has one connection per user.
 * @param timeout the longest a request may take, connecting included
 * @param allowRemote whether targets other than loopback addresses are allowed
 * @param insecure whether {@code https://} targets are trusted whatever their certificate (test servers)
 * @param abortOn thresholds that stop the test early once they can no longer be met
 * @param trust what decides which certificates of {@code https://} targets are trusted (a CA file,
 *     say); null for the JDK's default trust store. Ignored when {@code insecure}.
 * @param keepAlive whether connections carry many requests (the default); false opens a new
 *     connection (and over TLS, a resumed session) per request, as handshake-heavy clients do
 * @param streams 0 for HTTP/1.1 (the default); N for HTTP/2 over TLS (ALPN {@code h2}), N
 *     connection slots (users, or the open model's connections) sharing one connection, each with a
 *     stream of its own
 */
public record LoadPlan(
        List<LoadRequest> requests,
        LoadModel model,
        Duration duration,
        Duration ramp,
        int connections,
        Duration timeout,
        boolean allowRemote,
        boolean insecure,
        List<Threshold> abortOn,
        javax.net.ssl.X509TrustManager trust,
        boolean keepAlive,
        int streams) {
    /** The request timeout when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final int MAX_CONNECTIONS = 100_000;

    public LoadPlan {
        requests = List.copyOf(requests);
        requireNonNull(model, "null model");
        requireNonNull(duration, "null duration");
        ramp = ramp == null ? Duration.ZERO : ramp;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        abortOn = abortOn == null ? List.of() : List.copyOf(abortOn);
    }

    /** An HTTP/1.1 plan. */
    public LoadPlan(
            List<LoadRequest> requests,
            LoadModel model,
            Duration duration,
            Duration ramp,
            int connections,
            Duration timeout,
            boolean allowRemote,
            boolean insecure,
            List<Threshold> abortOn,
            javax.net.ssl.X509TrustManager trust,
            boolean keepAlive) {
        this(
                requests,
                model,
                duration,
                ramp,
                connections,
                timeout,
                allowRemote,
                insecure,
                abortOn,
                trust,
                keepAlive,
                0);
    }

    /** The same plan over HTTP/2 with {@code n} streams per connection; 0 for HTTP/1.1. */
    public LoadPlan withStreams(int n) {
        return new LoadPlan(
                requests,
                model,
                duration,
                ramp,
                connections,
                timeout,
                allowRemote,
                insecure,
                abortOn,
                trust,
                keepAlive,
                n);
    }

    /** A plan whose connections are kept alive, trusting the JDK's default trust store. */
    public LoadPlan(
            List<LoadRequest> requests,
            LoadModel model,
            Duration duration,
            Duration ramp,
            int connections,
            Duration timeout,
            boolean allowRemote,
            boolean insecure,
            List<Threshold> abortOn) {
        this(requests, model, duration, ramp, connections, timeout, allowRemote, insecure, abortOn, null, true);
    }

    /** A fixed-rate test of one address. */
    public static LoadPlan open(URI url, double ratePerSecond, Duration duration) {
        return new LoadPlan(
                List.of(LoadRequest.get(url)),
                new LoadModel.Open(ratePerSecond),
                duration,
                Duration.ZERO,
                0,
                DEFAULT_TIMEOUT,
                false,
                false,
                List.of(),
                null,
                true);
    }

    /** A test of one address by a number of users without think time. */
    public static LoadPlan closed(URI url, int users, Duration duration) {
        return new LoadPlan(
                List.of(LoadRequest.get(url)),
                new LoadModel.Closed(users, Duration.ZERO),
                duration,
                Duration.ZERO,
                0,
                DEFAULT_TIMEOUT,
                false,
                false,
                List.of(),
                null,
                true);
    }

    public LoadPlan withRequests(List<LoadRequest> newRequests) {
        return new LoadPlan(
                newRequests,
                model,
                duration,
                ramp,
                connections,
                timeout,
                allowRemote,
                insecure,
                abortOn,
                trust,
                keepAlive,
                streams);
    }

    public LoadPlan withRamp(Duration newRamp) {
        return new LoadPlan(
                requests,
                model,
                duration,
                newRamp,
                connections,
                timeout,
                allowRemote,
                insecure,
                abortOn,
                trust,
                keepAlive,
                streams);
    }

    public LoadPlan withConnections(int newConnections) {
        return new LoadPlan(
                requests,
                model,
                duration,
                ramp,
                newConnections,
                timeout,
                allowRemote,
                insecure,
                abortOn,
                trust,
                keepAlive,
                streams);
    }

    public LoadPlan withTimeout(Duration newTimeout) {
        return new LoadPlan(
                requests,
                model,
                duration,
                ramp,
                connections,
                newTimeout,
                allowRemote,
                insecure,
                abortOn,
                trust,
                keepAlive,
                streams);
    }

    public LoadPlan withAllowRemote(boolean allow) {
        return new LoadPlan(
                requests,
                model,
                duration,
                ramp,
                connections,
                timeout,
                allow,
                insecure,
                abortOn,
                trust,
                keepAlive,
                streams);
    }

    public LoadPlan withInsecure(boolean trustAnyCertificate) {
        return new LoadPlan(
                requests,
                model,
                duration,
                ramp,
                connections,
                timeout,
                allowRemote,
                trustAnyCertificate,
                abortOn,
                trust,
                keepAlive,
                streams);
    }

    public LoadPlan withAbortOn(List<Threshold> thresholds) {
        return new LoadPlan(
                requests,
                model,
                duration,
                ramp,
                connections,
                timeout,
                allowRemote,
                insecure,
                thresholds,
                trust,
                keepAlive,
                streams);
    }

    /** The same plan trusting what {@code trustManager} trusts, for {@code https://} targets. */
    public LoadPlan withTrust(javax.net.ssl.X509TrustManager trustManager) {
        return new LoadPlan(
                requests,
                model,
                duration,
                ramp,
                connections,
                timeout,
                allowRemote,
                insecure,
                abortOn,
                trustManager,
                keepAlive,
                streams);
    }

    /** The same plan with a new connection per request ({@code false}) or kept-alive ones. */
    public LoadPlan withKeepAlive(boolean keep) {
        return new LoadPlan(
                requests,
                model,
                duration,
                ramp,
                connections,
                timeout,
                allowRemote,
                insecure,
                abortOn,
                trust,
                keep,
                streams);
    }

    /** The connections the test opens in all. */
    public int effectiveConnections() {
        return switch (model) {
            case LoadModel.Closed closed -> closed.users();
            case LoadModel.Open open ->
                connections > 0
                        ? connections
                        : (int) Math.max(16, Math.min(1000, Math.ceil(open.ratePerSecond() / 10)));
        };
    }

    /** Every problem with this plan, in words a user can act on. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (requests.isEmpty()) {
            problems.add("no request to send");
        }
        for (LoadRequest r : requests) {
            problems.addAll(problemsOf(r));
        }
        problems.addAll(problemsOf(model));
        if (duration.isNegative() || duration.isZero()) {
            problems.add("the duration must be above 0");
        }
        if (ramp.isNegative() || ramp.compareTo(duration) > 0) {
            problems.add("the ramp must be between 0 and the duration");
        }
        if (connections < 0 || connections > MAX_CONNECTIONS) {
            problems.add("connections must be between 1 and " + MAX_CONNECTIONS);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            problems.add("the timeout must be above 0");
        }
        if (streams < 0 || streams > 1000) {
            problems.add("streams must be between 1 and 1000");
        }
        if (streams > 0) {
            if (requests.stream()
                    .anyMatch(r -> !"https".equalsIgnoreCase(r.url().getScheme()))) {
                problems.add("--streams is HTTP/2 over TLS: every address must be https://");
            }
            if (!keepAlive) {
                problems.add("--streams shares connections: it does not go with --no-keepalive");
            }
            if (requests.stream()
                    .anyMatch(r -> r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > H2.MAX_FRAME)) {
                problems.add("over HTTP/2 a request body is at most " + H2.MAX_FRAME + " bytes");
            }
        }
        return problems;
    }

    /** Throws an {@link InputException} listing every problem, if there is one. */
    public LoadPlan requireValid() {
        List<String> problems = validate();
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return this;
    }

    private static List<String> problemsOf(LoadModel model) {
        return switch (model) {
            case LoadModel.Open open ->
                open.ratePerSecond() > 0 && open.ratePerSecond() <= 10_000_000
                        ? List.of()
                        : List.of("the rate must be above 0 and at most 10000000/s");
            case LoadModel.Closed closed -> {
                List<String> problems = new ArrayList<>();
                if (closed.users() < 1 || closed.users() > MAX_CONNECTIONS) {
                    problems.add("users must be between 1 and " + MAX_CONNECTIONS);
                }
                if (closed.think().isNegative()) {
                    problems.add("the think time must not be negative");
                }
                yield problems;
            }
        };
    }

    private static List<String> problemsOf(LoadRequest r) {
        URI url = r.url();
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            return List.of(url + ": only http:// and https:// addresses can be loaded");
        }
        if (url.getHost() == null) {
            return List.of(url + ": no host");
        }
        if (r.weight() < 1) {
            return List.of(url + ": the weight must be at least 1");
        }
        if (!r.method().chars().allMatch(c -> c >= 'A' && c <= 'Z' || c == '-' || c == '_')) {
            return List.of(url + ": bad method " + r.method());
        }
        for (var h : r.headers().entrySet()) {
            if (!h.getKey().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")
                    || h.getValue().matches("(?s).*[\\r\\n].*")) {
                return List.of(url + ": bad header '" + h.getKey() + "'");
            }
        }
        return List.of();
    }
}
