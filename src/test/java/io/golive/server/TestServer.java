package io.golive.server;

import io.golive.server.security.Accounts;
import io.golive.server.store.DatabaseLocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A golive server started in the test's JVM on a free port, on H2 in a folder or on a JDBC URL. */
public final class TestServer implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final String base;

    private TestServer(Map<String, String> props) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("golive.api.rate-limit", "0");
        all.put("logging.level.root", "WARN");
        all.put("golive.schedule.poll", "1s");
        all.putAll(props);
        this.context = GoliveServer.start(all);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.base = "http://127.0.0.1:" + port;
    }

    /** A server on an embedded H2 database in {@code dir}. */
    public static TestServer h2(Path dir, Map<String, String> props) {
        Map<String, String> all = new LinkedHashMap<>(props);
        DatabaseLocation location = DatabaseLocation.embedded(dir);
        all.put("spring.datasource.url", location.url());
        all.put("spring.datasource.username", location.user());
        return new TestServer(all);
    }

    /** A server on a JDBC database (PostgreSQL). */
    public static TestServer jdbc(String url, String user, String password, Map<String, String> props) {
        Map<String, String> all = new LinkedHashMap<>(props);
        all.put("spring.datasource.url", url);
        all.put("spring.datasource.username", user);
        all.put("spring.datasource.password", password);
        return new TestServer(all);
    }

    public String base() {
        return base;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    /** Creates (or extends) a user with the roles and returns a new API token for them. */
    public String token(String user, String... roles) {
        Accounts accounts = context.getBean(Accounts.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        return tx.execute(s -> {
            accounts.addUser("test", user, Optional.of("password-of-" + user), List.of(roles));
            return accounts.createToken("test", user, "t-" + System.nanoTime());
        });
    }

    public Api api(String token) {
        return new Api(base, token);
    }

    @Override
    public void close() {
        context.close();
    }
}
