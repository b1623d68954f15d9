package io.golive.spec;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded {@code golive.yaml}: what is launched, when, from which checklist, and the checks that
 * verify its items.
 *
 * @param file the spec file, for messages and relative paths
 * @param launch T-0, when the spec gives it
 * @param checklists the checklist files, resolved against the spec's folder
 * @param secrets the values of every {@code ${ENV}} reference, to mask
 * @param schedule how often a server re-evaluates the launch ({@code schedule: every 15m})
 * @param signoffs sign-off roles the spec requires besides those the checklist names
 */
public record LaunchSpec(
        Path file,
        String name,
        Optional<Instant> launch,
        List<Path> checklists,
        Map<String, Target> targets,
        List<CheckSpec> checks,
        Optional<Duration> timeout,
        Secrets secrets,
        Optional<Duration> schedule,
        List<String> signoffs) {
    public LaunchSpec {
        requireNonNull(file, "null file");
        requireNonNull(name, "null name");
        requireNonNull(launch, "null launch");
        requireNonNull(timeout, "null timeout");
        requireNonNull(secrets, "null secrets");
        requireNonNull(schedule, "null schedule");
        checklists = List.copyOf(checklists);
        targets = Map.copyOf(targets);
        checks = List.copyOf(checks);
        signoffs = List.copyOf(signoffs);
    }

    /** A spec without a schedule. */
    public LaunchSpec(
            Path file,
            String name,
            Optional<Instant> launch,
            List<Path> checklists,
            Map<String, Target> targets,
            List<CheckSpec> checks,
            Optional<Duration> timeout,
            Secrets secrets) {
        this(file, name, launch, checklists, targets, checks, timeout, secrets, Optional.empty(), List.of());
    }

    /** The folder relative paths of the spec are resolved against. */
    public Path baseDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
