package io.golive.probe.http;

import io.golive.egress.Egress;
import io.golive.probe.Observation;
import io.golive.probe.ProbeContext;
import io.golive.probe.TrustStores;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * Sends the HTTP requests of the HTTP-family probes: one reused client per TLS setting, timeouts from
 * the check's deadline, and every failure to get an answer turned into an ERROR with its reason.
 */
final class HttpCalls {
    private static final int MAX_CLIENTS = 16;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Least recently used first; an evicted client's idle connections close when it is collected. */
    private static final Map<String, HttpClient> CLIENTS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, HttpClient> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    private static final int MAX_BODY = 1 << 20;

    /** A response, or the observation saying why there is none. */
    record Result(Optional<HttpResponse<byte[]>> response, Optional<Observation> failure, long latencyMs) {
        String body() {
            return response.map(r -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .orElse("");
        }
    }

    private HttpCalls() {}

    static HttpRequest.Builder request(Endpoint e, Map<String, String> extraHeaders, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(e.uri()).timeout(timeout);
        e.headers().forEach(b::header);
        extraHeaders.forEach(b::setHeader);
        return b;
    }

    /** The check's time limit: its own {@code timeout} if shorter than what is left of the deadline. */
    static Duration timeout(ProbeContext context, Optional<Duration> own) {
        Duration left = context.remaining();
        Duration t = own.filter(d -> d.compareTo(left) < 0).orElse(left);
        return t.isZero() ? Duration.ofMillis(1) : t;
    }

    static Result send(Endpoint e, HttpRequest request, ProbeContext context, Path baseDir) {
        long start = System.nanoTime();
        // decided before the client sees the request: address literals are never looked up, and a
        // refused request must send nothing (no response, so no body snippet as evidence)
        Optional<String> refused = Egress.refusal(e.uri().getHost());
        if (refused.isPresent()) {
            return failed(refused.get(), start);
        }
        try {
            HttpClient client = client(e, baseDir);
            HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = r.body()) {
                body = in.readNBytes(MAX_BODY);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            HttpResponse<byte[]> withBody = new Buffered(r, body);
            return new Result(Optional.of(withBody), Optional.empty(), ms);
        } catch (HttpTimeoutException ex) {
            return failed(
                    "timeout after " + request.timeout().map(Duration::toMillis).orElse(0L) + " ms (" + e.authority()
                            + ")",
                    start);
        } catch (ConnectException ex) {
            return failed("connection refused (" + e.authority() + ")", start);
        } catch (SSLException ex) {
            return failed("no TLS session with " + e.authority() + ": " + ex.getMessage(), start);
        } catch (IOException ex) {
            return failed(reason(ex, e), start);
        } catch (GeneralSecurityException ex) {
            return failed("cannot set up TLS: " + ex.getMessage(), start);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return failed("interrupted", start);
        }
    }

    private static String reason(IOException ex, Endpoint e) {
        Throwable c = ex;
        while (c != null) {
            if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException) {
                // the JVM's resolver hides addresses the egress policy denies: say so rather than "DNS"
                return Egress.refusal(e.uri().getHost())
                        .orElse("DNS failure: cannot resolve " + e.uri().getHost());
            }
            if (c instanceof ConnectException) {
                return "connection refused (" + e.authority() + ")";
            }
            if (c instanceof SSLException) {
                return "no TLS session with " + e.authority() + ": " + c.getMessage();
            }
            c = c.getCause();
        }
        return "request to " + e.authority() + " failed: "
                + (ex.getMessage() == null ? ex.toString() : ex.getMessage());
    }

    private static Result failed(String why, long start) {
        return new Result(
                Optional.empty(), Optional.of(Observation.error(why)), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The client for the endpoint's trust material: keyed by what is trusted (the trust file's bytes,
     * not its path, so uploads written to fresh folders share one client), at most {@link #MAX_CLIENTS}
     * kept. The connect timeout is a fixed upper bound; each request carries its check's own timeout.
     */
    private static HttpClient client(Endpoint e, Path baseDir) throws GeneralSecurityException, IOException {
        String key = e.insecure()
                ? "insecure"
                : e.trust().map(t -> trustKey(baseDir.resolve(t))).orElse("default");
        synchronized (CLIENTS) {
            HttpClient c = CLIENTS.get(key);
            if (c == null) {
                c = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .sslContext(sslContext(e, baseDir))
                        .build();
                CLIENTS.put(key, c);
            }
            return c;
        }
    }

    private static String trustKey(Path trust) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(trust));
            return "trust:" + HexFormat.of().formatHex(digest);
        } catch (IOException | java.security.NoSuchAlgorithmException ex) {
            // unreadable: sslContext reports it with the file's name
            return "unreadable:" + trust;
        }
    }

    static SSLContext sslContext(Endpoint e, Path baseDir) throws GeneralSecurityException, IOException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        if (e.insecure()) {
            ctx.init(null, new TrustManager[] {TrustStores.TRUST_ALL}, new SecureRandom());
        } else if (e.trust().isPresent()) {
            ctx.init(null, TrustStores.trustManagers(baseDir.resolve(e.trust().get())), new SecureRandom());
        } else {
            ctx.init(null, null, new SecureRandom());
        }
        return ctx;
    }

    /** Masks credentials in headers shown as evidence. */
    static String showHeaders(Map<String, String> headers) {
        StringBuilder sb = new StringBuilder();
        headers.forEach((k, v) -> {
            String lower = k.toLowerCase(java.util.Locale.ROOT);
            boolean secret = lower.equals("authorization")
                    || lower.equals("cookie")
                    || lower.contains("token")
                    || lower.contains("api-key")
                    || lower.contains("apikey");
            sb.append(k).append(": ").append(secret ? "****" : v).append("; ");
        });
        return sb.toString();
    }

    /** A response whose body was read (bounded) into memory. */
    private record Buffered(HttpResponse<InputStream> r, byte[] body) implements HttpResponse<byte[]> {
        @Override
        public int statusCode() {
            return r.statusCode();
        }

        @Override
        public HttpRequest request() {
            return r.request();
        }

        @Override
        public Optional<HttpResponse<byte[]>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return r.headers();
        }

        @Override
        public Optional<javax.net.ssl.SSLSession> sslSession() {
            return r.sslSession();
        }

        @Override
        public java.net.URI uri() {
            return r.uri();
        }

        @Override
        public HttpClient.Version version() {
            return r.version();
        }
    }
}
