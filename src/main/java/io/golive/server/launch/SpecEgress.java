package io.golive.server.launch;

import io.golive.egress.EgressPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hosts an uploaded spec names (in URLs and {@code host:} keys) that the egress policy refuses
 * without a lookup (address literals, denied names), each a problem on its line: the editor learns it
 * at upload, not at the first run. Names that resolve to a denied address are refused at run time.
 */
public final class SpecEgress {
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://([^/\\s\"'?#,}]+)");
    private static final Pattern HOST_KEY = Pattern.compile("\\bhost\\s*:\\s*[\"']?([^\\s\"',}]+)");

    private SpecEgress() {}

    public static List<String> problems(String specName, String specText, EgressPolicy policy) {
        List<String> out = new ArrayList<>();
        if (!policy.restricted()) {
            return out;
        }
        String[] lines = specText.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            for (String host : hosts(line)) {
                Optional<String> refusal = policy.refusalOfLiteral(host);
                if (refusal.isPresent()) {
                    out.add(specName + ":" + (i + 1) + ": " + refusal.get());
                }
            }
        }
        return out;
    }

    private static List<String> hosts(String line) {
        List<String> out = new ArrayList<>();
        Matcher url = URL.matcher(line);
        while (url.find()) {
            host(url.group(1)).ifPresent(out::add);
        }
        Matcher key = HOST_KEY.matcher(line);
        while (key.find()) {
            out.add(key.group(1));
        }
        return out;
    }

    /** The host of an authority {@code user@host:port}, {@code [::1]:5432} included. */
    private static Optional<String> host(String authority) {
        String a = authority.substring(authority.lastIndexOf('@') + 1);
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end < 0 ? Optional.empty() : Optional.of(a.substring(1, end));
        }
        int colon = a.indexOf(':');
        String h = colon < 0 ? a : a.substring(0, colon);
        return h.isEmpty() || h.startsWith("$") ? Optional.empty() : Optional.of(h);
    }
}
