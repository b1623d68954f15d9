package io.golive.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS side of a run's {@code https://} origins: one client context (so that its session cache
 * resumes sessions across the connections of all loops), and a new {@link SSLEngine} per connection,
 * naming the host for SNI and for the certificate check.
 */
final class Tls {
    /** What the engine offers by ALPN: HTTP/1.1, for comparability with wrk. */
    private static final String[] ALPN = {"http/1.1"};

    private static final int TICKET_WAIT_MILLIS = 100;

    private final SSLContext context;
    private final URI[] origins;
    private final SSLParameters[] parameters;
    private final int packetSize;
    private final int applicationSize;

    private Tls(SSLContext context, List<URI> origins, boolean verifyHost) {
        this.context = context;
        this.origins = origins.toArray(URI[]::new);
        this.parameters = new SSLParameters[this.origins.length];
        for (int i = 0; i < this.origins.length; i++) {
            if (!"https".equalsIgnoreCase(this.origins[i].getScheme())) {
                continue;
            }
            SSLParameters p = context.getDefaultSSLParameters();
            p.setApplicationProtocols(ALPN);
            if (verifyHost) {
                p.setEndpointIdentificationAlgorithm("HTTPS");
            }
            String host = host(this.origins[i]);
            if (!isIpLiteral(host)) {
                p.setServerNames(List.of(new SNIHostName(host)));
            }
            parameters[i] = p;
        }
        SSLEngine probe = context.createSSLEngine();
        this.packetSize = probe.getSession().getPacketBufferSize();
        this.applicationSize = probe.getSession().getApplicationBufferSize();
    }

    /**
     * The TLS setup of a plan, whose origins are {@code origins} (their first URLs, in the order of
     * {@link Origins#resolve}); null when none is {@code https://}.
     */
    static Tls of(LoadPlan plan, List<URI> origins) {
        if (origins.stream().noneMatch(u -> "https".equalsIgnoreCase(u.getScheme()))) {
            return null;
        }
        SSLContext context = plan.insecure()
                ? trustingEveryCertificate()
                : plan.tlsContext() != null ? plan.tlsContext() : defaultContext();
        return new Tls(context, origins, !plan.insecure());
    }

    /**
     * Shakes hands once with each TLS origin before the run's clock starts, so that neither loading the
     * JDK's TLS classes (a second or more) nor the first full handshake counts in the run: the run's
     * connections resume the session this one leaves in the context's cache. A failure is left for the
     * run to count and explain.
     */
    void warmUp(List<InetSocketAddress> addresses, Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        for (int i = 0; i < origins.length; i++) {
            if (!secure(i)) {
                continue;
            }
            try (Socket plain = new Socket()) {
                plain.connect(addresses.get(i), millis);
                plain.setSoTimeout(millis);
                try (SSLSocket s = (SSLSocket) context.getSocketFactory()
                        .createSocket(plain, host(origins[i]), Origins.port(origins[i]), false)) {
                    s.setUseClientMode(true);
                    s.setSSLParameters(parameters[i]);
                    s.startHandshake();
                    if ("TLSv1.3".equals(s.getSession().getProtocol())) {
                        awaitTicket(s);
                    }
                }
            } catch (IOException e) {
                // The run's own connections fail the same way, and are counted and explained.
            }
        }
    }

    /** TLS 1.3 servers send the ticket that resumes the session after the handshake: it is read when data is. */
    private static void awaitTicket(SSLSocket s) throws IOException {
        s.setSoTimeout(TICKET_WAIT_MILLIS);
        try {
            s.getInputStream().read();
        } catch (java.net.SocketTimeoutException e) {
            // The ticket, if any, came in the meantime; no answer was asked for.
        }
    }

    boolean secure(int origin) {
        return parameters[origin] != null;
    }

    /** A client engine for a new connection to {@code origin}, its handshake begun. */
    SSLEngine engine(int origin) throws javax.net.ssl.SSLException {
        URI url = origins[origin];
        SSLEngine engine = context.createSSLEngine(host(url), Origins.port(url));
        engine.setUseClientMode(true);
        engine.setSSLParameters(parameters[origin]);
        engine.beginHandshake();
        return engine;
    }

    /** The largest TLS record the engine reads or writes, in bytes. */
    int packetSize() {
        return packetSize;
    }

    /** The largest plaintext one record carries, in bytes. */
    int applicationSize() {
        return applicationSize;
    }

    /** What a failed handshake with {@code origin} means, in words a user can act on. */
    String explain(int origin, Throwable e) {
        URI url = origins[origin];
        String where = url.getScheme() + "://" + url.getRawAuthority();
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

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /** For test targets with self-signed certificates: trusts any certificate for any host name. */
    private static SSLContext trustingEveryCertificate() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingEverything()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
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
