package io.golive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.server.Api.Response;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rate limits, headers, CORS, browser sessions with CSRF, the local-probe switch. */
class SecurityIT {
    @TempDir
    static Path dir;

    static TestServer server;
    static String editorToken;

    @BeforeAll
    static void start() {
        server = TestServer.h2(dir, Map.of("golive.api.rate-limit", "3", "golive.login.rate-limit", "4"));
        editorToken = server.token("ed", "editor");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTokenOverItsRateGets429WithRetryAfter() {
        Api api = server.api(server.token("busy", "viewer"));
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 10; i++) {
            Response r = api.get("/api/launches");
            if (r.status() == 429) {
                limited++;
                retryAfter = r.header("Retry-After");
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(4); // 4 a minute, at once if need be
        assertThat(retryAfter).isEqualTo("1");
    }

    @Test
    void responsesCarrySecurityHeadersAndCorsIsClosed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server.base() + "/api/launches"))
                        .header("Origin", "https://evil.example")
                        .header("Authorization", "Bearer " + server.token("h", "viewer"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> preflight = http.send(
                HttpRequest.newBuilder(URI.create(server.base() + "/api/launches"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void aBrowserSessionNeedsTheCsrfTokenToChangeAnything() throws Exception {
        server.token("web", "editor");
        Browser b = new Browser();
        b.login("web", "password-of-web");
        assertThat(b.send("GET", "/api/launches", null, null).statusCode()).isEqualTo(200);
        String body =
                Api.JSON.writeValueAsString(Api.launch(ApiContractIT.spec(""), "LAUNCH.md", ApiContractIT.CHECKLIST));
        HttpResponse<String> refused = b.send("POST", "/api/launches", body, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("CSRF");
        HttpResponse<String> page = b.send("GET", "/", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        String csrf = meta(b.send("GET", "/login", null, null).body());
        HttpResponse<String> created = b.send("POST", "/api/launches", body, csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Api.JSON.readTree(created.body()).get("id").asLong();
        HttpResponse<String> launchPage = b.send("GET", "/launches/" + id, null, null);
        assertThat(launchPage.body()).contains("checkout").contains("SIGN-OFF MISSING");
        String criteria = Api.JSON.writeValueAsString(Api.launch(
                "name: c\nchecklist: C.md\n",
                "C.md",
                "# C\n## Pre\n- [x] Ready\n## Go/No-Go Decision\n| Criterion | Threshold | Actual | Status |\n"
                        + "|---|---|---|---|\n| CFUR | ≥ 99.8% | _ | Awaiting |\n"));
        HttpResponse<String> withCriteria = b.send("POST", "/api/launches", criteria, csrf);
        assertThat(withCriteria.statusCode()).as(withCriteria.body()).isEqualTo(201);
        long cid = Api.JSON.readTree(withCriteria.body()).get("id").asLong();
        assertThat(b.send("GET", "/launches/" + cid, null, null).body())
                .contains("Go/No-Go criteria")
                .contains("go-no-go-decision/cfur")
                .contains("criterion not measured: CFUR");
    }

    @Test
    void passwordGuessesAreRateLimited() throws Exception {
        Browser b = new Browser();
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            if (b.postLogin("ed", "wrong-password-" + i).statusCode() == 429) {
                limited++;
            }
        }
        assertThat(limited).isGreaterThan(0);
    }

    @Test
    void localProbesAreRefusedUnlessEnabled() {
        String spec = ApiContractIT.spec("checks:\n  - item: runbook\n    command: {run: [\"true\"]}\n");
        Response r =
                server.api(editorToken).post("/api/launches", Api.launch(spec, "LAUNCH.md", ApiContractIT.CHECKLIST));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("problems").get(0).asString())
                .contains("golive.yaml:")
                .contains("golive.probes.local.enabled=false");
    }

    static String meta(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF field in " + html).isTrue();
        return m.group(1);
    }

    /** A browser: cookies, form login with the page's CSRF token. */
    static final class Browser {
        final HttpClient http =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> postLogin(String user, String password) throws IOException, InterruptedException {
            String csrf = meta(send("GET", "/login", null, null).body());
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
            return http.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void login(String user, String password) throws IOException, InterruptedException {
            HttpResponse<String> r = postLogin(user, password);
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> send(String method, String path, String json, String csrf)
                throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path));
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            if (csrf != null) {
                b.header("X-CSRF-TOKEN", csrf);
            }
            b.method(
                    method,
                    json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
