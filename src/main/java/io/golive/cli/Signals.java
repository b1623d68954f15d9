package io.golive.cli;

import io.golive.rollout.StopSignal;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during a rollout: the guard is told to stop at its wait in progress (it stops
 * guarding and leaves traffic as it is) and the exit code says which signal it was (130 or 143). The
 * guard's thread is not interrupted: an interrupt would cut a state write off in the middle.
 */
final class Signals {
    private final StopSignal stop;
    private volatile int code = RolloutCommand.SIGINT;
    private SignalHandler oldInt;
    private SignalHandler oldTerm;

    private Signals(StopSignal stop) {
        this.stop = stop;
    }

    static Signals install(StopSignal stop) {
        Signals s = new Signals(stop);
        s.oldInt = Signal.handle(new Signal("INT"), sig -> s.stop(RolloutCommand.SIGINT));
        s.oldTerm = Signal.handle(new Signal("TERM"), sig -> s.stop(RolloutCommand.SIGTERM));
        return s;
    }

    private void stop(int exitCode) {
        code = exitCode;
        stop.stop();
    }

    int code() {
        return code;
    }

    void uninstall() {
        Signal.handle(new Signal("INT"), oldInt);
        Signal.handle(new Signal("TERM"), oldTerm);
    }
}
