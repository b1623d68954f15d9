package io.golive.checklist;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one threshold grammar: reads limits in checklist prose ({@code p95 < 500ms}, {@code AIR ≥ 0.80},
 * {@code 1000 concurrent users}, {@code (1.24+)}) and strict {@code expect:} expressions.
 */
public final class ThresholdParser {
    static final String NUMBER = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?";
    static final String UNIT = "%|ms\\b|msecs?\\b|milliseconds?\\b|seconds?\\b|secs?\\b|s\\b|minutes?\\b|mins?\\b|m\\b"
            + "|hours?\\b|hrs?\\b|h\\b|days?\\b|d\\b|" + Units.WORDS
            + "|req/sec\\b|req/s\\b|reqs/s\\b|rps\\b|qps\\b|requests?/sec\\b|requests?/s\\b"
            + "|/s\\b|concurrent users\\b|users?\\b|x\\b|[kmg]b\\b|/\\d+(?:\\.\\d+)?(?![\\d/])|:\\d+(?:\\.\\d+)?(?![\\d:])";
    /** Comparisons in Dutch, German, Spanish and French: "minimaal 4 weken", "höchstens 2 Tage". */
    private static final String FOREIGN_OPS = "minimaal|minstens|ten minste|tenminste|maximaal|hoogstens|ten hoogste"
            + "|meer dan|minder dan|mindestens|h[öo]chstens|mehr als|weniger als|al menos|como m[íi]nimo"
            + "|como m[áa]ximo|m[áa]s de|menos de|au moins|au plus|au maximum|au minimum|plus de|moins de"
            + "|onder|boven|unter|[üu]ber";

    static final String OPS =
            "<=|>=|=<|=>|≤|≥|<|>|≈|~|=|\\b(?:more than|greater than|exceeds|exceeding|exceed|above|over"
                    + "|at least|minimum of|minimum|min\\.?|less than|fewer than|under|below|at most|no more than|maximum of|maximum"
                    + "|max\\.?|up to|within|" + FOREIGN_OPS + ")\\b";
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern OP_FORM = Pattern.compile(
            "(?<op>" + OPS + ")\\s*(?<num>" + NUMBER + ")(?:\\s*(?<unit>" + UNIT + "))?(?<plus>\\+)?", F);
    private static final Pattern PLUS_FORM =
            Pattern.compile("(?<![\\w.,/:-])(?<num>\\d+(?:\\.\\d+)?)(?:\\.\\d+)*(?<unit>%)?\\+(?![\\w+])", F);
    private static final Pattern TARGET_FORM =
            Pattern.compile("\\btarget:?\\s*(?<num>" + NUMBER + ")\\s*(?<unit>" + UNIT + ")", F);
    private static final Pattern COUNT_FORM = Pattern.compile(
            "(?<![\\w.,/:-])(?<num>" + NUMBER + ")\\s*(?<unit>concurrent users\\b|users\\b|req/sec\\b|req/s\\b|rps\\b"
                    + "|requests?/s(?:ec)?\\b|x(?=\\s+\\w))",
            F);
    private static final Pattern SHARE_FORM = Pattern.compile(
            "(?<![\\w.,/:-])(?<num>" + NUMBER
                    + ")\\s*%\\s+(?<metric>uptime|availability|coverage|success rate|pass rate)\\b",
            F);
    private static final Pattern SLA_FORM =
            Pattern.compile("\\b(?<metric>uptime|availability)\\b[^:\\n]{0,24}:\\s*(?<num>" + NUMBER + ")\\s*%", F);
    private static final Pattern RECOVERY_FORM = Pattern.compile("\\b(?<metric>RTO|RPO)\\b[^\\d<>≤≥\\n]{0,40}?(?<num>"
            + NUMBER + ")\\s*(?<unit>minutes?\\b|mins?\\b|hours?\\b|hrs?\\b|days?\\b|h\\b|m\\b|d\\b)");
    private static final Pattern STRICT = Pattern.compile(
            "^\\s*(?<metric>[\\p{L}][\\p{L}\\p{N} _./()&-]*?)?\\s*(?<op>" + OPS + ")\\s*(?<num>-?(?:" + NUMBER
                    + "))\\s*(?<unit>" + UNIT + ")?\\s*$",
            F);
    private static final Pattern FREQUENCY = Pattern.compile("^(hourly|daily|weekly|monthly)$", F);
    private static final Pattern EMPTY_CELL = Pattern.compile("^[\\s_\\-–—?.]*$");
    private static final Pattern BARE =
            Pattern.compile("^(?<num>" + NUMBER + ")\\s*(?<unit>" + UNIT + ")?(?<plus>\\+)?$", F);

