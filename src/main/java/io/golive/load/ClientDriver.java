package io.golive.load;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends a load test's requests through the JDK's {@link HttpClient}, for {@code https://} targets:
 * HTTP/2 when the server offers it (ALPN), HTTP/1.1 otherwise. Much slower per request than the
 * event loops (the JDK client costs far more CPU than a pre-encoded request), so it is used only where
 * they cannot go. Users are virtual threads; the open model sends asynchronously at the intended times.
 */
final class ClientDriver implements Driver {
    private static final java.util.Set<String> IDEMPOTENT =
            java.util.Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    private final Recorder latency = new Recorder(1, EventLoop.MAX_MICROS, 3);
    private final Recorder service = new Recorder(1, EventLoop.MAX_MICROS, 3);
    private final LoopCounters counters = LoopCounters.shared();
    private final HttpClient client;
    private final List<HttpRequest> requests;
    private final int[] cumulativeWeights;
    private final LoadPlan plan;
    /**
     * At most this many requests are in flight: the JDK client multiplexes HTTP/2 on one connection per
     * origin and fails requests beyond the server's stream limit, which servers set to at least 100.
     */
    static final int MAX_IN_FLIGHT = 100;

    private final Semaphore free;
    private final long start;
    private final long end;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService users = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopped;
    private volatile Thread runner;
    private volatile Throwable failure;
    private volatile int inFlightAtEnd;

    ClientDriver(HttpClient client, List<HttpRequest> requests, int[] weights, LoadPlan plan, long start, long end) {
        this.client = client;
        this.requests = requests;
        this.cumulativeWeights = new int[weights.length];
        for (int i = 0, sum = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulativeWeights[i] = sum;
        }
        this.plan = plan;
        this.free = new Semaphore(Math.min(MAX_IN_FLIGHT, plan.effectiveConnections()));
        this.start = start;
        this.end = end;
    }

    @Override
    public void run() {
        runner = Thread.currentThread();
        try {
            switch (plan.model()) {
                case LoadModel.Open open -> sendAtRate(open.ratePerSecond());
                case LoadModel.Closed closed -> startUsers(closed);
            }
            sleepUntil(end);
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            stopped = true;
            inFlightAtEnd = inFlight.get();
            users.shutdownNow(); // interrupts users waiting for an answer: the run is over
            client.shutdownNow();
        }
    }

    private void startUsers(LoadModel.Closed closed) {
        for (int u = 0; u < closed.users(); u++) {
            long startAt = start + plan.ramp().toNanos() * u / closed.users();
            SplittableRandom random = new SplittableRandom(u);
            users.execute(() -> user(startAt, closed.think().toNanos(), random));
        }
    }

    private void user(long startAt, long thinkNanos, SplittableRandom random) {
        if (!sleepUntil(startAt)) {
            return;
        }
        while (!stopped && System.nanoTime() - end < 0) {
            long wanted = System.nanoTime(); // a user kept waiting for a free stream waits as a user
            if (!acquire()) {
                return;
            }
            long sent = System.nanoTime();
            boolean ok;
            counters.add(LoopCounters.SENT, 1);
            inFlight.incrementAndGet();
            try {
                ok = done(wanted, sent, send(pick(random)).get(), null);
            } catch (ExecutionException e) {
                ok = done(wanted, sent, null, e.getCause());
            } catch (InterruptedException e) {
                return; // stopped while waiting for an answer: it stays in flight
            } finally {
                free.release();
            }
            long pause = ok ? thinkNanos : Math.max(thinkNanos, ClosedDispatcher.RETRY_NANOS);
            if (pause > 0 && !sleepUntil(System.nanoTime() + pause)) {
                return;
            }
        }
    }

    private void sendAtRate(double rate) {
        ArrivalSchedule schedule = new ArrivalSchedule(rate, plan.ramp(), 0, 1);
        SplittableRandom random = new SplittableRandom(42);
        for (long due = start + schedule.next(); due - end < 0; due = start + schedule.next()) {
            if (!sleepUntil(due)) {
                return;
            }
            boolean wasFree = free.availablePermits() > 0;
            if (!acquire()) {
                return;
            }
            long sent = System.nanoTime();
            if (wasFree) {
                // A stream was free: any lateness is the generator's own (scheduling, CPU).
                counters.add(LoopCounters.ON_TIME_CANDIDATES, 1);
                counters.add(LoopCounters.OWN_LAG_NANOS, sent - due);
            }
            if (sent - due > OpenDispatcher.LATE_NANOS) {
                counters.add(wasFree ? LoopCounters.LATE_SENDS : LoopCounters.BLOCKED_SENDS, 1);
            }
            long intended = due;
            counters.add(LoopCounters.SENT, 1);
            inFlight.incrementAndGet();
            send(pick(random)).whenComplete((response, e) -> {
                done(intended, sent, response, e);
                free.release();
            });
        }
    }

    /**
     * Sends a request; when the server closes the connection under an idempotent one (an HTTP/2
     * GOAWAY after its request limit, say), sends it once more, as browsers do.
     */
    private CompletableFuture<HttpResponse<Void>> send(HttpRequest r) {
        return client.sendAsync(r, HttpResponse.BodyHandlers.discarding()).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            boolean retry = errorKind(cause) == LoopCounters.IO_ERRORS && IDEMPOTENT.contains(r.method()) && !stopped;
            return retry
                    ? client.sendAsync(r, HttpResponse.BodyHandlers.discarding())
                    : CompletableFuture.failedFuture(cause);
        });
    }

    /** Records an answer or a failure; returns whether it was an answer. */
    private boolean done(long intended, long sent, HttpResponse<?> response, Throwable error) {
        long now = System.nanoTime();
        if (stopped) {
            return false; // answered after the end: not part of the run
        }
        inFlight.decrementAndGet();
        if (response == null) {
            counters.add(
                    errorKind(error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error),
                    1);
            return false;
        }
        latency.recordValue(Math.min(EventLoop.MAX_MICROS, Math.max(1, (now - intended) / 1_000)));
        service.recordValue(Math.min(EventLoop.MAX_MICROS, Math.max(1, (now - sent) / 1_000)));
        counters.add(LoopCounters.RESPONSES, 1);
        counters.status(response.statusCode());
        return true;
    }

    private static int errorKind(Throwable e) {
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException || failedHandshake(e)) {
            return LoopCounters.CONNECT_ERRORS;
        }
        return e instanceof HttpTimeoutException ? LoopCounters.TIMEOUTS : LoopCounters.IO_ERRORS;
    }

    /** A TLS handshake that failed (an untrusted certificate, say) is a connection that could not be made. */
    private static boolean failedHandshake(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    private HttpRequest pick(SplittableRandom random) {
        if (requests.size() == 1) {
            return requests.getFirst();
        }
        int x = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        int i = java.util.Arrays.binarySearch(cumulativeWeights, x + 1);
        return requests.get(i >= 0 ? i : -i - 1);
    }

    private boolean acquire() {
        try {
            return free.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS) && !stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sleeps until {@code at} (System.nanoTime); false when the run stopped or ended first. */
    private boolean sleepUntil(long at) {
        long until = Math.min(at, end);
        for (long now = System.nanoTime(); now - until < 0 && !stopped; now = System.nanoTime()) {
            LockSupport.parkNanos(until - now);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return !stopped && at - end < 0;
    }

    @Override
    public Histogram intervalLatency(Histogram recycle) {
        return latency.getIntervalHistogram(recycle);
    }

    @Override
    public Histogram intervalService(Histogram recycle) {
        return service.getIntervalHistogram(recycle);
    }

    @Override
    public LoopCounters counters() {
        return counters;
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    @Override
    public int inFlightAtEnd() {
        return inFlightAtEnd;
    }

    @Override
    public void stop() {
        stopped = true;
        Thread t = runner;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public OptionalDouble busyFraction(long elapsedNanos) {
        return OptionalDouble.empty();
    }
}
