package io.golive.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A YAML value of the spec with the line it was written on, so every problem can name its line. */
public sealed interface Node {
    int line();

    /** A mapping, keys in the order written. */
    record MapNode(int line, Map<String, Node> entries, Map<String, Integer> keyLines) implements Node {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLines = Collections.unmodifiableMap(new LinkedHashMap<>(keyLines));
        }

        public Optional<Node> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        public int lineOf(String key) {
            return keyLines.getOrDefault(key, line);
        }
    }

    /** A sequence. */
    record ListNode(int line, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar. {@code value} is a String, Boolean, Long, Double or null (YAML {@code ~}/{@code null}).
     */
    record ScalarNode(int line, Object value) implements Node {
        public String text() {
            return value == null ? "" : value.toString();
        }
    }
}
