package io.golive.notify;

import io.golive.probe.tls.TestCertificates;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * An SMTP front for GreenMail (which has no STARTTLS): it offers STARTTLS, upgrades the connection with a
 * certificate for 127.0.0.1 from a test CA, and relays the encrypted session to GreenMail in clear. It
 * refuses every command but EHLO, STARTTLS and QUIT before TLS, so nothing reaches GreenMail unencrypted.
 */
final class StartTlsRelay implements AutoCloseable {
    private final ServerSocket server;
    private final SSLContext serverTls;
    private final SSLSocketFactory clientTls;
    private final int upstream;
    private final AtomicInteger tlsSessions = new AtomicInteger();

    StartTlsRelay(int upstreamPort) throws Exception {
        upstream = upstreamPort;
        TestCertificates.Issued ca = TestCertificates.ca();
        TestCertificates.Issued leaf = TestCertificates.leaf(
                ca, "127.0.0.1", Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("k", leaf.keys().getPrivate(), "p".toCharArray(), new java.security.cert.X509Certificate[] {
            leaf.cert(), ca.cert()
        });
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "p".toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.cert());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        clientTls = client.getSocketFactory();
        server = new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1"));
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Sockets trusting the relay's CA, for the sender under test. */
    SSLSocketFactory clientTls() {
        return clientTls;
    }

    int tlsSessions() {
        return tlsSessions.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket plain) {
        try (plain) {
            plain.setSoTimeout(5_000);
            OutputStream out = plain.getOutputStream();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
            write(out, "220 relay ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String cmd = line.toUpperCase(java.util.Locale.ROOT);
                if (cmd.startsWith("EHLO")) {
                    write(out, "250-relay\r\n250 STARTTLS");
                } else if (cmd.equals("STARTTLS")) {
                    write(out, "220 ready to start TLS");
                    relay(plain);
                    return;
                } else if (cmd.equals("QUIT")) {
                    write(out, "221 bye");
                    return;
                } else {
                    write(out, "530 must issue STARTTLS first");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void relay(Socket plain) throws IOException {
        try (SSLSocket tls = (SSLSocket)
                        serverTls.getSocketFactory().createSocket(plain, "127.0.0.1", plain.getPort(), true);
                Socket up = new Socket(InetAddress.getByName("127.0.0.1"), upstream)) {
            tls.setUseClientMode(false);
            tls.startHandshake();
            tlsSessions.incrementAndGet();
            InputStream fromUp = up.getInputStream();
            // GreenMail greets; the client already had a greeting, so this one is swallowed
            while (fromUp.read() != '\n') {
                // skip the greeting line
            }
            Thread back = Thread.ofVirtual().start(() -> pipe(fromUp, tls));
            pipe(tls.getInputStream(), up);
            back.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pipe(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException | UnsupportedOperationException e) {
            // one side closed
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
