package io.golive.probe.redis;

import io.golive.egress.Egress;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal Redis client speaking RESP2 over one blocking socket: a command out, its reply in, each
 * bounded by a timeout. Small on purpose: a probe sends a handful of commands and needs neither
 * pipelining nor the event loops and thread pools of a full client.
 */
final class RespConnection implements AutoCloseable {
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_BULK = 16 * 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RespConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** Connects (TLS when {@code tls}) within {@code timeout}. */
    static RespConnection open(String host, int port, boolean tls, Duration timeout) throws IOException {
        Socket plain = new Socket();
        try {
            Egress.connect(plain, host, port, millis(timeout));
            plain.setSoTimeout(millis(timeout));
            plain.setTcpNoDelay(true);
            if (!tls) {
                return new RespConnection(plain);
            }
            SSLSocket s = (SSLSocket)
                    ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
            var params = s.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            s.setSSLParameters(params);
            s.startHandshake();
            return new RespConnection(s);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /**
     * Sends a command and reads its reply: a String (simple or bulk), a Long, a List, or null.
     *
     * @throws RedisException when Redis answers with an error reply
     */
    Object call(Duration timeout, String... args) throws IOException {
        socket.setSoTimeout(millis(timeout));
        out.write(('*' + Integer.toString(args.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            out.write(('$' + Integer.toString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.write('\r');
            out.write('\n');
        }
        out.flush();
        return read();
    }

    /** A command whose reply is text (INFO, PING, a CONFIG value). */
    String text(Duration timeout, String... args) throws IOException {
        Object reply = call(timeout, args);
        return reply == null ? "" : reply.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private Object read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("Redis closed the connection");
        }
        String line = line();
        return switch (type) {
            case '+' -> line;
            case '-' -> throw new RedisException(line);
            case ':' -> Long.parseLong(line);
            case '$' -> bulk(Integer.parseInt(line));
            case '*' -> array(Integer.parseInt(line));
            default -> throw new IOException("not a Redis reply (it starts with byte " + type + ")");
        };
    }

    private String bulk(int n) throws IOException {
        if (n < 0) {
            return null;
        }
        if (n > MAX_BULK) {
            throw new IOException("Redis reply too large (" + n + " bytes)");
        }
        byte[] b = in.readNBytes(n);
        if (b.length < n || !line().isEmpty()) {
            throw new EOFException("Redis reply cut short");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private List<Object> array(int n) throws IOException {
        if (n < 0) {
            return null;
        }
        List<Object> items = new ArrayList<>(Math.min(n, 1024));
        RedisException firstError = null;
        for (int i = 0; i < n; i++) {
            try {
                items.add(read());
            } catch (RedisException e) {
                // Read the whole reply before reporting, so the connection stays in step.
                firstError = firstError == null ? e : firstError;
            }
        }
        if (firstError != null) {
            throw firstError;
        }
        return items;
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new EOFException("Redis closed the connection");
            }
            if (b.size() >= MAX_LINE) {
                throw new IOException("Redis reply line too long");
            }
            b.write(c);
        }
        if (in.read() != '\n') {
            throw new IOException("not a Redis reply (CR without LF)");
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
