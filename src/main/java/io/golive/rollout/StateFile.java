package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.GoliveException;
import io.golive.InputException;
import io.golive.ParseErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rollout's state: a small JSON file rewritten atomically (a synced temporary file renamed over the
 * old one) after every reading, and beside it an append-only event log, one JSON event per line, that
 * the state file names with the count and hash of its last event. A guard killed at any moment leaves
 * the previous state or the new one, never half of one; log lines past the count (written just before
 * the kill) are dropped when a guard carries on. Appending keeps a day of one-second readings cheap.
 */
public final class StateFile implements RolloutStore {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonMapper LINE = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final Path path;
    private final boolean durable;
    private int persisted;
    private long validBytes = -1;

    public StateFile(Path path) {
        this(path, true);
    }

    /** @param durable whether every write is synced to the disk (tests of the logic may skip it) */
    StateFile(Path path, boolean durable) {
        this.path = requireNonNull(path, "null path").toAbsolutePath();
        this.durable = durable;
    }

    public Path path() {
        return path;
    }

    @Override
    public String where() {
        return path.toString();
    }

    /** Requests wait in a file beside the state ({@link Control}). */
    @Override
    public Requests requests() {
        return new Control(this);
    }

    /** The event log beside the state file: {@code shop.rollout.json} keeps {@code shop.rollout.events.jsonl}. */
    public Path eventLog() {
        String name = path.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return path.resolveSibling(base + ".events.jsonl");
    }

    /** The saved state with its events; empty when there is none yet. Bad content is an {@link InputException}. */
    @Override
    @SuppressWarnings("unchecked")
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
            Map<String, Object> m = JSON.readValue(text, MAP);
            Map<String, Object> head = (Map<String, Object>) m.getOrDefault("events", Map.of());
            int count = head.get("count") instanceof Number n ? n.intValue() : 0;
            List<Map<String, Object>> events = readLog(count);
            RolloutState s = RolloutState.fromJson(m, events);
            persisted = count;
            s.checkEvents(
                    count,
                    String.valueOf(head.get("head")),
                    eventLog().getFileName().toString());
            return Optional.of(s);
        } catch (JacksonException e) {
            throw new InputException(
                    path + ": not a rollout state file (not valid JSON at line " + ParseErrors.line(e) + ")");
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new InputException(path + ": " + e.getMessage());
        }
    }

    /** The first {@code count} events of the log; remembers where they end, to drop what follows. */
    private List<Map<String, Object>> readLog(int count) {
        List<Map<String, Object>> out = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(eventLog());
        } catch (NoSuchFileException e) {
            validBytes = 0;
            return out;
        } catch (IOException e) {
            throw new InputException(eventLog() + ": cannot read the event log: " + e.getMessage(), e);
        }
        int start = 0;
        for (int i = 0; i < bytes.length && out.size() < count; i++) {
            if (bytes[i] == '\n') {
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                try {
                    out.add(new LinkedHashMap<>(LINE.readValue(line, MAP)));
                } catch (JacksonException e) {
                    break; // a damaged line: the chain check reports what follows as missing
                }
                start = i + 1;
            }
        }
        validBytes = start;
        return out;
    }

    /** Appends the events not yet written, then writes the state atomically. */
    @Override
    public void save(RolloutState state) {
        try {
            Files.createDirectories(path.getParent());
            appendEvents(state);
            Map<String, Object> m = state.fields();
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("log", eventLog().getFileName().toString());
            head.put("count", state.events.size());
            head.put("head", state.head());
            m.put("events", head);
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            write(tmp, (JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GoliveException(path + ": cannot write the rollout state: " + e.getMessage(), e);
        }
    }

    private void appendEvents(RolloutState state) throws IOException {
        if (validBytes < 0) {
            validBytes = 0; // a new state: a log left from an earlier one is replaced
        }
        StringBuilder sb = new StringBuilder();
        for (int i = persisted; i < state.events.size(); i++) {
            sb.append(LINE.writeValueAsString(state.events.get(i))).append('\n');
        }
        try (FileChannel ch = FileChannel.open(eventLog(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (ch.size() != validBytes) {
                ch.truncate(validBytes);
            }
            ch.position(validBytes);
            ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (durable) {
                ch.force(false);
            }
            validBytes = ch.position();
        }
        persisted = state.events.size();
    }

    private void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (durable) {
                ch.force(true);
            }
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
