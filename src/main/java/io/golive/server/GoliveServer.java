package io.golive.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The golive server: Spring Boot wiring of the core, started by {@code golive serve}. */
@SpringBootApplication
public class GoliveServer {
    /**
     * Starts the server with the given properties (command-line options win over the environment and
     * over application properties).
     */
    public static ConfigurableApplicationContext start(Map<String, String> properties) {
        SpringApplication app = new SpringApplication(GoliveServer.class);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.port", "8080");
        app.setDefaultProperties(defaults);
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return app.run(args);
    }
}
