package io.golive.checklist;

/** Canonical units of thresholds and their conversions. */
public final class Units {
    private Units() {}

    /** Formats a value with its unit the way the grammar reads it back: "500ms", "99.8%", "1000 req/s". */
    public static String format(double value, String unit) {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : stripZeros(Double.toString(value));
        if (unit.isEmpty()) {
            return number;
        }
        boolean glued = unit.equals("%")
                || unit.equals("ms")
                || unit.equals("s")
                || unit.equals("min")
                || unit.equals("h")
                || unit.equals("d")
                || unit.equals("x")
                || unit.startsWith("/")
                || unit.startsWith(":");
        if (unit.equals("version")) {
            return number + "+";
        }
        return glued ? number + unit : number + " " + unit;
    }

    private static String stripZeros(String s) {
        if (s.contains("E")) {
            return new java.math.BigDecimal(s).toPlainString();
        }
        return s;
    }
}