    private ThresholdParser() {}

    /** Every threshold written in a piece of prose, in order, with the metric it names when it names one. */
    public static List<Threshold> findAll(String text) {
        if (text.isEmpty() || !hasDigit(text)) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        opForms(text, found);
        simpleForms(text, PLUS_FORM, Op.GE, found);
        simpleForms(text, TARGET_FORM, null, found);
        simpleForms(text, COUNT_FORM, Op.GE, found);
        simpleForms(text, SHARE_FORM, Op.GE, found);
        simpleForms(text, SLA_FORM, Op.GE, found);
        simpleForms(text, RECOVERY_FORM, Op.LE, found);
        found.sort(Comparator.comparingInt(Found::start).thenComparingInt(f -> f.priority));
        List<Threshold> out = new ArrayList<>();
        int covered = -1;
        for (Found f : found) {
            if (f.start >= covered) {
                out.add(f.threshold);
                covered = f.end;
            }
        }
        return out;
    }

    /** A table cell holding a threshold ({@code ≥ 99.8%}, {@code Hourly}) for the metric its row names. */
    public static Optional<Threshold> parseCell(String metric, String cell) {
        String c = InlineText.plain(cell);
        Optional<String> name = Optional.ofNullable(metric).filter(m -> !m.isBlank());
        if (EMPTY_CELL.matcher(c).matches()) {
            return Optional.empty();
        }
        Matcher freq = FREQUENCY.matcher(c);
        if (freq.matches()) {
            double days = switch (freq.group(1).toLowerCase(Locale.ROOT)) {
                case "hourly" -> -1;
                case "daily" -> 1;
                case "weekly" -> 7;
                default -> 30;
            };
            return Optional.of(
                    days < 0
                            ? new Threshold(name, Op.LE, 1, Optional.of("h"), c)
                            : new Threshold(name, Op.LE, days, Optional.of("d"), c));
        }
        List<Threshold> all = findAll(c);
        if (!all.isEmpty()) {
            Threshold t = all.getFirst();
            return Optional.of(new Threshold(name.or(t::metric), t.op(), t.value(), t.unit(), c));
        }
        Matcher bare = BARE.matcher(c);
        if (bare.matches()) {
            Optional<String> unit = unit(bare.group("unit"));
            Op op = unit.filter(Units::isTime).isPresent() ? Op.LE : Op.GE;
            return Optional.of(new Threshold(name, op, scaled(bare.group("num"), bare.group("unit")), unit, c));
        }
        return Optional.empty();
    }

    /** A strict expression such as {@code "p95 < 500ms"}; throws {@link IllegalArgumentException}. */
    public static Threshold parse(String expression) {
        String e = expression == null ? "" : expression.strip();
        Matcher m = STRICT.matcher(e);
        if (m.matches()) {
            Optional<String> metric =
                    Optional.ofNullable(m.group("metric")).map(String::strip).filter(s -> !s.isEmpty());
            return new Threshold(
                    metric, op(m.group("op")), scaled(m.group("num"), m.group("unit")), unit(m.group("unit")), e);
        }
        Matcher plus = PLUS_FORM.matcher(e);
        if (plus.find() && plus.end() == e.length()) {
            Optional<String> metric =
                    Optional.of(e.substring(0, plus.start()).strip()).filter(s -> !s.isEmpty());
            return plusThreshold(metric, plus, e);
        }
        throw new IllegalArgumentException("'" + expression + "' is not a threshold (write it like "
                + "'p95 < 500ms', '< 0.1%', 'AUC > 0.70', 'rate >= 1000/s' or '99.9%+')");
    }

