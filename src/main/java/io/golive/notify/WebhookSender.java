package io.golive.notify;

import static java.util.Objects.requireNonNull;

import io.golive.egress.Egress;
import io.golive.spec.Secrets;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts webhook bodies with the JDK's HTTP client. Every notification webhook leaves from here, so the
 * egress policy is decided here first: a refused one sends nothing.
 */
public final class WebhookSender {
    private static final int KEPT = 200;

    private final HttpClient client;
    private final Duration timeout;

    /** A client that connects within 10 s, follows no redirect, and waits {@code timeout} for an answer. */
    public WebhookSender(Duration timeout) {
        this(
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                timeout);
    }

    WebhookSender(HttpClient client, Duration timeout) {
        this.client = requireNonNull(client, "null client");
        this.timeout = requireNonNull(timeout, "null timeout");
    }

    Attempt send(WebhookDestination d, Event e, Secrets secrets) {
        Optional<String> body = Bodies.render(e, d);
        if (body.isEmpty()) {
            return Attempt.never(d.format().key() + " has no message for " + e.type());
        }
        // decided before the client sees the request: address literals are never looked up
        Optional<String> refused = Egress.refusal(d.url().getHost());
        if (refused.isPresent()) {
            return Attempt.never(secrets.mask(refused.get()));
        }
        HttpRequest request = HttpRequest.newBuilder(d.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "golive")
                .POST(HttpRequest.BodyPublishers.ofString(body.get(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return answer(r.statusCode(), secrets.mask(r.body()), d);
        } catch (HttpTimeoutException ex) {
            return Attempt.again("no answer from " + d.shown() + " within " + timeout.toMillis() + " ms");
        } catch (ConnectException ex) {
            return Attempt.again("cannot connect to " + d.shown());
        } catch (IOException ex) {
            // the JVM's resolver hides names the egress policy denies: say so rather than "DNS"
            return Egress.refusal(d.url().getHost())
                    .map(Attempt::never)
                    .orElseGet(() -> Attempt.again(
                            "no answer from " + d.shown() + ": " + ex.getClass().getSimpleName()));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Attempt.again("interrupted");
        }
    }

    private static Attempt answer(int status, String body, WebhookDestination d) {
        if (status / 100 == 2) {
            return Attempt.ok();
        }
        String snippet = body.isBlank() ? "" : ": " + (body.length() > KEPT ? body.substring(0, KEPT) : body).strip();
        String error = "HTTP " + status + " from " + d.shown() + snippet;
        // a 5xx, a rate limit or a request timeout may pass; any other 4xx is the request itself
        boolean transient_ = status / 100 == 5 || status == 429 || status == 408;
        return transient_ ? Attempt.again(error) : Attempt.never(error);
    }
}
