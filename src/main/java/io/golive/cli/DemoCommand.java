package io.golive.cli;

import io.golive.GoliveException;
import io.golive.InputException;
import io.golive.server.demo.Demo;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.web.server.PortInUseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code golive demo}: the server with sample launches checked against a sample target, and a tour. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the golive server with sample launches and a sample target: golive to try in a minute.",
            "The target, a small shop on 127.0.0.1 in the same process, is what the launches' checks probe: one launch is GO, one waits for its sign-offs, one is NO-GO for a missing security header.",
            "Prints the demo's accounts (new passwords and API tokens at every start, shown only then) and a short tour.",
            "Ctrl-C stops the server and the target and deletes the temporary database.",
            "See docs/server.md, section Demo."
        })
final class DemoCommand implements Callable<Integer> {
    /** How long the first evaluations may take before the tour is printed anyway. */
    private static final Duration FIRST_RUN_WAIT = Duration.ofSeconds(60);

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "HTTP port of the server (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address the server listens on (default ${DEFAULT-VALUE}: this machine only).")
    String bind;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Keep the demo's database in DIR (created when missing; a folder holding another golive"
                    + " database is refused). Default: a temporary folder, deleted when the demo stops.")
    Path data;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private boolean stopped;
    private volatile boolean interrupted;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("golive demo: starting the sample target and the server...");
        out.flush();
        Demo demo =
                new Demo(new Demo.Options(port, bind, Optional.ofNullable(data), FIRST_RUN_WAIT), Clock.systemUTC());
        AtomicReference<Demo.Started> started = new AtomicReference<>();
        boolean asked = false;
        // registered before the start so that a Ctrl-C during it still stops and deletes what was started
        Thread hook = new Thread(
                () -> {
                    interrupted = true;
                    stop(demo, started, out, err);
                },
                "golive-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            started.set(start(demo));
            out.print(DemoTour.text(started.get()));
            out.flush();
            demo.awaitStop();
        } catch (InterruptedException e) {
            asked = true; // asked to stop: stop below, on a thread not interrupted, and return
        } catch (RuntimeException e) {
            if (!interrupted) {
                throw e;
            }
            // Ctrl-C during start-up: the JVM closed the database under the start; not an error
        } finally {
            stop(demo, started, out, err);
            removeHook(hook);
            if (asked) {
                Thread.currentThread().interrupt();
            }
        }
        return Main.OK;
    }

    private Demo.Started start(Demo demo) throws InterruptedException {
        try {
            return demo.start();
        } catch (GoliveException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                if (root instanceof PortInUseException) {
                    throw new InputException(
                            "port " + port + " is in use; choose another with --port (0 picks a free one)", e);
                }
                root = root.getCause();
            }
            throw new GoliveException("the demo did not start: " + root.getMessage(), e);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and runs the hook itself, which finds the demo stopped
        }
    }

    private synchronized void stop(Demo demo, AtomicReference<Demo.Started> started, PrintWriter out, PrintWriter err) {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            demo.close();
            Demo.Started s = started.get();
            if (s != null) {
                out.println("golive demo: stopped" + (s.temporary() ? "; deleted " + s.dataDir() : ""));
            } else if (interrupted) {
                out.println("golive demo: stopped before it was ready");
            }
        } catch (UncheckedIOException e) {
            err.println("golive demo: " + e.getMessage() + ": " + e.getCause().getMessage());
        }
        out.flush();
        err.flush();
    }
}
