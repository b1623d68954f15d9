package io.golive.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleTargetTest {
    private static final List<String> OWASP = List.of(
            "Strict-Transport-Security",
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "X-Frame-Options",
            "Referrer-Policy");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicLong NOW = new AtomicLong();

    private static SampleTarget target;

    @BeforeAll
    static void start() {
        target = SampleTarget.start(0, new SampleTarget.Settings(3, Duration.ofSeconds(10), Duration.ZERO), NOW::get);
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @Test
    void listensOnLoopbackAtAFreePort() {
        assertThat(target.url()).isEqualTo("http://127.0.0.1:" + target.port());
        assertThat(target.port()).isPositive();
    }

    @Test
    void everyPageCarriesTheOwaspHeadersButThePartnerDocs() throws Exception {
        for (String path : List.of("/", "/healthz", "/checkout", "/api/products", "/api/cart", "/no-such-page")) {
            HttpResponse<String> r = get(path);
            OWASP.forEach(h ->
                    assertThat(r.headers().firstValue(h)).as(path + " " + h).isPresent());
        }
        HttpResponse<String> docs = get("/partner/docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(docs.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void healthAndApisAnswerJson() throws Exception {
        assertThat(get("/healthz").body()).contains("\"UP\"");
        assertThat(get("/api/products").headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(get("/no-such-page").statusCode()).isEqualTo(404);
    }

    @Test
    void loginAnswers429WithRetryAfterOverTheLimitUntilTheWindowMoves() throws Exception {
        NOW.set(Duration.ofHours(1).toNanos());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(get("/login").statusCode());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429);
        HttpResponse<String> limited = get("/login");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("10");
        NOW.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(get("/login").statusCode()).isEqualTo(200);
    }

    @Test
    void apisLetInTheShopOriginOnly() throws Exception {
        HttpResponse<String> shop = send(request("/api/products").header("Origin", SampleTarget.SHOP_ORIGIN));
        assertThat(shop.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SampleTarget.SHOP_ORIGIN);
        HttpResponse<String> foreign = send(request("/api/cart")
                .header("Origin", "https://evil.example")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(foreign.statusCode()).isEqualTo(204);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void protectedApisRefuseAnonymousCallersAndAnyCredentials() throws Exception {
        assertThat(get("/api/admin/orders").statusCode()).isEqualTo(401);
        assertThat(get("/api/partner/orders").headers().firstValue("WWW-Authenticate"))
                .isPresent();
        assertThat(send(request("/api/admin/orders").header("Authorization", "Bearer " + "x".repeat(8)))
                        .statusCode())
                .isEqualTo(403);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(target.url() + path)).timeout(Duration.ofSeconds(5));
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
