package io.golive.probe;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP statuses a check accepts, written as one code ({@code 200}), a list ({@code [200, 204]}) or
 * a class ({@code 2xx}), or any mix of them ({@code [2xx, 304]}).
 *
 * @param entries each code ("200") or class ("2xx") as written, lower case
 */
public record StatusCodes(List<String> entries) {
    private static final Pattern ENTRY = Pattern.compile("[1-5](\\d\\d|xx)");

    /** What a status field accepts, for messages. */
    public static final String FORMS = "a status code (200), a list ([200, 204]) or a class (2xx)";

    public StatusCodes {
        entries = List.copyOf(requireNonNull(entries, "null entries"));
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no status codes");
        }
    }

    /** The statuses of {@code codes}, in order. */
    public static StatusCodes of(int... codes) {
        List<String> out = new ArrayList<>();
        for (int c : codes) {
            out.add(Integer.toString(c));
        }
        return new StatusCodes(out);
    }

    /** One entry as written ({@code 200}, {@code "2xx"}); empty when it is neither a code nor a class. */
    public static Optional<String> entry(Object value) {
        String text = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? Long.toString(n.longValue())
                : value instanceof String s ? s.strip().toLowerCase(Locale.ROOT) : "";
        return ENTRY.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }

    /** Whether a response's status is one of these. */
    public boolean contains(int status) {
        String code = Integer.toString(status);
        return entries.stream()
                .anyMatch(
                        e -> e.equals(code) || e.endsWith("xx") && code.length() == 3 && code.charAt(0) == e.charAt(0));
    }

    /** {@code 200}, {@code [401, 403]}, {@code 2xx}: as the spec would write it. */
    @Override
    public String toString() {
        return entries.size() == 1 ? entries.getFirst() : entries.toString();
    }
}
