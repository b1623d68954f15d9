package io.golive.server.demo;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * The system the demo's launches check: a small shop on loopback (JDK HTTP server, no Spring) with a
 * health endpoint, product search and cart APIs, a rate-limited login, APIs that refuse anonymous
 * callers, and the OWASP security headers on every page but one: the partner docs page lacks its
 * Content-Security-Policy, so that one launch is NO-GO for a real reason.
 */
public final class SampleTarget implements AutoCloseable {
    /** The one browser origin the shop's APIs let in. */
    public static final String SHOP_ORIGIN = "https://shop.example";

    static final String DOCS_WITHOUT_CSP = "/partner/docs";

    private static final Map<String, String> SECURE_HEADERS = secureHeaders();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Settings settings;
    private final LongSupplier nanoTime;
    private final Map<InetAddress, SlidingWindow> logins = new ConcurrentHashMap<>();

    /**
     * How the target behaves.
     *
     * @param loginLimit login requests a client may make within {@code loginWindow} before 429
     * @param apiLatency how long the search and cart APIs take to answer
     */
    public record Settings(int loginLimit, Duration loginWindow, Duration apiLatency) {
        public static final Settings DEFAULT = new Settings(5, Duration.ofSeconds(10), Duration.ofMillis(40));
    }

    private SampleTarget(HttpServer server, Settings settings, LongSupplier nanoTime) {
        this.server = server;
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("sample-target-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts the target on 127.0.0.1 and {@code port} (0: a free one). */
    public static SampleTarget start(int port, Settings settings) {
        return start(port, settings, System::nanoTime);
    }

    /** As {@link #start(int, Settings)}, with the clock of the login limit given. */
    static SampleTarget start(int port, Settings settings, LongSupplier nanoTime) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            return new SampleTarget(server, settings, nanoTime);
        } catch (IOException e) {
            throw new UncheckedIOException("the sample target cannot listen on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL, {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    /** An answer: status, content type, body, and whether it carries the Content-Security-Policy. */
    private record Reply(int status, String type, String body, Map<String, String> headers, boolean csp) {
        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, Map.of(), true);
        }

        static Reply html(String title, String text) {
            return new Reply(200, "text/html; charset=utf-8", page(title, text), Map.of(), true);
        }

        Reply withoutCsp() {
            return new Reply(status, type, body, headers, false);
        }

        Reply with(Map<String, String> more) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putAll(more);
            return new Reply(status, type, body, all, csp);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            Reply reply = route(exchange);
            Headers h = exchange.getResponseHeaders();
            SECURE_HEADERS.forEach((name, value) -> {
                if (reply.csp() || !name.equals("Content-Security-Policy")) {
                    h.set(name, value);
                }
            });
            h.set("Content-Type", reply.type());
            reply.headers().forEach(h::set);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(reply.status(), empty ? -1 : body.length);
            if (!empty) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private Reply route(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return switch (path) {
            case "/" -> Reply.html("Demo Shop", "Welcome to the demo shop.");
            case "/healthz" -> Reply.json(200, "{\"status\":\"UP\"}");
            case "/checkout" -> Reply.html("Checkout", "Your cart is empty.");
            case "/login" -> login(exchange);
            case "/api/products" -> api(exchange, "{\"products\":[{\"sku\":\"TEA-01\",\"name\":\"Green tea\"}]}");
            case "/api/cart" -> api(exchange, "{\"items\":[],\"total\":0}");
            case "/api/admin/orders", "/api/partner/orders" -> protectedApi(exchange);
            case "/api/partner/quotes" -> Reply.json(200, "{\"quotes\":[{\"sku\":\"TEA-01\",\"price\":4.5}]}");
            // deliberately served by an old template without a Content-Security-Policy
            case DOCS_WITHOUT_CSP ->
                Reply.html("Partner API", "Endpoints: /api/partner/quotes").withoutCsp();
            default -> Reply.json(404, "{\"error\":\"not found\"}");
        };
    }

    private Reply login(HttpExchange exchange) {
        SlidingWindow window = logins.computeIfAbsent(
                exchange.getRemoteAddress().getAddress(),
                a -> new SlidingWindow(
                        settings.loginLimit(), settings.loginWindow().toNanos()));
        long wait = window.tryAcquire(nanoTime.getAsLong());
        if (wait > 0) {
            long seconds = (wait + 999_999_999L) / 1_000_000_000L;
            return Reply.json(429, "{\"error\":\"too many login attempts\"}")
                    .with(Map.of("Retry-After", Long.toString(seconds)));
        }
        if (exchange.getRequestMethod().equals("POST")) {
            return Reply.json(401, "{\"error\":\"invalid user name or password\"}");
        }
        return Reply.html("Sign in", "<form method=\"post\"><input name=\"user\"><button>Sign in</button></form>");
    }

    /** A JSON API that lets in the shop's own origin only, after a realistic think time. */
    private Reply api(HttpExchange exchange, String body) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        Map<String, String> cors = SHOP_ORIGIN.equals(origin)
                ? Map.of("Access-Control-Allow-Origin", origin, "Vary", "Origin")
                : Map.of("Vary", "Origin");
        if (exchange.getRequestMethod().equals("OPTIONS")) {
            return new Reply(204, "text/plain", "", cors, true).with(Map.of("Access-Control-Allow-Methods", "GET"));
        }
        try {
            Thread.sleep(settings.apiLatency());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.json(503, "{\"error\":\"shutting down\"}");
        }
        return Reply.json(200, body).with(cors);
    }

    private static Reply protectedApi(HttpExchange exchange) {
        if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
            return Reply.json(401, "{\"error\":\"authentication required\"}")
                    .with(Map.of("WWW-Authenticate", "Bearer realm=\"demo-shop\""));
        }
        // the demo knows no valid credentials: whoever presents some is not allowed
        return Reply.json(403, "{\"error\":\"forbidden\"}");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>" + body
                + "</p></body></html>";
    }

    private static Map<String, String> secureHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        h.put("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        return Map.copyOf(h);
    }
}
