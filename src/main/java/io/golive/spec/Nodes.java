package io.golive.spec;

import io.golive.spec.Node.ListNode;
import io.golive.spec.Node.MapNode;
import io.golive.spec.Node.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions of located nodes to plain Java values. */
public final class Nodes {
    private Nodes() {}

    /** A mapping as plain maps, lists and scalars, lines dropped. */
    public static Map<String, Object> toPlain(MapNode m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    static Object plain(Node n) {
        return switch (n) {
            case MapNode m -> toPlain(m);
            case ListNode l -> {
                List<Object> out = new ArrayList<>();
                l.items().forEach(i -> out.add(plain(i)));
                yield out;
            }
            case ScalarNode s -> s.value();
        };
    }

    /** The line of the value at a dotted path ({@code headers.Accept}, {@code run.2}) or the mapping's own. */
    public static int lineOf(MapNode root, List<String> path) {
        Node n = root;
        int line = root.line();
        for (String key : path) {
            if (n instanceof MapNode m && m.entries().containsKey(key)) {
                line = m.lineOf(key);
                n = m.entries().get(key);
            } else if (n instanceof ListNode l
                    && key.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(key) < l.items().size()) {
                n = l.items().get(Integer.parseInt(key));
                line = n.line();
            } else {
                break;
            }
        }
        return line;
    }
}
