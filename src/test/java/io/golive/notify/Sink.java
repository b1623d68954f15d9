package io.golive.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on loopback: records every body POSTed to {@code /NAME} and answers with the
 * statuses queued for that name (200 once they run out).
 */
public final class Sink implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();
    private volatile long delayMs;

    public Sink() throws IOException {
        this(0);
    }

    /** A sink on {@code port} of loopback (0: a free one). */
    public Sink(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            String name = ex.getRequestURI().getPath().substring(1);
            received.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>())
                    .add(ex.getRequestHeaders().getFirst("Content-Type") + " "
                            + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            sleep();
            Deque<Integer> queued = answers.get(name);
            Integer status = queued == null ? null : queued.poll();
            byte[] b = (status == null || status < 300 ? "ok" : "upstream down").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status == null ? 200 : status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    public void answer(String name, Integer... statuses) {
        answers.put(name, new ArrayDeque<>(List.of(statuses)));
    }

    public void delay(long ms) {
        delayMs = ms;
    }

    /** The requests {@code name} got, each as its content type, a space and the body. */
    public List<String> received(String name) {
        return List.copyOf(received.getOrDefault(name, List.of()));
    }

    /** The bodies alone. */
    public List<String> bodies(String name) {
        return received(name).stream().map(r -> r.substring(r.indexOf(' ') + 1)).toList();
    }

    private void sleep() {
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
