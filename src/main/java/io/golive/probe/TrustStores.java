package io.golive.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Trust material for probes that speak TLS: a PEM file of trusted certificates, or trust in anything. */
public final class TrustStores {
    /** Accepts every certificate: for {@code insecure: true}, and for the tls probe to see any chain. */
    public static final X509TrustManager TRUST_ALL = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private TrustStores() {}

    /** A key store holding exactly the certificates of a PEM file. */
    public static KeyStore fromPem(Path pem) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("c" + i++, cert);
            }
        }
        return ks;
    }

    /** Trust managers trusting the PEM's certificates, or the JDK's trust store when {@code pem} is null. */
    public static TrustManager[] trustManagers(Path pem) throws GeneralSecurityException, IOException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(pem == null ? null : fromPem(pem));
        return tmf.getTrustManagers();
    }

    /** The X.509 trust manager trusting exactly the certificates of a PEM file. */
    public static X509TrustManager x509(Path pem) throws GeneralSecurityException, IOException {
        for (TrustManager m : trustManagers(pem)) {
            if (m instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }
}
