package io.golive.probe.process;

import io.golive.checklist.Threshold;
import io.golive.checklist.Units;
import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program (a restore drill, a smoke script) and judges its exit code and duration. At its
 * timeout the whole process tree is killed, so a hung child never outlives the check.
 */
public final class CommandProbe implements Probe<CommandConfig> {
    private static final int TAIL = 4096;

    @Override
    public String kind() {
        return "command";
    }

    @Override
    public Class<CommandConfig> configType() {
        return CommandConfig.class;
    }

    @Override
    public Observation run(CommandConfig c, ProbeContext context) {
        Duration limit = Optional.ofNullable(c.timeout())
                .map(Durations::parse)
                .filter(t -> t.compareTo(context.remaining()) < 0)
                .orElse(context.remaining());
        ProcessBuilder pb = new ProcessBuilder(c.argv())
                .directory(context.baseDir().toFile())
                .redirectErrorStream(true);
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return Observation.error("cannot run " + c.argv().getFirst() + ": " + e.getMessage());
        }
        Tail tail = new Tail(p.getInputStream());
        Thread reader = Thread.ofVirtual().start(tail);
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                return Observation.error("timeout after " + limit.toMillis() + " ms: killed "
                                + c.argv().getFirst() + " and its children")
                        .withEvidence("output", tail.text());
            }
            reader.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            return Observation.error("interrupted");
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        return judge(c, p.exitValue(), ms, context.inherited())
                .withEvidence("command", String.join(" ", c.argv()))
                .withEvidence("output", tail.text());
    }

    private static Observation judge(CommandConfig c, int exit, long ms, List<Threshold> inherited) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exitCode", exit);
        m.put("durationMs", ms);
        if (exit != c.expectExit()) {
            return Observation.fail("exit code " + exit + ", expected " + c.expectExit() + " (" + ms + " ms)", m);
        }
        if (c.maxDuration() != null && ms > Durations.parse(c.maxDuration()).toMillis()) {
            return Observation.fail("took " + ms + " ms, more than " + c.maxDuration(), m);
        }
        if (c.maxDuration() == null) {
            for (Threshold t : inherited) {
                if (t.unit().filter(Units::isTime).isPresent()
                        && !t.test(ms, "ms").orElse(true)) {
                    return Observation.fail(
                            "took " + ms + " ms, which does not meet "
                                    + t.metric().map(x -> x + " ").orElse("") + t.expression() + " (from the item)",
                            m);
                }
            }
        }
        return new Observation(Status.PASS, "exit " + exit + " in " + ms + " ms", m, Map.of());
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** Keeps the last 4 KB of the output, reading on its own thread so the process never blocks. */
    private static final class Tail implements Runnable {
        private final InputStream in;
        private final byte[] ring = new byte[TAIL];
        private long total;

        Tail(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (this) {
                        for (int i = 0; i < n; i++) {
                            ring[(int) (total++ % TAIL)] = buf[i];
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended or was killed: what was read so far stays
            }
        }

        synchronized String text() {
            int len = (int) Math.min(total, TAIL);
            byte[] out = new byte[len];
            for (int i = 0; i < len; i++) {
                out[i] = ring[(int) ((total - len + i) % TAIL)];
            }
            return new String(out, java.nio.charset.StandardCharsets.UTF_8).strip();
        }
    }
}
