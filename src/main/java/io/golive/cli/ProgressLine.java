package io.golive.cli;

import io.golive.gate.CheckResult;
import io.golive.gate.Progress;
import java.io.PrintWriter;

/** Progress of a run on standard error: one updating line on a terminal, plain lines otherwise. */
final class ProgressLine implements Progress {
    private final PrintWriter err;
    private final boolean terminal;
    private boolean drawn;

    ProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void finished(CheckResult r, int done, int total, int failures) {
        if (terminal) {
            err.print("\r\033[K[" + done + "/" + total + "] " + failures + (failures == 1 ? " problem" : " problems")
                    + " — " + r.observation().status() + " " + r.type() + " " + shorten(r.name()));
            drawn = true;
        } else {
            err.println("[" + done + "/" + total + "] " + r.observation().status() + " " + r.type() + " " + r.name()
                    + ": " + r.observation().summary() + " (" + r.durationMs() + " ms)");
        }
        err.flush();
    }

    synchronized void end() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    private static String shorten(String s) {
        return s.length() > 50 ? s.substring(0, 47) + "..." : s;
    }
}
