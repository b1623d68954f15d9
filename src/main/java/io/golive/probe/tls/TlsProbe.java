package io.golive.probe.tls;

import io.golive.egress.Egress;
import io.golive.egress.EgressRefusedException;
import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.probe.TrustStores;
import io.golive.spec.Target;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Opens a TLS session, accepting any certificate so that the chain can always be seen, then judges it:
 * days left, trust, host name, protocol. Findings are FAIL; only a session that never opens is ERROR.
 */
public final class TlsProbe implements Probe<TlsConfig> {
    @Override
    public String kind() {
        return "tls";
    }

    @Override
    public Class<TlsConfig> configType() {
        return TlsConfig.class;
    }

    @Override
    public Observation run(TlsConfig c, ProbeContext context) {
        Optional<Target> target = c.target().flatMap(context::target);
        URI uri = URI.create(c.url()
                .or(() -> target.flatMap(Target::url))
                .orElse("https://" + c.host() + ":" + (c.port() == null ? 443 : c.port())));
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : 443;
        Optional<String> trust = Optional.ofNullable(c.trust()).or(() -> target.flatMap(Target::trust));
        X509Certificate[] chain;
        String protocol;
        int timeout = (int)
                Math.max(1, Math.min(Integer.MAX_VALUE, context.remaining().toMillis()));
        try (SSLSocket s = open(host, port, timeout)) {
            s.startHandshake();
            chain = (X509Certificate[]) s.getSession().getPeerCertificates();
            protocol = s.getSession().getProtocol();
        } catch (EgressRefusedException e) {
            return Observation.error(e.getMessage());
        } catch (SocketTimeoutException e) {
            return Observation.error("timeout after " + timeout + " ms (" + host + ":" + port + ")");
        } catch (ConnectException e) {
            return Observation.error("connection refused (" + host + ":" + port + ")");
        } catch (UnknownHostException e) {
            return Observation.error("DNS failure: cannot resolve " + host);
        } catch (SSLException e) {
            return Observation.error("no TLS session with " + host + ":" + port + ": " + e.getMessage());
        } catch (IOException | GeneralSecurityException e) {
            return Observation.error("no TLS session with " + host + ":" + port + ": " + e);
        }
        return judge(
                c, context, chain, protocol, Optional.ofNullable(c.serverName()).orElse(host), trust);
    }

    private static SSLSocket open(String host, int port, int timeout) throws IOException, GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {TrustStores.TRUST_ALL}, new SecureRandom());
        Socket plain = new Socket();
        try {
            Egress.connect(plain, host, port, timeout);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
        plain.setSoTimeout(timeout);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters params = s.getSSLParameters();
        if (!Character.isDigit(host.charAt(0)) && !host.contains(":")) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        params.setProtocols(s.getSupportedProtocols());
        s.setSSLParameters(params);
        return s;
    }

    private static Observation judge(
            TlsConfig c,
            ProbeContext context,
            X509Certificate[] chain,
            String protocol,
            String name,
            Optional<String> trust) {
        X509Certificate leaf = chain[0];
        Instant now = context.clock().instant();
        long daysLeft = Duration.between(now, leaf.getNotAfter().toInstant()).toDays();
        boolean expired = now.isAfter(leaf.getNotAfter().toInstant());
        Optional<String> untrusted = Chains.untrusted(chain, trust.map(context.baseDir()::resolve));
        boolean hostOk = HostNames.matches(leaf, name);
        boolean protocolOk = TlsConfig.PROTOCOLS.indexOf(protocol) >= TlsConfig.PROTOCOLS.indexOf(c.minProtocol());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("daysLeft", daysLeft);
        m.put("notAfter", leaf.getNotAfter().toInstant().toString());
        m.put("protocol", protocol);
        m.put("chainValid", untrusted.isEmpty());
        m.put("hostnameMatch", hostOk);
        List<String> findings = new ArrayList<>();
        if (expired) {
            findings.add("expired on " + leaf.getNotAfter().toInstant());
        } else if (daysLeft < c.minDaysValid()) {
            findings.add("expires in " + daysLeft + " days (< " + c.minDaysValid() + ")");
        }
        untrusted.ifPresent(why -> findings.add("untrusted: " + why));
        if (!hostOk) {
            findings.add("certificate is not for " + name);
        }
        if (!protocolOk) {
            findings.add(protocol + " is older than " + c.minProtocol());
        }
        String summary = findings.isEmpty()
                ? "valid for " + daysLeft + " days, " + protocol + ", trusted, matches " + name
                : String.join("; ", findings);
        return new Observation(
                findings.isEmpty() ? Status.PASS : Status.FAIL,
                summary,
                m,
                Map.of(
                        "subject",
                        leaf.getSubjectX500Principal().getName(),
                        "issuer",
                        leaf.getIssuerX500Principal().getName()));
    }

    /** PKIX validation of a presented chain. */
    static final class Chains {
        private Chains() {}

        /** Why the chain is not trusted, or empty when it is. */
        static Optional<String> untrusted(X509Certificate[] chain, Optional<Path> pem) {
            try {
                for (TrustManager tm : TrustStores.trustManagers(pem.orElse(null))) {
                    if (tm instanceof X509TrustManager x) {
                        x.checkServerTrusted(
                                chain,
                                chain[0].getPublicKey().getAlgorithm().equals("EC") ? "ECDHE_ECDSA" : "ECDHE_RSA");
                        return Optional.empty();
                    }
                }
                return Optional.of("no trust manager");
            } catch (java.security.cert.CertificateException e) {
                return Optional.of(rootCause(e));
            } catch (GeneralSecurityException | IOException e) {
                return Optional.of("cannot read the trusted certificates: " + e.getMessage());
            }
        }

        private static String rootCause(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            return t.getMessage() == null ? t.toString() : t.getMessage();
        }
    }
}
