package io.golive.cli;

import io.golive.GoliveException;
import io.golive.InputException;
import io.golive.server.GoliveServer;
import io.golive.server.secret.SecretBox;
import io.golive.server.store.DatabaseLocation;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code golive serve}: the server (REST API, UI, scheduled evaluations); the only command that starts Spring. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the golive server: launches, evidence history, sign-offs, waivers, audit.",
            "The embedded database lives in ./golive-data unless --data or --db says otherwise.",
            "The first start creates the user 'admin' (password from GOLIVE_ADMIN_PASSWORD, or printed once).",
            "Secrets for $${NAME} in specs come from the environment or are stored sealed with the key in"
                    + " GOLIVE_SECRETS_KEY (AES-256, base64 of 32 bytes: openssl rand -base64 32).",
            "See docs/server.md for the API and every setting."
        })
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: all).")
    String bind;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws InterruptedException {
        checkSecretsKey(System.getenv("GOLIVE_SECRETS_KEY"));
        checkPortIsFree();
        DatabaseLocation location = database.location();
        location.dataDir().ifPresent(DatabaseLocation::createFolder);
        Map<String, String> props = new LinkedHashMap<>();
        if (port != null) {
            props.put("server.port", port.toString());
        }
        if (bind != null) {
            props.put("server.address", bind);
        }
        props.put("spring.datasource.url", location.url());
        if (!location.user().isEmpty()) {
            props.put("spring.datasource.username", location.user());
        }
        if (!location.password().isEmpty()) {
            props.put("spring.datasource.password", location.password());
        }
        org.springframework.context.ConfigurableApplicationContext context;
        try {
            context = GoliveServer.start(props);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                if (root instanceof org.springframework.boot.web.server.PortInUseException) {
                    throw new InputException(portInUse(), e);
                }
                root = root.getCause();
            }
            throw new GoliveException("the server did not start: " + root.getMessage(), e);
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(e -> {
            if (e instanceof org.springframework.context.event.ContextClosedEvent) {
                closed.countDown();
            }
        });
        closed.await();
        return Main.OK;
    }

    /** A bad key is bad input, said before Spring starts (and prints its own failure report). */
    static void checkSecretsKey(String key) {
        if (key != null && !key.isBlank()) {
            try {
                SecretBox.fromBase64(key);
            } catch (IllegalArgumentException e) {
                throw new InputException("GOLIVE_SECRETS_KEY: " + e.getMessage());
            }
        }
    }

    private void checkPortIsFree() {
        int p = effectivePort();
        if (p <= 0) {
            return;
        }
        try (java.net.ServerSocket s = new java.net.ServerSocket()) {
            s.setReuseAddress(true); // as Tomcat binds: a port in TIME_WAIT is free
            s.bind(bind == null ? new InetSocketAddress(p) : new InetSocketAddress(bind, p));
        } catch (IOException e) {
            throw new InputException(portInUse() + " (" + e.getMessage() + ")");
        }
    }

    private int effectivePort() {
        if (port != null) {
            return port;
        }
        String env = System.getenv("SERVER_PORT");
        try {
            return env == null || env.isBlank() ? 8080 : Integer.parseInt(env.strip());
        } catch (NumberFormatException e) {
            return -1; // Spring reports it
        }
    }

    private String portInUse() {
        return "port " + effectivePort() + " is in use; choose another with --port (0 picks a free one)";
    }
}
