package io.golive.probe.metrics;

import static java.util.Objects.requireNonNull;

import io.golive.egress.Egress;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the JSON APIs of Prometheus and Alertmanager with the JDK client: every request has the
 * timeout it is given, and every failure to get an answer is an {@link ApiException} with its reason.
 */
final class ApiClient {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 16 << 20;
    private static final ApiClient SHARED = new ApiClient(HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());

    private final HttpClient http;

    ApiClient(HttpClient http) {
        this.http = requireNonNull(http, "null http");
    }

    /** One client for the JVM: connections to the same server are reused across checks. */
    static ApiClient shared() {
        return SHARED;
    }

    static ObjectMapper json() {
        return JSON;
    }

    /** An answer: its status, body and, for a redirect, where to. Redirects are not followed: they could carry the credentials elsewhere. */
    record Answer(int status, String body, String location) {
        /** Why a non-2xx answer is not what was asked for, in words. */
        String refusal() {
            return "HTTP " + status + (status / 100 == 3 ? " (a redirect to " + location + ": use that url)" : "")
                    + ": " + snippet(body);
        }
    }

    Answer get(ApiEndpoint e, URI uri, Duration timeout) throws ApiException {
        return send(e, builder(e, uri, timeout).GET().build());
    }

    Answer postJson(ApiEndpoint e, URI uri, String body, Duration timeout) throws ApiException {
        return send(
                e,
                builder(e, uri, timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    /** The answer's body as JSON; a body that is not JSON is an error naming the status and its start. */
    static JsonNode parse(Answer a, String what) throws ApiException {
        try {
            return JSON.readTree(a.body());
        } catch (JacksonException ex) {
            throw new ApiException("not " + what + " (" + a.refusal() + ")");
        }
    }

    static String snippet(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    private static HttpRequest.Builder builder(ApiEndpoint e, URI uri, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout.isZero() || timeout.isNegative() ? Duration.ofMillis(1) : timeout)
                .header("Accept", "application/json");
        for (Map.Entry<String, String> h : e.headers().entrySet()) {
            b.setHeader(h.getKey(), h.getValue());
        }
        return b;
    }

    private Answer send(ApiEndpoint e, HttpRequest request) throws ApiException {
        Optional<String> refused = Egress.refusal(request.uri().getHost());
        if (refused.isPresent()) {
            throw new ApiException(refused.get());
        }
        try {
            HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                return new Answer(
                        r.statusCode(),
                        new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8),
                        r.headers().firstValue("Location").orElse(""));
            }
        } catch (HttpTimeoutException ex) {
            throw new ApiException("timeout after "
                    + request.timeout().map(Duration::toMillis).orElse(0L) + " ms waiting for " + e.authority());
        } catch (IOException ex) {
            throw new ApiException(reason(ex, e));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted");
        }
    }

    private static String reason(IOException ex, ApiEndpoint e) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException) {
                return Egress.refusal(e.base().getHost())
                        .orElse("DNS failure: cannot resolve " + e.base().getHost());
            }
            if (c instanceof ConnectException) {
                return "connection refused (" + e.authority() + ")";
            }
            if (c instanceof SSLException) {
                return "no TLS session with " + e.authority() + ": " + c.getMessage();
            }
            if (c instanceof HttpTimeoutException) {
                return "timeout waiting for " + e.authority();
            }
        }
        return "request to " + e.authority() + " failed: "
                + (ex.getMessage() == null ? ex.toString() : ex.getMessage());
    }
}
