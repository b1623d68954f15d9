package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Requests to a running guard from another process ({@code resume}, {@code pause}, {@code abort}): a
 * small file beside the state that the guard reads and removes at its next reading. An abort already
 * waiting is never replaced by a weaker request.
 */
public final class Control implements Requests {
    /** What another process asks of the guard. */
    public enum Request {
        PAUSE,
        RESUME,
        ABORT
    }

    private final Path path;

    public Control(StateFile state) {
        this.path = requireNonNull(state, "null state").controlPath();
    }

    /** Leaves a request for the guard. */
    public void send(Request request) {
        if (pending().filter(r -> r == Request.ABORT).isPresent()) {
            return;
        }
        try {
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(tmp, request.name() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot write the request", e);
        }
    }

    @Override
    public Optional<Request> pending() {
        try {
            String t = Files.readString(path, StandardCharsets.UTF_8).strip().toUpperCase(Locale.ROOT);
            return Optional.of(Request.valueOf(t));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // half-written or foreign content: taken as no request
        }
    }

    @Override
    public void taken(Request request) {
        clear();
    }

    /** Removes the request the guard has acted on. */
    void clear() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot remove the request", e);
        }
    }
}
