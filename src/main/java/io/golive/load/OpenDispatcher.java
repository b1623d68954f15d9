package io.golive.load;

import java.util.ArrayDeque;

/**
 * The open model's share of one event loop: sends at the intended times of an {@link ArrivalSchedule}
 * on whichever connection is free. When none is, requests wait and their latency keeps counting from
 * the intended time, which is what corrects coordinated omission.
 */
final class OpenDispatcher implements Dispatcher {
    /** A send later than this with a connection free means the generator itself fell behind. */
    static final long LATE_NANOS = 10_000_000;

    private final EventLoop loop;
    private final Iterable<Connection> connections;
    private final ArrivalSchedule schedule;
    private final RequestPicker picker;
    private final long start;
    private final long end;
    private final double nanosPerArrival;
    private final ArrayDeque<Connection>[] free;
    private long nextDue;
    private EncodedRequest pending;
    private boolean blocked;
    private boolean blockedSinceDue;

    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of deques: the hot path indexes it directly
    OpenDispatcher(
            EventLoop loop,
            Iterable<Connection> connections,
            int origins,
            ArrivalSchedule schedule,
            double loopRate,
            RequestPicker picker,
            long start,
            long end) {
        this.loop = loop;
        this.connections = connections;
        this.schedule = schedule;
        this.picker = picker;
        this.start = start;
        this.end = end;
        this.nanosPerArrival = 1e9 / loopRate;
        this.free = new ArrayDeque[origins];
        for (int i = 0; i < origins; i++) {
            free[i] = new ArrayDeque<>();
        }
        this.nextDue = start + schedule.next();
    }

    @Override
    public void start(long now) {
        for (Connection c : connections) {
            loop.preconnect(c, now);
        }
    }

    @Override
    public void tick(long now) {
        while (nextDue - now <= 0 && nextDue - end < 0) {
            if (pending == null) {
                pending = picker.pick();
            }
            Connection c = free[pending.origin].pollFirst();
            if (c == null) {
                onBlocked(now);
                return;
            }
            long late = now - nextDue;
            if (!blockedSinceDue) {
                // A connection was free: any lateness is the generator's own (scheduling, CPU).
                loop.counters.add(LoopCounters.ON_TIME_CANDIDATES, 1);
                loop.counters.add(LoopCounters.OWN_LAG_NANOS, late);
            }
            if (late > LATE_NANOS) {
                loop.counters.add(blockedSinceDue ? LoopCounters.BLOCKED_SENDS : LoopCounters.LATE_SENDS, 1);
            }
            loop.send(c, pending, nextDue, now);
            pending = null;
            nextDue = start + schedule.next();
        }
        blocked = false;
        blockedSinceDue = false;
    }

    private void onBlocked(long now) {
        blocked = true;
        blockedSinceDue = true;
        loop.counters.max(LoopCounters.MAX_BACKLOG, 1 + (long) ((now - nextDue) / nanosPerArrival));
    }

    @Override
    public long nextWake() {
        return blocked || nextDue - end >= 0 ? Long.MAX_VALUE : nextDue;
    }

    @Override
    public void onFree(Connection c, long now, boolean failed) {
        // Connected slots are reused first (hot sockets); closed ones connect again when needed.
        if (c.state == Connection.IDLE) {
            free[c.origin].addFirst(c);
        } else {
            free[c.origin].addLast(c);
        }
        blocked = false;
    }
}
