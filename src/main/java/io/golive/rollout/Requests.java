package io.golive.rollout;

import java.util.Optional;

/** The request waiting for a running guard (pause, resume, abort), read at each of its readings. */
public interface Requests {
    /** The request waiting, if any, without taking it. */
    Optional<Control.Request> pending();

    /** Removes {@code request} once the state holds its effect (a newer request stays). */
    void taken(Control.Request request);
}
