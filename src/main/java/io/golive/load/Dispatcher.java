package io.golive.load;

/** Decides when the connections of one event loop send: at a fixed rate, or as users do. */
interface Dispatcher {
    /** Called once on the loop's thread before the first wait. */
    void start(long now);

    /** Sends whatever is due by {@code now}. */
    void tick(long now);

    /** When {@link #tick} has something to do next, or {@link Long#MAX_VALUE} when only I/O can help. */
    long nextWake();

    /** A connection has no request in flight any more; {@code failed} when its last attempt failed. */
    void onFree(Connection c, long now, boolean failed);
}
