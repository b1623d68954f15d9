package io.golive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.testauth.AuthServer;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole OpenID Connect login against a Spring Authorization Server started in the test. */
class OidcLoginIT {
    @TempDir
    Path dir;

    @Test
    void aPersonLogsInThroughTheIdentityProviderAndGetsTheDefaultRole() throws Exception {
        int asPort = freePort();
        int golivePort = freePort();
        // different host names keep the two servers' session cookies apart
        String golive = "http://127.0.0.1:" + golivePort;
        try (ConfigurableApplicationContext as =
                        AuthServer.start(asPort, golive + "/login/oauth2/code/oidc", "olga", "olga-password-1");
                TestServer server = TestServer.h2(dir, oidcProperties(asPort, golivePort))) {
            HttpClient browser = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            HttpResponse<String> login = browser.send(get(golive + "/login"), HttpResponse.BodyHandlers.ofString());
            assertThat(login.body()).contains("/oauth2/authorization/oidc");
            HttpResponse<String> idpLogin =
                    browser.send(get(golive + "/oauth2/authorization/oidc"), HttpResponse.BodyHandlers.ofString());
            assertThat(idpLogin.uri().getPort())
                    .as(idpLogin.statusCode() + " " + idpLogin.uri())
                    .isEqualTo(asPort);
            String csrf = SecurityIT.meta(idpLogin.body());
            String form =
                    "username=olga&password=olga-password-1&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            HttpResponse<String> landed = browser.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + asPort + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(landed.uri().toString()).startsWith(golive + "/");
            assertThat(landed.statusCode()).isEqualTo(200);
            assertThat(landed.body()).contains("Launches").contains("olga");
            HttpResponse<String> me = browser.send(
                    HttpRequest.newBuilder(URI.create(golive + "/api/me")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.body()).contains("\"name\":\"olga\"").contains("viewer");
        }
    }

    private static Map<String, String> oidcProperties(int asPort, int golivePort) {
        String r = "spring.security.oauth2.client.registration.oidc.";
        return Map.of(
                "server.port",
                Integer.toString(golivePort),
                r + "client-id",
                "golive",
                r + "client-secret",
                "golive-secret",
                r + "scope",
                "openid,profile",
                "spring.security.oauth2.client.provider.oidc.issuer-uri",
                "http://localhost:" + asPort);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html")
                .build();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
