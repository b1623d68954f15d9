package io.golive.probe.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback HTTP server with the endpoints the HTTP-family probe tests need. */
final class TestHttpServer implements AutoCloseable {
    private final HttpServer server;
    final AtomicInteger limitedCalls = new AtomicInteger();

    TestHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/ok", ex -> {
            ex.getResponseHeaders().add("Strict-Transport-Security", "max-age=63072000");
            ex.getResponseHeaders().add("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
            ex.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
            ex.getResponseHeaders().add("Referrer-Policy", "no-referrer");
            ex.getResponseHeaders().add("Server", "nginx");
            reply(ex, 200, "{\"status\":\"UP\"}");
        });
        server.createContext("/fail", ex -> reply(ex, 500, "oops"));
        server.createContext("/bare", ex -> {
            ex.getResponseHeaders().add("Server", "nginx/1.22.1");
            ex.getResponseHeaders().add("X-Powered-By", "PHP/8.2");
            reply(ex, 200, "bare");
        });
        server.createContext("/cors", ex -> {
            String origin = ex.getRequestHeaders().getFirst("Origin");
            if (origin != null) {
                ex.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
                ex.getResponseHeaders().add("Access-Control-Allow-Credentials", "true");
            }
            reply(ex, 200, "cors");
        });
        server.createContext("/limited", ex -> {
            if (limitedCalls.incrementAndGet() > 5) {
                ex.getResponseHeaders().add("Retry-After", "7");
                reply(ex, 429, "slow down");
            } else {
                reply(ex, 200, "ok");
            }
        });
        server.createContext("/admin", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            reply(ex, auth == null ? 401 : auth.contains("admin") ? 200 : 403, "admin");
        });
        server.createContext("/open-admin", ex -> reply(ex, 200, "welcome"));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, "slow");
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
