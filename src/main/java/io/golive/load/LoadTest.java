package io.golive.load;

import static java.util.Objects.requireNonNull;

import io.golive.GoliveException;
import io.golive.checklist.Threshold;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a load test: one non-blocking event loop per core (as many as the load needs), each driving its
 * share of the connections, watched from the calling thread until the plan's duration is over.
 *
 * <pre>{@code
 * LoadResult r = LoadTest.run(LoadPlan.open(url, 1000, Duration.ofSeconds(30)), clock, ProgressListener.none());
 * List<ThresholdResult> verdicts = r.evaluate(thresholds);
 * }</pre>
 */
public final class LoadTest {
    /** One loop per this many requests per second of the open model; one loop easily sends that many. */
    private static final double RATE_PER_LOOP = 25_000;

    private LoadTest() {}

    /**
     * Runs the plan and returns what it measured. It always stops at the plan's duration (or earlier,
     * when a threshold of {@link LoadPlan#abortOn()} can no longer be met).
     *
     * @throws io.golive.InputException when the plan is invalid or a target is not loopback and remote
     *     targets are not allowed; no request has been sent then
     */
    public static LoadResult run(LoadPlan plan, Clock clock, ProgressListener listener) {
        requireNonNull(plan, "null plan");
        requireNonNull(clock, "null clock");
        requireNonNull(listener, "null listener");
        plan.requireValid();
        List<InetSocketAddress> origins = Origins.resolve(plan.requests(), plan.allowRemote());
        List<EncodedRequest> encoded = plan.requests().stream()
                .map(r -> EncodedRequest.of(r, Origins.indexOf(plan.requests(), r), plan.keepAlive()))
                .toList();
        int[] weights = plan.requests().stream().mapToInt(LoadRequest::weight).toArray();
        double[] originWeights = new double[origins.size()];
        for (int i = 0; i < encoded.size(); i++) {
            originWeights[encoded.get(i).origin] += weights[i];
        }
        Tls tls = Tls.of(plan, Origins.firstUrls(plan.requests()));
        if (tls != null) {
            tls.warmUp(origins, plan.timeout());
        }
        return new Run(plan, clock, listener, origins, tls, encoded, weights, originWeights).execute();
    }

    /** The loops of one run and their assembly into a result. */
    private static final class Run {
        private final LoadPlan plan;
        private final Clock clock;
        private final ProgressListener listener;
        private final List<InetSocketAddress> origins;
        private final Tls tls;
        private final List<EncodedRequest> encoded;
        private final int[] weights;
        private final double[] originWeights;
        private final List<Driver> loops = new ArrayList<>();
        private final List<List<Connection>> slots;
        private final int connections;

        Run(
                LoadPlan plan,
                Clock clock,
                ProgressListener listener,
                List<InetSocketAddress> origins,
                Tls tls,
                List<EncodedRequest> encoded,
                int[] weights,
                double[] originWeights) {
            this.plan = plan;
            this.clock = clock;
            this.listener = listener;
            this.origins = origins;
            this.tls = tls;
            this.encoded = encoded;
            this.weights = weights;
            this.originWeights = originWeights;
            this.connections = Math.max(plan.effectiveConnections(), origins.size());
            int loopCount = loopCount(plan, connections, origins.size());
            this.slots = plan.model() instanceof LoadModel.Open
                    ? Slots.openModel(connections, loopCount, originWeights)
                    : Slots.closedModel(connections, loopCount, originWeights);
        }

        LoadResult execute() {
            var startedAt = clock.instant();
            long start = System.nanoTime();
            long end = start + plan.duration().toNanos();
            ArrivalSchedule whole = schedule(0, 1);
            double planned = whole == null ? 0 : whole.dueBy(plan.duration().toNanos() / 1e9);
            List<Thread> threads = startLoops(start, end);
            Monitor monitor = new Monitor(loops, plan, start, end, planned, listener);
            Optional<Threshold> abortedBy;
            boolean interrupted;
            try {
                abortedBy = monitor.watch();
            } finally {
                // An interrupted caller still waits for the loops to stop, then gets its flag back.
                interrupted = Thread.interrupted();
                loops.forEach(Driver::stop);
                join(threads, end);
            }
            long stoppedAt = Math.min(System.nanoTime(), end);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            failure().ifPresent(e -> {
                throw new GoliveException("the load engine failed: " + e, e);
            });
            monitor.collect();
            return new ResultBuilder(plan, monitor, loops, connections)
                    .build(startedAt, stoppedAt - start, whole, abortedBy);
        }

        private List<Thread> startLoops(long start, long end) {
            List<Thread> threads = new ArrayList<>();
            try {
                for (int i = 0; i < slots.size(); i++) {
                    EventLoop loop = new EventLoop(
                            slots.get(i), origins, tls, plan.timeout().toNanos(), end);
                    loop.dispatcher(dispatcher(loop, i, start, end));
                    loop.keepAlive(plan.keepAlive());
                    if (plan.streams() > 0) {
                        loop.http2(plan.streams());
                    }
                    loops.add(loop);
                }
            } catch (IOException e) {
                throw new GoliveException("could not open a selector: " + e.getMessage(), e);
            }
            for (int i = 0; i < loops.size(); i++) {
                Thread t = new Thread(loops.get(i), "golive-load-" + i);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
            return threads;
        }

        private Dispatcher dispatcher(EventLoop loop, int index, long start, long end) {
            RequestPicker picker =
                    new RequestPicker(encoded, weights, origins.size(), 0x9E3779B97F4A7C15L * (index + 1));
            List<Connection> mine = slots.get(index);
            return switch (plan.model()) {
                case LoadModel.Open open ->
                    new OpenDispatcher(
                            loop,
                            mine,
                            origins.size(),
                            schedule(index, slots.size()),
                            open.ratePerSecond() / slots.size(),
                            picker,
                            start,
                            end);
                case LoadModel.Closed closed -> {
                    long[] offsets = new long[mine.size()];
                    for (int k = 0; k < offsets.length; k++) {
                        long user = (long) k * slots.size() + index;
                        offsets[k] = plan.ramp().toNanos() * user / closed.users();
                    }
                    yield new ClosedDispatcher(
                            loop, mine, start, offsets, closed.think().toNanos(), picker);
                }
            };
        }

        private ArrivalSchedule schedule(int first, int stride) {
            return plan.model() instanceof LoadModel.Open open
                    ? new ArrivalSchedule(open.ratePerSecond(), plan.ramp(), first, stride)
                    : null;
        }

        private Optional<Throwable> failure() {
            return loops.stream().map(Driver::failure).filter(f -> f != null).findFirst();
        }
    }

    private static int loopCount(LoadPlan plan, int connections, int origins) {
        int cores = Runtime.getRuntime().availableProcessors();
        int wanted = switch (plan.model()) {
            case LoadModel.Open open ->
                (int) Math.min(Math.ceil(open.ratePerSecond() / RATE_PER_LOOP), connections / origins);
            case LoadModel.Closed closed -> closed.users();
        };
        return Math.max(1, Math.min(cores, wanted));
    }

    private static void join(List<Thread> threads, long end) {
        // Every loop wait is bounded, so they end promptly; the margin covers a loaded machine.
        long deadline = Math.max(System.nanoTime(), end) + 5_000_000_000L;
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
