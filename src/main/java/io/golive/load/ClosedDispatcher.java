package io.golive.load;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The closed model's users on one event loop: each sends, waits for the answer, thinks, and sends
 * again. Latency counts from the actual send, as a user experiences it.
 */
final class ClosedDispatcher implements Dispatcher {
    /** After a failed attempt a user waits at least this long, so a refusing target is not hammered. */
    static final long RETRY_NANOS = 10_000_000;

    private final EventLoop loop;
    private final List<Connection> users;
    private final long[] startOffsets;
    private final long thinkNanos;
    private final RequestPicker picker;
    private final PriorityQueue<Connection> waiting =
            new PriorityQueue<>(Comparator.comparingLong((Connection c) -> c.wakeAt));

    /**
     * @param startOffsets when each user starts, in nanoseconds from {@code start} (the ramp)
     */
    ClosedDispatcher(
            EventLoop loop,
            List<Connection> users,
            long start,
            long[] startOffsets,
            long thinkNanos,
            RequestPicker picker) {
        this.loop = loop;
        this.users = users;
        this.startOffsets = startOffsets.clone();
        for (int i = 0; i < this.startOffsets.length; i++) {
            this.startOffsets[i] += start;
        }
        this.thinkNanos = thinkNanos;
        this.picker = picker;
    }

    @Override
    public void start(long now) {
        for (int i = 0; i < users.size(); i++) {
            Connection c = users.get(i);
            c.wakeAt = startOffsets[i];
            waiting.add(c);
        }
    }

    @Override
    public void tick(long now) {
        while (!waiting.isEmpty() && waiting.peek().wakeAt - now <= 0) {
            Connection c = waiting.poll();
            loop.send(c, picker.pick(c.origin), now, now);
        }
    }

    @Override
    public long nextWake() {
        return waiting.isEmpty() ? Long.MAX_VALUE : waiting.peek().wakeAt;
    }

    @Override
    public void onFree(Connection c, long now, boolean failed) {
        long delay = failed ? Math.max(thinkNanos, RETRY_NANOS) : thinkNanos;
        if (delay == 0) {
            loop.send(c, picker.pick(c.origin), now, now);
        } else {
            c.wakeAt = now + delay;
            waiting.add(c);
        }
    }
}
