package io.golive.server.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One metric over a rollout as an SVG line chart, drawn on the server: the readings as a line (a gap
 * where a reading had no value), each trigger's threshold as a dashed red line, breaching readings as
 * red dots.
 */
final class MetricChart {
    static final int WIDTH = 640;
    static final int HEIGHT = 180;
    private static final int LEFT = 64;
    private static final int RIGHT = 150;
    private static final int TOP = 12;
    private static final int BOTTOM = 26;

    private MetricChart() {}

    /** A reading: when, its value (empty: no data), whether it breached a trigger. */
    record Sample(Instant at, OptionalDouble value, boolean breach) {}

    /** A threshold in the metric's unit, with the words it is drawn with ("error rate > 1%, then rollback"). */
    record Limit(double value, String label) {}

    record Series(String name, String unit, List<Sample> samples, List<Limit> limits) {
        Series {
            samples = List.copyOf(samples);
            limits = List.copyOf(limits);
        }
    }

    static String svg(Series s, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        String title = s.name() + (s.unit().isEmpty() ? "" : " (" + s.unit() + ")") + " against its trigger";
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(title))
                .append("\" data-metric=\"")
                .append(escape(s.name()))
                .append("\"><title>")
                .append(escape(title))
                .append("</title>");
        List<Double> all = new ArrayList<>();
        s.samples().forEach(p -> p.value().ifPresent(all::add));
        s.limits().forEach(l -> all.add(l.value()));
        double lo = all.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double hi = all.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (lo >= 0) {
            lo = 0; // a rate or a latency reads from zero
        }
        if (hi - lo <= 0) {
            hi = lo + (lo == 0 ? 1 : Math.abs(lo));
        }
        hi += (hi - lo) * 0.1;
        double bottom = HEIGHT - BOTTOM;
        double plotWidth = WIDTH - LEFT - RIGHT;
        // frame and the y axis's three values
        out.append("<rect x=\"")
                .append(LEFT)
                .append("\" y=\"")
                .append(TOP)
                .append("\" width=\"")
                .append(fmt(plotWidth))
                .append("\" height=\"")
                .append(fmt(bottom - TOP))
                .append("\" fill=\"#fbfcfe\" stroke=\"#c9cede\"/>");
        for (double v : new double[] {lo, (lo + hi) / 2, hi}) {
            double y = y(v, lo, hi, bottom);
            out.append("<text class=\"axis\" x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#3d4455\">")
                    .append(escape(number(v)))
                    .append("</text>");
        }
        if (s.samples().isEmpty()) {
            out.append("<text x=\"")
                    .append(fmt(LEFT + plotWidth / 2))
                    .append("\" y=\"")
                    .append(fmt((TOP + bottom) / 2))
                    .append("\" text-anchor=\"middle\" font-size=\"13\" fill=\"#3d4455\">no readings yet</text>");
        }
        Instant t0 = s.samples().isEmpty() ? Instant.EPOCH : s.samples().get(0).at();
        Instant t1 = s.samples().isEmpty()
                ? Instant.EPOCH
                : s.samples().get(s.samples().size() - 1).at();
        long span = Math.max(1, Duration.between(t0, t1).toMillis());
        if (!s.samples().isEmpty()) {
            DateTimeFormatter hms =
                    DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH).withZone(zone);
            out.append(axisTime(LEFT, bottom, "start", hms.format(t0)));
            out.append(axisTime(LEFT + plotWidth, bottom, "end", hms.format(t1)));
        }
        for (Limit l : s.limits()) {
            double y = y(l.value(), lo, hi, bottom);
            out.append("<line class=\"threshold\" x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(fmt(LEFT + plotWidth))
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" y2=\"")
                    .append(fmt(y))
                    .append("\" stroke=\"#b0202a\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>")
                    .append("<text class=\"threshold-label\" x=\"")
                    .append(fmt(LEFT + plotWidth + 6))
                    .append("\" y=\"")
                    .append(fmt(y + 4))
                    .append("\" font-size=\"11\" fill=\"#b0202a\">")
                    .append(escape(l.label()))
                    .append("</text>");
        }
        // the readings: one polyline per run of readings with a value
        StringBuilder run = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (Sample p : s.samples()) {
            if (p.value().isEmpty()) {
                out.append(polyline(run));
                run.setLength(0);
                continue;
            }
            double x = LEFT + plotWidth * Duration.between(t0, p.at()).toMillis() / span;
            double y = y(p.value().getAsDouble(), lo, hi, bottom);
            run.append(fmt(x)).append(',').append(fmt(y)).append(' ');
            dots.append("<circle class=\"")
                    .append(p.breach() ? "reading breach" : "reading")
                    .append("\" cx=\"")
                    .append(fmt(x))
                    .append("\" cy=\"")
                    .append(fmt(y))
                    .append("\" r=\"")
                    .append(p.breach() ? "4" : "2.5")
                    .append("\" fill=\"")
                    .append(p.breach() ? "#b0202a" : "#2a4fb0")
                    .append("\"><title>")
                    .append(escape(number(p.value().getAsDouble())))
                    .append("</title></circle>");
        }
        out.append(polyline(run));
        out.append(dots);
        return out.append("</svg>").toString();
    }

    private static String axisTime(double x, double bottom, String anchor, String text) {
        return "<text class=\"axis\" x=\"" + fmt(x) + "\" y=\"" + fmt(bottom + 16) + "\" text-anchor=\"" + anchor
                + "\" font-size=\"11\" fill=\"#3d4455\">" + escape(text) + "</text>";
    }

    private static String polyline(StringBuilder points) {
        if (points.isEmpty()) {
            return "";
        }
        return "<polyline class=\"series\" fill=\"none\" stroke=\"#2a4fb0\" stroke-width=\"2\" points=\""
                + points.toString().strip() + "\"/>";
    }

    private static double y(double v, double lo, double hi, double bottom) {
        return bottom - (bottom - TOP) * (v - lo) / (hi - lo);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A value as the axis shows it: three significant digits, no exponent for everyday sizes. */
    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) {
            return new java.math.BigDecimal(v)
                    .round(new java.math.MathContext(3))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
