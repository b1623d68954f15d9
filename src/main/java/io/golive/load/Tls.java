package io.golive.load;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCounted;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS side of a run's {@code https://} origins: one client context (so that its session cache
 * resumes sessions across the connections of all loops, per host and port), and a new {@link SSLEngine}
 * per connection, naming the host for SNI and for the certificate check.
 *
 * <p>The engines are OpenSSL's (BoringSSL, through netty-tcnative) when its native library loads: a
 * TLS 1.3 handshake cost the client ~5 ms of CPU in the JDK's engine, which made 1000 connections
 * time out, and OpenSSL's seals records faster too (bench/README.md). The JDK's engine is the fallback, or
 * the choice with {@code -Dgolive.load.tls=jdk}. Both sit behind {@link SSLEngine}: the event loops
 * do not tell them apart, except that OpenSSL's engines are released when their socket closes.
 */
final class Tls {
    /** System property choosing the engine: {@code openssl} (the default when it loads) or {@code jdk}. */
    static final String ENGINE_PROPERTY = "golive.load.tls";

    /** What the engine offers by ALPN: HTTP/1.1 (for comparability with wrk), or HTTP/2 alone with --streams. */
    private static final String[] HTTP1 = {"http/1.1"};

    private static final String[] HTTP2 = {"h2"};

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /**
     * The key-exchange groups OpenSSL's engines offer, as wrk's OpenSSL and curl do. Netty's default puts
     * the post-quantum hybrid X25519MLKEM768 first, and BoringSSL then makes a key share for it in every
     * ClientHello (1,442 bytes against 218; an engine and its ClientHello took ~100 us against ~25-65
     * us): a cost per connection that servers without it (OpenSSL 3.0's nginx) never use.
     * {@code -Djdk.tls.namedGroups=X25519MLKEM768,x25519} offers the hybrid again.
     */
    private static final String[] GROUPS = {"x25519", "secp256r1", "secp384r1"};

    private static final int TICKET_WAIT_MILLIS = 100;
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
    private static final System.Logger LOG = System.getLogger(Tls.class.getName());

    private final URI[] origins;
    private final boolean[] secure;
    /** OpenSSL's context; null when the JDK's engine is used. */
    private final SslContext openSsl;
    /** The JDK's context; null with OpenSSL. */
    private final SSLContext jdk;
    /** Per origin: protocols, SNI, the host check; null for {@code http://} origins. */
    private final SSLParameters[] parameters;

    private final int packetSize;
    private final int applicationSize;

    private Tls(SslContext openSsl, SSLContext jdk, List<URI> origins, boolean verifyHost, String[] alpn) {
        this.openSsl = openSsl;
        this.jdk = jdk;
        this.origins = origins.toArray(URI[]::new);
        this.secure = new boolean[this.origins.length];
        this.parameters = new SSLParameters[this.origins.length];
        for (int i = 0; i < this.origins.length; i++) {
            secure[i] = "https".equalsIgnoreCase(this.origins[i].getScheme());
            if (!secure[i]) {
                continue;
            }
            String host = host(this.origins[i]);
            SSLParameters p;
            if (jdk != null) {
                p = jdk.getDefaultSSLParameters();
                p.setApplicationProtocols(alpn);
                p.setProtocols(PROTOCOLS);
                if (verifyHost) {
                    p.setEndpointIdentificationAlgorithm("HTTPS");
                }
            } else {
                // OpenSSL's engines name their host by SNI only when it has a dot: "localhost" is named here.
                SSLEngine e = openSsl.newEngine(PooledByteBufAllocator.DEFAULT, host, Origins.port(this.origins[i]));
                p = e.getSSLParameters();
                release(e);
            }
            if (!isIpLiteral(host)) {
                p.setServerNames(List.of(new SNIHostName(host)));
            }
            parameters[i] = p;
        }
        SSLEngine probe = openSsl != null ? openSsl.newEngine(PooledByteBufAllocator.DEFAULT) : jdk.createSSLEngine();
        this.packetSize = probe.getSession().getPacketBufferSize();
        this.applicationSize = probe.getSession().getApplicationBufferSize();
        release(probe);
    }

