package io.golive.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.golive.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOutboxTest {
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    private static Delivery delivery(String id) {
        Event e = Event.decision(new Launch("7", "shop"), AT, "GO", "NO_GO", List.of("tls expires"));
        return Delivery.pending(id, AT, BodiesTest.to(Format.SLACK), e);
    }

    @Test
    void deliveriesSurviveReopeningTheFile() {
        Path file = dir.resolve("outbox.json");
        FileOutbox first = new FileOutbox(file);
        first.add(delivery("a"));
        first.add(delivery("b"));
        first.update(first.all().get(0).failed("HTTP 500", Optional.of(AT.plusSeconds(60))));
        first.update(first.all().get(1).sent());

        FileOutbox reopened = new FileOutbox(file);

        assertThat(reopened.all()).isEqualTo(first.all());
        assertThat(reopened.pending()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("a");
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastError()).contains("HTTP 500");
            assertThat(d.nextAttempt()).isEqualTo(AT.plusSeconds(60));
            assertThat(d.event().details()).containsEntry("reasons", List.of("tls expires"));
        });
        assertThat(reopened.all().get(1).outcome()).isEqualTo(Outcome.SENT);
        assertThat(dir.resolve("outbox.json.tmp")).doesNotExist();
    }

    @Test
    void theFileNamesDestinationsOnlyMasked() throws Exception {
        Path file = dir.resolve("outbox.json");
        new FileOutbox(file).add(delivery("a"));

        assertThat(Files.readString(file)).contains("https://example.com/****").doesNotContain("/hook");
    }

    @Test
    void aDamagedFileIsNamedNotParsedAloud() throws Exception {
        Path file = Files.writeString(dir.resolve("outbox.json"), "[{\"id\": 3,");

        InputException e = catchThrowableOfType(InputException.class, () -> new FileOutbox(file));

        assertThat(e.getMessage()).isEqualTo(file + ": not a golive notification outbox (delete it to start afresh)");
    }

    @Test
    void updatingAnUnknownDeliveryIsAnError() {
        FileOutbox box = new FileOutbox(dir.resolve("o.json"));

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> box.update(delivery("x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(box.all()).isEmpty();
    }
}
