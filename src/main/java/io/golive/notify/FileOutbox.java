package io.golive.notify;

import static java.util.Objects.requireNonNull;

import io.golive.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An outbox in one JSON file, rewritten whole on every change through a temporary file and an atomic
 * rename, so a crash leaves either the old or the new content and never half of one.
 */
public final class FileOutbox implements Outbox {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final List<Delivery> deliveries;

    /** Opens (or starts) the outbox in {@code file}. */
    public FileOutbox(Path file) {
        this.file = requireNonNull(file, "null file");
        this.deliveries = Files.exists(file) ? load(file) : new ArrayList<>();
    }

    @Override
    public synchronized void add(Delivery d) {
        deliveries.add(requireNonNull(d, "null delivery"));
        save();
    }

    @Override
    public synchronized void update(Delivery d) {
        for (int i = 0; i < deliveries.size(); i++) {
            if (deliveries.get(i).id().equals(d.id())) {
                deliveries.set(i, d);
                save();
                return;
            }
        }
        throw new IllegalArgumentException("no delivery " + d.id() + " in " + file);
    }

    @Override
    public synchronized List<Delivery> pending() {
        return deliveries.stream().filter(d -> d.outcome() == Outcome.PENDING).toList();
    }

    @Override
    public synchronized List<Delivery> all() {
        return List.copyOf(deliveries);
    }

    private void save() {
        List<Map<String, Object>> out =
                deliveries.stream().map(FileOutbox::write).toList();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(
                    tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the notification outbox " + file, e);
        }
    }

    private static List<Delivery> load(Path file) {
        try {
            List<Map<String, Object>> in = JSON.readValue(Files.readString(file), new TypeReference<>() {});
            List<Delivery> out = new ArrayList<>();
            in.forEach(m -> out.add(read(m)));
            return out;
        } catch (IOException | RuntimeException e) {
            // our own file, damaged: say which, not the parser's words
            throw new InputException(file + ": not a golive notification outbox (delete it to start afresh)");
        }
    }

    private static Map<String, Object> write(Delivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("at", d.at().toString());
        m.put("destination", d.destination());
        m.put("channel", d.channel());
        m.put("format", d.format());
        m.put("shown", d.shown());
        m.put("event", EventJson.toMap(d.event()));
        m.put("outcome", d.outcome().name());
        m.put("attempts", d.attempts());
        m.put("lastError", d.lastError().orElse(null));
        m.put("nextAttempt", d.nextAttempt().toString());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Delivery read(Map<String, Object> m) {
        Event event = EventJson.fromMap((Map<String, Object>) m.get("event"));
        return new Delivery(
                (String) m.get("id"),
                Instant.parse((String) m.get("at")),
                ((Number) m.get("destination")).intValue(),
                (String) m.get("channel"),
                (String) m.get("format"),
                (String) m.get("shown"),
                event,
                Outcome.valueOf((String) m.get("outcome")),
                ((Number) m.get("attempts")).intValue(),
                Optional.ofNullable((String) m.get("lastError")),
                Instant.parse((String) m.get("nextAttempt")));
    }
}
