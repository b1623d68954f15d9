package io.golive.probe.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The patterns of committed credentials, and what makes a match a placeholder rather than a secret. */
final class Rules {
    /** One kind of secret: a pattern and the group holding the value to mask and vet. */
    record Rule(String name, Pattern pattern, int group, boolean vet) {}

    /** A match on one line. */
    record Hit(String rule, String value) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    "private-key",
                    Pattern.compile(
                            "-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----"),
                    0,
                    false),
            new Rule("aws-access-key-id", Pattern.compile("\\b((?:AKIA|ASIA)[0-9A-Z]{16})\\b"), 1, false),
            new Rule(
                    "github-token",
                    Pattern.compile("\\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,})\\b"),
                    1,
                    false),
            new Rule("slack-token", Pattern.compile("\\b(xox[abprs]-[A-Za-z0-9-]{10,})"), 1, false),
            new Rule("stripe-key", Pattern.compile("\\b((?:sk|rk)_live_[A-Za-z0-9]{20,})\\b"), 1, false),
            new Rule(
                    "jwt",
                    Pattern.compile("\\b(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})"),
                    1,
                    false),
            new Rule(
                    "password-in-url",
                    Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s/:@\"']+:([^\\s/@\"']+)@"),
                    1,
                    true),
            new Rule(
                    "password-assignment",
                    Pattern.compile(
                            "(?i)(?<![\\w.])[\"']?(?:password|passwd|pwd|secret|api[_-]?key|client[_-]?secret)"
                                    + "[\"']?\\s*[:=]\\s*([\"'])([^\\s\"']{4,})\\1"
                                    + "|(?i)^\\s*(?:export\\s+)?[\\w.-]*(?:password|passwd|secret|api[_-]?key)\\s*[:=]\\s*([^\\s\"'#,;()]{4,})\\s*$"),
                    -1,
                    true),
            new Rule(
                    "high-entropy-assignment",
                    Pattern.compile("[\\w.-]+[\"']?\\s*[:=]\\s*[\"']([A-Za-z0-9+/_=-]{20,})[\"']"),
                    1,
                    true));

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)\\$\\{|\\{\\{|%\\(|^\\$|<[^>]*>|changeme|change_me|xxx|example|placeholder|dummy|redacted|\\*\\*\\*");

    private Rules() {}

    /** Every secret on one line; placeholders and, for the entropy rule, ordinary words are left out. */
    static List<Hit> scan(String line) {
        List<Hit> hits = new ArrayList<>();
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(line);
            while (m.find()) {
                String value = value(r, m);
                if (r.vet() && PLACEHOLDER.matcher(value).find()) {
                    continue;
                }
                if (r.name().equals("high-entropy-assignment") && !random(value)) {
                    continue;
                }
                if (hits.stream().noneMatch(h -> h.value().equals(value))) {
                    hits.add(new Hit(r.name(), value));
                }
            }
        }
        return hits;
    }

    private static String value(Rule r, Matcher m) {
        if (r.group() >= 0) {
            return m.group(r.group());
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    /** Looks random: mixed case and digits, and at least 4.2 bits of Shannon entropy per character. */
    static boolean random(String value) {
        boolean upper = value.chars().anyMatch(Character::isUpperCase);
        boolean lower = value.chars().anyMatch(Character::isLowerCase);
        boolean digit = value.chars().anyMatch(Character::isDigit);
        return upper && lower && digit && entropy(value) >= 4.2;
    }

    static double entropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        for (char c : s.toCharArray()) {
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int c : counts) {
            h -= c == 0 ? 0 : (double) c / s.length() * Math.log((double) c / s.length()) / Math.log(2);
        }
        return other > 0 ? h + 1 : h;
    }

    /** The value as shown: its first four characters and a mask. */
    static String mask(String value) {
        return value.substring(0, Math.min(4, value.length())) + "****";
    }
}
