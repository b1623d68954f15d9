package io.golive.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during a rollout: the guard's thread is interrupted (it stops guarding and leaves
 * traffic as it is) and the exit code says which signal it was (130 or 143).
 */
final class Signals {
    private final Thread worker;
    private volatile int code = RolloutCommand.SIGINT;
    private SignalHandler oldInt;
    private SignalHandler oldTerm;

    private Signals(Thread worker) {
        this.worker = worker;
    }

    static Signals install(Thread worker) {
        Signals s = new Signals(worker);
        s.oldInt = Signal.handle(new Signal("INT"), sig -> s.stop(RolloutCommand.SIGINT));
        s.oldTerm = Signal.handle(new Signal("TERM"), sig -> s.stop(RolloutCommand.SIGTERM));
        return s;
    }

    private void stop(int exitCode) {
        code = exitCode;
        worker.interrupt();
    }

    int code() {
        return code;
    }

    void uninstall() {
        Signal.handle(new Signal("INT"), oldInt);
        Signal.handle(new Signal("TERM"), oldTerm);
    }
}
