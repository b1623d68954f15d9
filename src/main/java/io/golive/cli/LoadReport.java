package io.golive.cli;

import io.golive.checklist.Units;
import io.golive.load.Latency;
import io.golive.load.LoadModel;
import io.golive.load.LoadPlan;
import io.golive.load.LoadRequest;
import io.golive.load.LoadResult;
import io.golive.load.ThresholdResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The text report of {@code golive loadtest}: what was offered, what came back, each threshold's verdict. */
final class LoadReport {
    private final PrintWriter out;

    LoadReport(PrintWriter out) {
        this.out = out;
    }

    void print(LoadPlan plan, LoadResult r, List<ThresholdResult> verdicts) {
        line("target", plan.requests().stream().map(LoadRequest::toString).collect(Collectors.joining(", ")));
        line(
                "load",
                String.format(
                                Locale.ROOT,
                                "%s, %s, %.1fs",
                                r.model(),
                                plan.streams() > 0
                                        ? String.format(
                                                Locale.ROOT,
                                                "%d streams, %d per HTTP/2 connection",
                                                r.connections(),
                                                plan.streams())
                                        : r.connections() + " connections",
                                r.elapsed().toMillis() / 1000.0)
                        + r.abortedBy()
                                .map(t -> " (aborted: " + t + " can no longer be met)")
                                .orElse(""));
        line("requests", String.format(Locale.ROOT, "%,d (%,.1f/s)", r.requests(), r.rate()));
        line(
                "errors",
                String.format(
                                Locale.ROOT,
                                "%,d (%.3f%%)  ",
                                r.errors(),
                                r.errorPercent().orElse(0))
                        + joined(r.errorKinds()));
        latency("latency", r.latency());
        if (r.model() instanceof LoadModel.Open) {
            latency("service", r.serviceTime());
        }
        line("status", r.status().isEmpty() ? "none" : joined(r.status()));
        line("bytes", String.format(Locale.ROOT, "read %,d  written %,d", r.bytesRead(), r.bytesWritten()));
        if (r.unsent() > 0 || r.inFlightAtEnd() > 0) {
            line("unfinished", r.unsent() + " never sent, " + r.inFlightAtEnd() + " unanswered at the end");
        }
        r.warnings().forEach(w -> line("warning", w));
        verdicts.forEach(this::verdict);
    }

    private void verdict(ThresholdResult v) {
        String actual = v.actual().isPresent()
                ? "actual "
                        + Units.format(
                                round(v.actual().getAsDouble()),
                                v.threshold().unit().orElse(""))
                : v.note();
        out.printf(Locale.ROOT, "%-4s %s  (%s)%n", v.met() ? "PASS" : "FAIL", v.expr(), actual);
    }

    private static String joined(Map<?, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(Collectors.joining("  "));
    }

    private void latency(String label, Latency l) {
        if (l.count() == 0) {
            line(label, "no responses");
            return;
        }
        line(
                label,
                String.format(
                        Locale.ROOT,
                        "p50 %s  p90 %s  p95 %s  p99 %s  p99.9 %s  max %s",
                        ms(l.p50()),
                        ms(l.p90()),
                        ms(l.p95()),
                        ms(l.p99()),
                        ms(l.p999()),
                        ms(l.max())));
    }

    private void line(String label, String text) {
        out.printf(Locale.ROOT, "%-10s %s%n", label, text);
    }

    private static String ms(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0fms", ms) : String.format(Locale.ROOT, "%.2fms", ms);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
