package io.golive.rollout;

import java.util.Optional;

/**
 * Where a rollout's state and its chained events are kept, and where requests to its guard wait: a
 * file beside the spec for {@code golive rollout} ({@link StateFile}), the database on the server. The
 * guard saves after every reading and action; a store that may no longer be written (another guard
 * took the rollout over) throws from {@link #save} and the guard stops.
 */
public interface RolloutStore {
    /** The saved state with its events; empty when the rollout has not started. */
    Optional<RolloutState> load();

    /** Keeps the state and the events not yet kept, all or nothing. */
    void save(RolloutState state);

    /** Where pause, resume and abort requests for the guard wait. */
    Requests requests();

    /** The store in words, for messages ({@code .golive/shop.rollout.json}, {@code rollout 7}). */
    String where();
}
