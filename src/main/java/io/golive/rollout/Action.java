package io.golive.rollout;

import java.time.Duration;
import java.util.Map;

/**
 * Something the guard does to the world: set the new version's traffic share, or roll it back. One
 * implementation per kind ({@code command}, {@code webhook}, {@code kubernetes}), made by its
 * {@link ActionKind} from the spec.
 */
public interface Action {
    /**
     * Runs the action once. A failure of the outside world (exit code, HTTP status, refused, timed out)
     * is a failed {@link ActionResult}, never an exception; the guard retries and decides.
     *
     * @param weight the new version's share, 0 to 100 ({@code {weight}} in templates); a rollback gets 0
     * @param timeout the action must return by then, its process or connection abandoned
     */
    ActionResult run(int weight, Duration timeout);

    /** What the action does, for {@code --dry-run} and the {@code started} event; secrets masked. */
    Map<String, Object> describe();
}
