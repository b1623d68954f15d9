package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.golive.checklist.Op;
import io.golive.checklist.Threshold;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The load engine against real servers on loopback: latency, rate and error accounting are right. */
@Timeout(60)
class LoadTestIT {
    private static final Clock CLOCK = Clock.systemUTC();

    /** The server the tests load: in the clear here, over TLS in {@link TlsLoadTestIT}. */
    TestHttpServer start(TestHttpServer.Behaviour behaviour) throws IOException {
        return TestHttpServer.start(behaviour);
    }

    /** The plan as the tests give it, plus what the server needs (trust in its certificate, say). */
    LoadPlan adapt(LoadPlan plan) {
        return plan;
    }

    LoadResult run(LoadPlan plan) {
        LoadResult r = LoadTest.run(adapt(plan), CLOCK, ProgressListener.none());
        System.out.printf(
                getClass().getSimpleName()
                        + " %s: %d requests, %.1f/s, errors %d %s, p50 %.3fms p99 %.3fms (service p99 %.3fms), warnings %s%n",
                plan.model(),
                r.requests(),
                r.rate(),
                r.errors(),
                r.errorKinds(),
                r.latency().p50(),
                r.latency().p99(),
                r.serviceTime().p99(),
                r.warnings());
        return r;
    }

    @Test
    void fixedTwoMillisecondServerGivesMedianWithinOneMillisecond() throws IOException {
        try (TestHttpServer server = start((n, p) -> TestHttpServer.Reply.ok(2_000_000))) {
            LoadResult r = run(LoadPlan.open(server.url("/"), 500, Duration.ofSeconds(3)));

            Inconclusive.unlessMeasured(r, () -> {
                assertThat(r.errors()).isZero();
                assertThat(r.latency().p50()).isCloseTo(2.0, within(1.0));
            });
        }
    }

    @Test
    void stallShowsInCorrectedPercentilesButNotInClosedLoopMeasurement() throws IOException {
        try (TestHttpServer server = start(new StallOnce(1_000_000, 2_000_000_000L, 1_000_000_000L))) {
            LoadResult open = run(
                    LoadPlan.open(server.url("/"), 1000, Duration.ofSeconds(5)).withConnections(20));

            Inconclusive.unlessMeasured(open, () -> {
                // About a second's worth of requests (20% of the run) waited up to 1 s from their intended time.
                assertThat(open.latency().p99()).isGreaterThan(700);
                assertThat(open.latency().p90()).isGreaterThan(100);
                // Measured from the actual send, only the ~20 requests in flight during the stall were slow.
                assertThat(open.serviceTime().p99()).isLessThan(100);
            });
        }
        try (TestHttpServer server = start(new StallOnce(1_000_000, 2_000_000_000L, 1_000_000_000L))) {
            LoadResult closed = run(LoadPlan.closed(server.url("/"), 50, Duration.ofSeconds(5)));

            Inconclusive.unlessMeasured(closed, () -> {
                assertThat(closed.latency().max()).isGreaterThan(700); // the stall happened ...
                assertThat(closed.latency().p99()).isLessThan(100); // ... and a closed loop hides it
            });
        }
    }

    @Test
    void fixedRateOf2000PerSecondIsHeldWithinTwoPercent() throws IOException {
        try (TestHttpServer server = start((n, p) -> TestHttpServer.Reply.ok(0))) {
            LoadResult r = run(LoadPlan.open(server.url("/"), 2000, Duration.ofSeconds(10)));

            Inconclusive.unlessMeasured(r, () -> {
                assertThat(r.rate()).isCloseTo(2000, within(40.0));
                assertThat(r.requests()).isCloseTo(20_000, within(400L));
                assertThat(r.errors()).isZero();
            });
        }
    }

    @Test
    void fivePercentOf500sAreReportedAsFivePercentErrors() throws IOException {
        try (TestHttpServer server =
                start((n, p) -> n % 20 == 0 ? TestHttpServer.Reply.status(500) : TestHttpServer.Reply.ok(0))) {
            LoadResult r = run(LoadPlan.open(server.url("/"), 2000, Duration.ofSeconds(3)));

            // Enough answers for 5% to show is a matter of the machine's speed; the counting is not.
            Inconclusive.unlessMeasured(r, () -> assertThat(r.requests()).isGreaterThan(1000));
            assertThat(r.errorPercent().orElseThrow()).isCloseTo(5.0, within(0.5));
            assertThat(r.errorKinds()).containsEntry("5xx", r.errors());
            assertThat(r.status().get(500)).isEqualTo(r.errors());
        }
    }

    @Test
    void serverThatNeverAnswersCountsTimeoutsAndStopsAtTheDuration() throws IOException {
        try (TestHttpServer server = start((n, p) -> TestHttpServer.Reply.never())) {
            LoadPlan plan =
                    LoadPlan.closed(server.url("/"), 5, Duration.ofSeconds(2)).withTimeout(Duration.ofMillis(400));
            long start = System.nanoTime();
            LoadResult r = run(plan);
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(seconds).isLessThan(2.5);
            assertThat(r.errorKinds().get("timeout")).isGreaterThanOrEqualTo(15);
            assertThat(r.requests()).isEqualTo(r.errors());
            assertThat(r.latency().count()).isZero();
        }
    }