    private static void opForms(String text, List<Found> found) {
        Matcher m = OP_FORM.matcher(text);
        while (m.find()) {
            Op op = op(m.group("op"));
            if (m.group("plus") != null) {
                op = Op.GE;
            }
            Optional<String> unit = unit(m.group("unit"));
            String fragment = text.substring(m.start(), m.end()).strip();
            Optional<String> metric = MetricNames.around(text, m.start(), m.end());
            found.add(new Found(
                    m.start(),
                    m.end(),
                    0,
                    new Threshold(metric, op, scaled(m.group("num"), m.group("unit")), unit, fragment)));
        }
    }

    private static void simpleForms(String text, Pattern p, Op fixed, List<Found> found) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            String fragment = text.substring(m.start(), m.end()).strip();
            Threshold t;
            if (p == PLUS_FORM) {
                t = plusThreshold(MetricNames.around(text, m.start(), m.end()), m, fragment);
            } else {
                // The share and SLA forms match a percentage without a unit group.
                Optional<String> unit = p == SHARE_FORM || p == SLA_FORM ? Optional.of("%") : unit(group(m, "unit"));
                Op op = fixed != null ? fixed : unit.filter(Units::isTime).isPresent() ? Op.LE : Op.GE;
                Optional<String> metric = metricOf(text, m, unit);
                t = new Threshold(metric, op, scaled(m.group("num"), group(m, "unit")), unit, fragment);
            }
            found.add(new Found(m.start(), m.end(), 1, t));
        }
    }

    private static Optional<String> metricOf(String text, Matcher m, Optional<String> unit) {
        String named = group(m, "metric");
        if (named != null) {
            return Optional.of(named);
        }
        if (unit.filter("users"::equals).isPresent()) {
            return Optional.of(
                    m.group("unit").toLowerCase(Locale.ROOT).startsWith("concurrent") ? "concurrent users" : "users");
        }
        return MetricNames.around(text, m.start(), m.end());
    }

    private static Threshold plusThreshold(Optional<String> metric, Matcher m, String fragment) {
        boolean percent = m.group("unit") != null;
        boolean version = !percent && m.group("num").contains(".");
        Optional<String> unit = percent ? Optional.of("%") : version ? Optional.of("version") : Optional.empty();
        return new Threshold(metric, Op.GE, Double.parseDouble(m.group("num")), unit, fragment);
    }

    static Op op(String written) {
        String w = Normalizer.normalize(written.toLowerCase(Locale.ROOT).replace(".", ""), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return switch (w) {
            case "<",
                    "less than",
                    "fewer than",
                    "under",
                    "below",
                    "minder dan",
                    "weniger als",
                    "menos de",
                    "moins de",
                    "onder",
                    "unter" -> Op.LT;
            case "<=", "=<", "≤", "at most", "no more than", "maximum", "maximum of", "max", "up to", "within" -> Op.LE;
            case "maximaal", "hoogstens", "ten hoogste", "hochstens", "como maximo", "au plus", "au maximum" -> Op.LE;
            case ">", "more than", "greater than", "exceeds", "exceeding", "exceed", "above", "over" -> Op.GT;
            case "meer dan", "mehr als", "mas de", "plus de", "boven", "uber" -> Op.GT;
            case ">=", "=>", "≥", "at least", "minimum", "minimum of", "min" -> Op.GE;
            case "minimaal", "minstens", "ten minste", "tenminste", "mindestens", "al menos", "como minimo" -> Op.GE;
            case "au moins", "au minimum" -> Op.GE;
            case "≈", "~" -> Op.APPROX;
            default -> Op.EQ;
        };
    }

    private static Optional<String> unit(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String w = written.strip();
        if (w.startsWith("/") && w.length() > 1 && Character.isDigit(w.charAt(1)) || w.startsWith(":")) {
            return Optional.of(w);
        }
        return Units.canonical(w);
    }

    /** A number in a unit as written, in the canonical unit: {@code 4 weken} is 28 days. */
    private static double scaled(String number, String unit) {
        return number(number) * (unit == null ? 1 : Units.factor(unit));
    }

    /** A number as written: a decimal comma ({@code 0,05}) or thousands separators ({@code 1,000}). */
    static double number(String written) {
        String n = written.strip();
        if (n.matches("-?[1-9]\\d{0,2}(,\\d{3})+(\\.\\d+)?")) {
            n = n.replace(",", "");
        } else {
            n = n.replace(',', '.');
        }
        return Double.parseDouble(n);
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null; // the pattern has no such group
        }
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private record Found(int start, int end, int priority, Threshold threshold) {}
}
