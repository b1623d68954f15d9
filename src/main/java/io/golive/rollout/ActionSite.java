package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.spec.Secrets;
import io.golive.spec.Target;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where an action is bound: its role, the spec's folder (relative commands run there), the spec's named
 * targets ({@code target: cluster}) and the secrets to mask.
 *
 * @param role {@code "traffic"} or {@code "rollback"}, for messages
 */
public record ActionSite(String role, Path baseDir, Map<String, Target> targets, Secrets secrets) {
    public ActionSite {
        requireNonNull(role, "null role");
        requireNonNull(baseDir, "null baseDir");
        requireNonNull(secrets, "null secrets");
        targets = Map.copyOf(targets);
    }
}
