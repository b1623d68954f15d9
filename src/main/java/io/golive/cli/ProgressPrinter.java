package io.golive.cli;

import io.golive.load.Progress;
import io.golive.load.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a load test's progress on standard error: one line rewritten in place on a terminal, plain lines otherwise. */
final class ProgressPrinter implements ProgressListener {
    private final PrintWriter err;
    private final boolean terminal;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Whether standard error looks like a terminal (the JDK can only tell for the console as a whole). */
    static boolean isTerminal() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.equals("dumb");
    }

    @Override
    public void onProgress(Progress p) {
        String line = String.format(
                Locale.ROOT,
                "%5.1fs/%ds  %,d requests  %,.0f/s  errors %,d  p50 %.2fms  p99 %.2fms",
                p.elapsed().toMillis() / 1000.0,
                p.duration().toSeconds(),
                p.requests(),
                p.rate(),
                p.errors(),
                p.p50(),
                p.p99());
        if (terminal) {
            err.print("\r\033[2K" + line);
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the rewritten line so that what follows starts on a line of its own. */
    void finish() {
        if (terminal) {
            err.println();
            err.flush();
        }
    }
}
