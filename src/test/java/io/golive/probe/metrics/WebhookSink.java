package io.golive.probe.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook receiver for Alertmanager, served by the test: it records every notification POSTed to
 * {@code /hook/NAME} and shows what {@code NAME} got at {@code /deliveries/NAME}.
 */
final class WebhookSink implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();

    WebhookSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.computeIfAbsent(name(ex, "/hook/"), k -> new CopyOnWriteArrayList<>())
                    .add(body);
            reply(ex, "");
        });
        server.createContext("/deliveries/", ex -> reply(ex, String.join("\n", deliveries(name(ex, "/deliveries/")))));
        server.start();
    }

    String hook(String name) {
        return url("/hook/" + name);
    }

    String deliveriesUrl(String name) {
        return url("/deliveries/" + name);
    }

    /** The notification bodies receiver {@code name} got, in order. */
    List<String> deliveries(String name) {
        return List.copyOf(received.getOrDefault(name, List.of()));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static String name(HttpExchange ex, String prefix) {
        return ex.getRequestURI().getPath().substring(prefix.length());
    }

    private static void reply(HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
