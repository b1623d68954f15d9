package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rollout's state file, written atomically (a synced temporary file renamed over the old one), so
 * a guard killed at any moment leaves either the previous state or the new one, never half of one.
 */
public final class StateFile {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path path;

    public StateFile(Path path) {
        this.path = requireNonNull(path, "null path").toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** The saved state; empty when there is none yet. Bad content is an {@link InputException}. */
    public Optional<RolloutState> load() {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new InputException(path + ": cannot read the rollout state: " + e.getMessage(), e);
        }
        try {
            Map<String, Object> m = JSON.readValue(text, new TypeReference<Map<String, Object>>() {});
            return Optional.of(RolloutState.fromJson(m));
        } catch (JacksonException e) {
            throw new InputException(path + ": not a rollout state file (not valid JSON at line "
                    + (e.getLocation() == null ? 1 : e.getLocation().getLineNr()) + ")");
        } catch (IllegalArgumentException e) {
            throw new InputException(path + ": " + e.getMessage());
        }
    }

    /** Writes the state atomically. */
    public void save(RolloutState state) {
        byte[] bytes = (JSON.writeValueAsString(state.toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(path.getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            try (FileChannel ch = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot write the rollout state", e);
        }
    }

    /** Where control requests (resume, pause, abort) for a running guard are left. */
    Path controlPath() {
        return path.resolveSibling(path.getFileName() + ".control");
    }

    Path lockPath() {
        return path.resolveSibling(path.getFileName() + ".lock");
    }
}
