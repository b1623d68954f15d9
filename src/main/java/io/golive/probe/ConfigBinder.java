package io.golive.probe;

import io.golive.spec.Node;
import io.golive.spec.Node.ListNode;
import io.golive.spec.Node.MapNode;
import io.golive.spec.Node.ScalarNode;
import io.golive.spec.Nodes;
import io.golive.spec.Problems;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds a check's mapping to its probe's config record, accepting what a person writes (one value
 * where a list is expected, {@code ">= 1"} where a count is, {@code 2xx} where a status is) and
 * reporting every value of the wrong shape as {@code probe.key: expected ..., got ...} at its line,
 * all of them, never a parser's message.
 */
final class ConfigBinder {
    private static final ObjectMapper FALLBACK = JsonMapper.builder().build();
    private static final Pattern AT_LEAST = Pattern.compile("\\s*(>=|≥|>)?\\s*(\\d+)\\s*");

    private final String kind;
    private final Problems problems;
    private boolean failed;

    private ConfigBinder(String kind, Problems problems) {
        this.kind = kind;
        this.problems = problems;
    }

    /** The record bound from {@code config}; empty when any value did not fit (each one reported). */
    static <C> Optional<C> bind(String kind, MapNode config, Class<C> type, Problems problems) {
        return new ConfigBinder(kind, problems).record(config, type);
    }

    private <C> Optional<C> record(MapNode config, Class<C> type) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            byName.put(c.getName(), c);
        }
        for (String key : config.entries().keySet()) {
            if (!byName.containsKey(key)) {
                problem(
                        config.lineOf(key),
                        "unknown key '" + key + "' in " + kind + " (known: "
                                + String.join(
                                        ", ", byName.keySet().stream().sorted().toList()) + ")");
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            Optional<Node> node = config.get(c.getName());
            args[i] = node.isEmpty() || isNull(node.get())
                    ? absent(c.getType())
                    : value(c.getName(), c.getGenericType(), node.get());
        }
        if (failed) {
            return Optional.empty();
        }
        try {
            Constructor<C> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return Optional.of(constructor.newInstance(args));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            problem(config.line(), kind + ": " + cause.getMessage());
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            problem(
                    config.line(),
                    kind + ": cannot build its configuration (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    private Object value(String key, Type type, Node node) {
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            return Optional.ofNullable(value(key, argument(type, 0), node));
        }
        if (raw == String.class) {
            return node instanceof ScalarNode s ? s.text() : wrong(key, node, "a single value");
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            Optional<Long> n = count(node);
            if (n.isEmpty()) {
                return wrong(key, node, "a number or a threshold such as \">= 1\"");
            }
            return raw == Integer.class || raw == int.class ? (Object) n.get().intValue() : n.get();
        }
        if (raw == Double.class || raw == double.class) {
            return node instanceof ScalarNode s && number(s).isPresent()
                    ? number(s).get()
                    : wrong(key, node, "a number");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return bool(node).orElseGet(() -> (Boolean) wrong(key, node, "true or false"));
        }
        if (raw == StatusCodes.class) {
            return statuses(key, node);
        }
        if (raw == List.class) {
            List<Node> items = node instanceof ListNode l ? l.items() : List.of(node);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(value(key + "." + i, argument(type, 0), items.get(i)));
            }
            return out;
        }
        if (raw == Map.class && raw(argument(type, 1)) == String.class) {
            if (!(node instanceof MapNode m)) {
                return wrong(key, node, "a mapping (name: value)");
            }
            Map<String, String> out = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> out.put(k, (String) value(key + "." + k, String.class, v)));
            return out;
        }
        return fallback(key, type, node);
    }

    /** A type no rule above knows (a plugin's): Jackson binds it, its message kept out of sight. */
    private Object fallback(String key, Type type, Node node) {
        try {
            Object plain = node instanceof MapNode m ? Nodes.toPlain(m) : plainOf(node);
            return FALLBACK.convertValue(plain, FALLBACK.constructType(type));
        } catch (JacksonException | IllegalArgumentException e) {
            return wrong(key, node, "a value of type " + raw(type).getSimpleName());
        }
    }

    private static Object plainOf(Node node) {
        return switch (node) {
            case ScalarNode s -> s.value();
            case ListNode l -> l.items().stream().map(ConfigBinder::plainOf).toList();
            case MapNode m -> Nodes.toPlain(m);
        };
    }

    private Object statuses(String key, Node node) {
        List<Node> items = node instanceof ListNode l ? l.items() : List.of(node);
        List<String> entries = new ArrayList<>();
        for (Node item : items) {
            Optional<String> e = item instanceof ScalarNode s ? StatusCodes.entry(s.value()) : Optional.empty();
            if (e.isEmpty()) {
                return wrong(key, node, StatusCodes.FORMS);
            }
            entries.add(e.get());
        }
        return entries.isEmpty() ? wrong(key, node, StatusCodes.FORMS) : new StatusCodes(entries);
    }

    /** A whole number, or the least whole number a threshold such as {@code >= 1} or {@code > 0} allows. */
    private static Optional<Long> count(Node node) {
        if (!(node instanceof ScalarNode s)) {
            return Optional.empty();
        }
        if (s.value() instanceof Long n) {
            return Optional.of(n);
        }
        if (s.value() instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Optional.of(d.longValue());
        }
        if (s.value() instanceof String text) {
            Matcher m = AT_LEAST.matcher(text);
            if (m.matches()) {
                try {
                    long n = Long.parseLong(m.group(2));
                    return Optional.of(">".equals(m.group(1)) ? n + 1 : n);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Double> number(ScalarNode s) {
        if (s.value() instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        try {
            return s.value() instanceof String t ? Optional.of(Double.parseDouble(t.strip())) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> bool(Node node) {
        if (node instanceof ScalarNode s) {
            if (s.value() instanceof Boolean b) {
                return Optional.of(b);
            }
            String t = s.text().strip().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("yes")) {
                return Optional.of(true);
            }
            if (t.equals("false") || t.equals("no")) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    private Object wrong(String key, Node node, String expected) {
        problem(node.line(), kind + "." + key + ": expected " + expected + ", got " + shown(node));
        return null;
    }

    private void problem(int line, String message) {
        failed = true;
        problems.add(line, message);
    }

    /** The value as the message shows it: {@code "many"}, {@code 12}, a list, a mapping. */
    static String shown(Node node) {
        return switch (node) {
            case ScalarNode s
            when s.value() instanceof String t -> "\"" + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "\"";
            case ScalarNode s -> String.valueOf(s.value());
            case ListNode l -> "a list of " + l.items().size();
            case MapNode m -> "a mapping";
        };
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.value() == null;
    }

    private static Object absent(Class<?> type) {
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index]
                : Object.class;
    }
}
