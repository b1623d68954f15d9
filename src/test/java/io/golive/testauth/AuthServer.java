package io.golive.testauth;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Authorization Server for the OpenID Connect test: one client ({@code golive}) and one user,
 * configured by Spring Boot's properties. Outside io.golive.server so the golive server does not scan it.
 */
@SpringBootApplication
public class AuthServer {
    public static ConfigurableApplicationContext start(int port, String redirectUri, String user, String password) {
        String c = "spring.security.oauth2.authorizationserver.client.golive.";
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", port);
        p.put("spring.main.banner-mode", "off");
        p.put("logging.level.root", "WARN");
        p.put(
                "spring.autoconfigure.exclude",
                String.join(
                        ",",
                        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"));
        p.put("spring.security.oauth2.authorizationserver.issuer", "http://localhost:" + port);
        p.put(c + "registration.client-id", "golive");
        p.put(c + "registration.client-secret", "{noop}golive-secret");
        p.put(c + "registration.client-authentication-methods", "client_secret_basic");
        p.put(c + "registration.authorization-grant-types", "authorization_code");
        p.put(c + "registration.redirect-uris", redirectUri);
        p.put(c + "registration.scopes", "openid,profile");
        p.put(c + "require-authorization-consent", "false");
        p.put("spring.security.user.name", user);
        p.put("spring.security.user.password", password);
        SpringApplication app = new SpringApplication(AuthServer.class);
        app.setDefaultProperties(p);
        return app.run();
    }
}