    /**
     * The TLS setup of a plan, whose origins are {@code origins} (their first URLs, in the order of
     * {@link Origins#resolve}); null when none is {@code https://}.
     */
    static Tls of(LoadPlan plan, List<URI> origins) {
        if (origins.stream().noneMatch(u -> "https".equalsIgnoreCase(u.getScheme()))) {
            return null;
        }
        String[] alpn = plan.streams() > 0 ? HTTP2 : HTTP1;
        SslContext openSsl = openSsl(plan, alpn);
        if (openSsl != null) {
            return new Tls(openSsl, null, origins, !plan.insecure(), alpn);
        }
        return new Tls(null, jdkContext(plan), origins, !plan.insecure(), alpn);
    }

    /** OpenSSL's client context for the plan; null when the JDK's engine is asked for or OpenSSL cannot load. */
    private static SslContext openSsl(LoadPlan plan, String[] alpn) {
        if ("jdk".equals(System.getProperty(ENGINE_PROPERTY, "").toLowerCase(Locale.ROOT))) {
            return null;
        }
        if (!OpenSsl.isAvailable()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "OpenSSL cannot load here ({0}): TLS goes through the JDK''s engine, whose handshakes cost"
                            + " about ten times the CPU",
                    String.valueOf(OpenSsl.unavailabilityCause()));
            return null;
        }
        try {
            SslContextBuilder b = SslContextBuilder.forClient()
                    .sslProvider(SslProvider.OPENSSL_REFCNT)
                    .protocols(PROTOCOLS)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(
                            ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            alpn))
                    .endpointIdentificationAlgorithm(plan.insecure() ? null : "HTTPS");
            if (System.getProperty("jdk.tls.namedGroups") == null) {
                b.option(OpenSslContextOption.GROUPS, GROUPS);
            }
            if (plan.insecure()) {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (plan.trust() != null) {
                b.trustManager(plan.trust());
            }
            return b.build();
        } catch (SSLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "OpenSSL refused the TLS setup ({0}): the JDK''s engine is used", e);
            return null;
        }
    }

    private static SSLContext jdkContext(LoadPlan plan) {
        if (plan.insecure()) {
            return context(new TrustingEverything());
        }
        return plan.trust() != null ? context(plan.trust()) : defaultContext();
    }

    /** Which engine seals the records: {@code "OpenSSL"} or {@code "JDK"}. */
    String engineName() {
        return openSsl != null ? "OpenSSL" : "JDK";
    }

    /** Whether the engines read and write direct buffers best (OpenSSL's work on native memory). */
    boolean directBuffers() {
        return openSsl != null;
    }

    /**
     * Shakes hands once with each TLS origin before the run's clock starts, so that neither loading the
     * TLS code nor the first full handshake counts in the run: the run's connections resume the session
     * this one leaves in the context's cache. A failure is left for the run to count and explain.
     */
    void warmUp(List<InetSocketAddress> addresses, Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        for (int i = 0; i < origins.length; i++) {
            if (!secure(i)) {
                continue;
            }
            try (Socket s = new Socket()) {
                s.connect(addresses.get(i), millis);
                s.setSoTimeout(millis);
                s.setTcpNoDelay(true);
                shakeHands(s, i, System.nanoTime() + millis * 1_000_000L);
            } catch (IOException e) {
                // The run's own connections fail the same way, and are counted and explained.
            }
        }
    }

    /** One handshake on a blocking socket, then (TLS 1.3) a short wait for the tickets that resume it. */
    private void shakeHands(Socket s, int origin, long deadline) throws IOException {
        SSLEngine engine = engine(origin);
        try {
            ByteBuffer in = ByteBuffer.allocate(packetSize);
            ByteBuffer out = ByteBuffer.allocate(packetSize);
            ByteBuffer plain = ByteBuffer.allocate(applicationSize);
            InputStream is = s.getInputStream();
            OutputStream os = s.getOutputStream();
            while (true) {
                if (System.nanoTime() - deadline > 0) {
                    throw new SocketTimeoutException("the warm-up handshake took too long");
                }
                switch (engine.getHandshakeStatus()) {
                    case NEED_WRAP -> {
                        engine.wrap(NOTHING, out.clear());
                        os.write(out.array(), 0, out.position());
                    }
                    case NEED_TASK -> {
                        for (Runnable t = engine.getDelegatedTask(); t != null; t = engine.getDelegatedTask()) {
                            t.run();
                        }
                    }
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> unwrapOrRead(engine, in, plain, is);
                    default -> {
                        if ("TLSv1.3".equals(engine.getSession().getProtocol())) {
                            awaitTickets(s, engine, in, plain, is);
                        }
                        return;
                    }
                }
            }
        } finally {
            release(engine);
        }
    }

    private static void unwrapOrRead(SSLEngine engine, ByteBuffer in, ByteBuffer plain, InputStream is)
            throws IOException {
        in.flip();
        SSLEngineResult r;
        try {
            r = engine.unwrap(in, plain.clear());
        } finally {
            in.compact();
        }
        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
            throw new EOFException("the server ended TLS");
        }
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
            if (!in.hasRemaining()) {
                throw new SSLException("a TLS record larger than " + in.capacity() + " bytes");
            }
            int n = is.read(in.array(), in.position(), in.remaining());
            if (n < 0) {
                throw new EOFException("the server closed the connection");
            }
            in.position(in.position() + n);
        }
    }

    /** TLS 1.3 servers send the tickets that resume the session after the handshake: they are read as data is. */
    private static void awaitTickets(Socket s, SSLEngine engine, ByteBuffer in, ByteBuffer plain, InputStream is)
            throws IOException {
        s.setSoTimeout(TICKET_WAIT_MILLIS);
        try {
            while (true) {
                unwrapOrRead(engine, in, plain, is);
            }
        } catch (SocketTimeoutException e) {
            // The tickets, if any, came in the meantime; no answer was asked for.
        }
    }

    boolean secure(int origin) {
        return secure[origin];
    }

    /** A client engine for a new connection to {@code origin}, its handshake begun; {@link #release} it after. */
    SSLEngine engine(int origin) throws SSLException {
        URI url = origins[origin];
        SSLEngine engine;
        if (openSsl != null) {
            // Host and port name the session to resume, and the host the certificate and SNI.
            engine = openSsl.newEngine(PooledByteBufAllocator.DEFAULT, host(url), Origins.port(url));
            engine.setSSLParameters(parameters[origin]);
        } else {
            engine = jdk.createSSLEngine(host(url), Origins.port(url));
            engine.setUseClientMode(true);
            engine.setSSLParameters(parameters[origin]);
        }
        engine.beginHandshake();
        return engine;
    }

    /** Frees what an engine holds outside the heap (OpenSSL's); nothing for the JDK's. */
    static void release(SSLEngine engine) {
        if (engine instanceof ReferenceCounted counted && counted.refCnt() > 0) {
            counted.release();
        }
    }

    /** The largest TLS record the engine reads or writes, in bytes. */
    int packetSize() {
        return packetSize;
    }

    /** The largest plaintext one record carries, in bytes. */
    int applicationSize() {
        return applicationSize;
    }

    /** The origin as a user wrote it: {@code https://host:port}. */
    String describe(int origin) {
        return origins[origin].getScheme() + "://" + origins[origin].getRawAuthority();
    }

    /** What a failed handshake with {@code origin} means, in words a user can act on. */
    String explain(int origin, Throwable e) {
        URI url = origins[origin];
        String where = describe(origin);
        // The causes run from the handshake down to the check that failed: the most precise is looked for first.
        Throwable expired = cause(e, CertificateExpiredException.class);
        if (expired != null) {
            return where + ": the server's certificate has expired (" + expired.getMessage()
                    + "); pass --insecure to load it anyway";
        }
        Throwable early = cause(e, CertificateNotYetValidException.class);
        if (early != null) {
            return where + ": the server's certificate is not valid yet (" + early.getMessage()
                    + "); pass --insecure to load it anyway";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toUpperCase(Locale.ROOT).contains("NO_APPLICATION_PROTOCOL")) {
                return where + ": the server does not speak HTTP/2 (it refused ALPN h2); leave out --streams for"
                        + " HTTP/1.1";
            }
            if (m != null && (m.contains("No subject alternative") || m.contains("No name matching"))) {
                return where + ": the server's certificate does not name " + host(url)
                        + "; pass --insecure to load it anyway";
            }
        }
        if (cause(e, CertPathBuilderException.class) != null || cause(e, CertPathValidatorException.class) != null) {
            return where + ": the server's certificate is not trusted (not signed by a trusted CA);"
                    + " pass --trust ca.pem with its CA, or --insecure for a test server";
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return where + ": the TLS handshake failed: " + root.getMessage();
    }

    private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String host(URI url) {
        String host = url.getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }

    private static SSLContext context(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /**
     * An extended trust manager that checks nothing: being "extended", it also replaces the JDK's
     * host name check, which lives in the trust manager.
     */
    private static final class TrustingEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
