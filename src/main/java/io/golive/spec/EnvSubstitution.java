package io.golive.spec;

import io.golive.spec.Node.ListNode;
import io.golive.spec.Node.MapNode;
import io.golive.spec.Node.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in every string of the spec with the environment's value ({@code $${NAME}}
 * stays literal) and remembers each value as a secret to mask.
 */
final class EnvSubstitution {
    private static final Pattern REF = Pattern.compile("\\$(\\$?)\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, String> env;
    private final Problems problems;
    private final List<String> values = new ArrayList<>();

    EnvSubstitution(Map<String, String> env, Problems problems) {
        this.env = env;
        this.problems = problems;
    }

    Node apply(Node node) {
        return switch (node) {
            case MapNode m -> {
                Map<String, Node> out = new LinkedHashMap<>();
                m.entries().forEach((k, v) -> out.put(k, apply(v)));
                yield new MapNode(m.line(), out, m.keyLines());
            }
            case ListNode l ->
                new ListNode(l.line(), l.items().stream().map(this::apply).toList());
            case ScalarNode s
            when s.value() instanceof String text && text.indexOf('$') >= 0 ->
                new ScalarNode(s.line(), substitute(text, s.line()));
            case ScalarNode s -> s;
        };
    }

    Secrets secrets() {
        return new Secrets(values);
    }

    private String substitute(String text, int line) {
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + m.group(2) + "}";
            } else {
                String value = env.get(m.group(2));
                if (value == null) {
                    problems.add(line, "environment variable " + m.group(2) + " is not set");
                    value = "";
                } else {
                    values.add(value);
                }
                replacement = value;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
