package io.golive.rollout;

import io.golive.spec.Node;
import io.golive.spec.Problems;
import java.util.Optional;

/**
 * A kind of action the spec's {@code traffic:} and {@code rollback:} may name ({@code command:},
 * {@code webhook:}, {@code kubernetes:}): binds the value under its key to an {@link Action}.
 */
public interface ActionKind {
    /** The spec key ("command"). */
    String key();

    /**
     * The action for the value under {@link #key()}; every problem goes to {@code problems} with its line
     * (then the result is empty).
     */
    Optional<Action> bind(Node config, ActionSite site, Problems problems);
}
