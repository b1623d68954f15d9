package io.golive.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A small HTTP/1.1 server on loopback for the load engine's tests: one virtual thread per connection,
 * keep-alive, and a {@link Behaviour} deciding each answer's status and delay.
 */
final class TestHttpServer implements AutoCloseable {
    /** How the server answers the n-th request (from 1) it received. */
    @FunctionalInterface
    interface Behaviour {
        Reply reply(long n, String path);
    }

    /**
     * @param status the status code, or 0 to never answer
     * @param delayNanos how long to wait before answering
     * @param body the body
     * @param chunked whether to send the body chunked
     * @param close whether to close the connection after answering
     */
    record Reply(int status, long delayNanos, String body, boolean chunked, boolean close) {
        static Reply ok(long delayNanos) {
            return new Reply(200, delayNanos, "ok", false, false);
        }

        static Reply status(int status) {
            return new Reply(status, 0, "x", false, false);
        }

        static Reply never() {
            return new Reply(0, 0, "", false, false);
        }
    }

    final AtomicLong requests = new AtomicLong();
    final AtomicLong connections = new AtomicLong();

    final Map<String, AtomicLong> byPath = new ConcurrentHashMap<>();
    private final ServerSocket socket;
    private final String scheme;
    private final Behaviour behaviour;
    private final Thread acceptor;

    private TestHttpServer(Behaviour behaviour, ServerSocket socket, String scheme) throws IOException {
        this.behaviour = behaviour;
        this.socket = socket;
        this.scheme = scheme;
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        this.acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    static TestHttpServer start(Behaviour behaviour) throws IOException {
        return new TestHttpServer(behaviour, new ServerSocket(), "http");
    }

    /** The same server over TLS, with the key and certificates of {@code tls}, speaking only {@code protocols}. */
    static TestHttpServer startTls(Behaviour behaviour, SSLContext tls, String... protocols) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
        if (protocols.length > 0) {
            socket.setEnabledProtocols(protocols);
        }
        return new TestHttpServer(behaviour, socket, "https");
    }

    URI url(String path) {
        return URI.create(scheme + "://127.0.0.1:" + socket.getLocalPort() + path);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s;
                InputStream in = new BufferedInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream()) {
            String path;
            while ((path = readRequest(in)) != null) {
                long n = requests.incrementAndGet();
                byPath.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
                Reply reply = behaviour.reply(n, path);
                if (reply.status() == 0) {
                    Thread.sleep(Long.MAX_VALUE);
                }
                if (reply.delayNanos() > 0) {
                    Thread.sleep(reply.delayNanos() / 1_000_000, (int) (reply.delayNanos() % 1_000_000));
                }
                out.write(encode(reply));
                out.flush();
                if (reply.close()) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away or the test is over: the connection just ends.
        }
    }

    private static byte[] encode(Reply r) {
        String head = "HTTP/1.1 " + r.status() + " X\r\n" + (r.close() ? "Connection: close\r\n" : "");
        String text = r.chunked()
                ? head + "Transfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(r.body().length()) + "\r\n" + r.body() + "\r\n0\r\n\r\n"
                : head + "Content-Length: " + r.body().length() + "\r\n\r\n" + r.body();
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads one request head and body; returns its path, or null at the end of the stream. */
    private static String readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                break;
            }
        }
        if (b < 0) {
            return null;
        }
        String text = head.toString();
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.readNBytes(length);
        return text.split(" ", 3)[1];
    }
}
