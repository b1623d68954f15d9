package io.golive.probe.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Whether a certificate names a host: subject alternative names (DNS with wildcards, IP), else CN. */
final class HostNames {
    private static final int DNS = 2;
    private static final int IP = 7;

    private HostNames() {}

    static boolean matches(X509Certificate cert, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        Collection<List<?>> sans;
        try {
            sans = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (sans != null && !sans.isEmpty()) {
            for (List<?> san : sans) {
                int type = (Integer) san.get(0);
                String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
                if (type == DNS && dnsMatches(value, h) || type == IP && value.equals(h)) {
                    return true;
                }
            }
            return false;
        }
        String dn = cert.getSubjectX500Principal().getName();
        for (String part : dn.split(",")) {
            if (part.strip().toUpperCase(Locale.ROOT).startsWith("CN=")) {
                return dnsMatches(part.strip().substring(3).toLowerCase(Locale.ROOT), h);
            }
        }
        return false;
    }

    /** {@code *.example.com} matches one label: {@code a.example.com}, not {@code a.b.example.com}. */
    static boolean dnsMatches(String pattern, String host) {
        if (!pattern.startsWith("*.")) {
            return pattern.equals(host);
        }
        int dot = host.indexOf('.');
        return dot > 0 && host.substring(dot + 1).equals(pattern.substring(2));
    }
}
