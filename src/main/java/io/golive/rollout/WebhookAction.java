package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.egress.Egress;
import io.golive.spec.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code webhook:} action: one HTTP request with {@code {weight}} substituted in its URL and body; a
 * 2xx answer is success. Every connection a rollout webhook makes leaves from this class, so an egress
 * policy applies here.
 */
final class WebhookAction implements Action {
    private static final int KEPT = 2048;

    private final String method;
    private final String url;
    private final Map<String, String> headers;
    private final Optional<String> body;
    private final Secrets secrets;
    private final HttpClient client;

    WebhookAction(
            String method,
            String url,
            Map<String, String> headers,
            Optional<String> body,
            Secrets secrets,
            HttpClient client) {
        this.method = requireNonNull(method, "null method").toUpperCase(Locale.ROOT);
        this.url = requireNonNull(url, "null url");
        this.headers = Map.copyOf(headers);
        this.body = requireNonNull(body, "null body");
        this.secrets = requireNonNull(secrets, "null secrets");
        this.client = requireNonNull(client, "null client");
    }

    /** The client webhooks share: a connect timeout, no redirects followed (a redirect is not a 2xx). */
    static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public ActionResult run(int weight, Duration timeout) {
        String w = Integer.toString(weight);
        String target = url.replace("{weight}", w);
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(target)).timeout(timeout);
        } catch (IllegalArgumentException e) {
            return ActionResult.failed(secrets.mask("bad url " + target), "");
        }
        headers.forEach(b::header);
        b.method(
                method,
                body.map(t -> HttpRequest.BodyPublishers.ofString(t.replace("{weight}", w), StandardCharsets.UTF_8))
                        .orElse(HttpRequest.BodyPublishers.noBody()));
        String shown = method + " " + secrets.mask(target);
        // decided before the client sees the request, so a refused webhook sends nothing
        Optional<String> refused = Egress.refusal(URI.create(target).getHost());
        if (refused.isPresent()) {
            return ActionResult.failed(shown + ": " + refused.get(), "");
        }
        try {
            HttpResponse<String> r = client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
                    .get(timeout.toMillis() + 1_000, java.util.concurrent.TimeUnit.MILLISECONDS);
            String answer = secrets.mask(tail(r.body()));
            String summary = shown + ": HTTP " + r.statusCode();
            return r.statusCode() / 100 == 2 ? ActionResult.ok(summary, answer) : ActionResult.failed(summary, answer);
        } catch (java.util.concurrent.TimeoutException e) {
            return ActionResult.failed(shown + ": no answer within " + timeout.toMillis() + " ms", "");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            String why = c instanceof HttpTimeoutException
                    ? "no answer within " + timeout.toMillis() + " ms"
                    : c instanceof IOException && c.getMessage() != null ? c.getMessage() : String.valueOf(c);
            return ActionResult.failed(shown + ": " + secrets.mask(why), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ActionResult.failed(shown + ": interrupted", "");
        }
    }

    private static String tail(String s) {
        return s.length() <= KEPT ? s : s.substring(s.length() - KEPT);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("url", secrets.mask(url));
        if (!headers.isEmpty()) {
            Map<String, String> h = new LinkedHashMap<>();
            headers.forEach((k, v) -> h.put(k, secrets.mask(v)));
            m.put("headers", h);
        }
        body.ifPresent(t -> m.put("body", secrets.mask(t)));
        return m;
    }
}
