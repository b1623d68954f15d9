package io.golive.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C during a long command into an interruption of its thread, and gives that thread a
 * moment to print what it has (a load test's result so far) before the JVM goes down.
 */
final class Interruption {
    private static final long GRACE_SECONDS = 3;

    private final Thread hook;
    private final CountDownLatch done = new CountDownLatch(1);

    private Interruption(Thread worker) {
        this.hook = new Thread(() -> {
            worker.interrupt();
            try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    static Interruption onShutdown(Thread worker) {
        Interruption i = new Interruption(worker);
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /** The command has printed its output: a shutdown need not wait any more. */
    void done() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook is running and now returns.
        }
    }
}