    @Test
    void refusedConnectionsCountAsConnectErrors() throws IOException {
        URI nobody;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            nobody = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
        }
        LoadResult r = run(LoadPlan.open(nobody, 100, Duration.ofSeconds(1)));

        assertThat(r.errorKinds().get("connect")).isGreaterThan(50);
        assertThat(r.errors()).isEqualTo(r.requests());
    }

    @Test
    void weightedRequestsAreSentInProportion() throws IOException {
        try (TestHttpServer server = start((n, p) -> TestHttpServer.Reply.ok(0))) {
            LoadPlan plan = LoadPlan.open(server.url("/"), 2000, Duration.ofSeconds(2))
                    .withRequests(List.of(
                            new LoadRequest(server.url("/a"), "GET", Map.of(), "", 3),
                            new LoadRequest(server.url("/b"), "POST", Map.of("X-Test", "1"), "{}", 1)));
            LoadResult r = run(plan);

            Inconclusive.unlessMeasured(r, () -> assertThat(r.requests()).isGreaterThan(1000));
            double a = server.byPath.get("/a").get();
            double b = server.byPath.get("/b").get();
            assertThat(a / (a + b)).isCloseTo(0.75, within(0.03));
        }
    }

    @Test
    void chunkedAndClosingAnswersAreReadWithoutErrors() throws IOException {
        try (TestHttpServer server =
                start((n, p) -> new TestHttpServer.Reply(200, 0, "hello", n % 2 == 0, n % 7 == 0))) {
            LoadResult r = run(LoadPlan.closed(server.url("/"), 8, Duration.ofSeconds(1)));

            // Over a hundred answers: a dozen of them closed their connection, half were chunked.
            assertThat(r.requests()).isGreaterThan(100);
            assertThat(r.errors()).isZero();
        }
    }

    @Test
    void rampGrowsTheRateFromZero() throws IOException {
        try (TestHttpServer server = start((n, p) -> TestHttpServer.Reply.ok(0))) {
            LoadResult r = run(
                    LoadPlan.open(server.url("/"), 1000, Duration.ofSeconds(3)).withRamp(Duration.ofSeconds(2)));

            // Half the rate on average over the 2 s ramp, then the full rate: 1000 + 1000 requests.
            assertThat(r.requests()).isCloseTo(2000, within(60L));
        }
    }

    @Test
    void usersThinkBetweenRequests() throws IOException {
        try (TestHttpServer server = start((n, p) -> TestHttpServer.Reply.ok(0))) {
            LoadPlan plan = new LoadPlan(
                    List.of(LoadRequest.get(server.url("/"))),
                    new LoadModel.Closed(5, Duration.ofMillis(100)),
                    Duration.ofSeconds(2),
                    Duration.ZERO,
                    0,
                    Duration.ofSeconds(1),
                    false,
                    false,
                    List.of());
            LoadResult r = run(plan);

            assertThat(r.requests()).isBetween(85L, 105L);
        }
    }

    @Test
    void abortOnFailStopsOnceAThresholdCanNoLongerBeMet() throws IOException {
        try (TestHttpServer server =
                start((n, p) -> n % 5 == 0 ? TestHttpServer.Reply.status(503) : TestHttpServer.Reply.ok(0))) {
            Threshold errors = new Threshold(Optional.of("errors"), Op.LT, 1, Optional.of("%"), "errors < 1%");
            LoadResult r = run(
                    LoadPlan.open(server.url("/"), 1000, Duration.ofSeconds(20)).withAbortOn(List.of(errors)));

            assertThat(r.abortedBy()).contains("errors < 1%");
            assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void interruptedCallerGetsWhatWasMeasuredSoFar() throws Exception {
        try (TestHttpServer server = start((n, p) -> TestHttpServer.Reply.ok(0))) {
            Thread caller = Thread.currentThread();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(1_500);
                } catch (InterruptedException e) {
                    return;
                }
                caller.interrupt();
            });
            LoadResult r = run(LoadPlan.open(server.url("/"), 500, Duration.ofSeconds(20)));
            Thread.interrupted();

            assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(4));
            // What the first 1.5 s measured (750 at the full rate; connecting, over TLS too, takes its share).
            assertThat(r.requests()).isGreaterThan(250);
        }
    }

    /** Answers after a fixed delay, except that once, for a while, it answers nothing until the stall ends. */
    private static final class StallOnce implements TestHttpServer.Behaviour {
        private final long delay;
        private final long after;
        private final long length;
        private final AtomicLong first = new AtomicLong();

        StallOnce(long delayNanos, long afterNanos, long lengthNanos) {
            this.delay = delayNanos;
            this.after = afterNanos;
            this.length = lengthNanos;
        }

        @Override
        public TestHttpServer.Reply reply(long n, String path) {
            long now = System.nanoTime();
            first.compareAndSet(0, now);
            long stallStart = first.get() + after;
            long stallEnd = stallStart + length;
            boolean stalled = now - stallStart >= 0 && now - stallEnd < 0;
            return TestHttpServer.Reply.ok(stalled ? stallEnd - now : delay);
        }
    }
}
