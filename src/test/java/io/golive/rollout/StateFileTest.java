package io.golive.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file and its event log on a real disk, synced as in production. */
class StateFileTest {
    @TempDir
    Path dir;

    @Test
    void theStateFileDropsLogLinesPastWhatTheStateCounts() throws Exception {
        StateFile file = new StateFile(dir.resolve("s.rollout.json"));
        RolloutState s = new RolloutState("shop");
        s.record("started", java.time.Instant.parse("2026-12-01T09:00:00Z"), Map.of("forced", false));
        file.save(s);
        // A kill after the log was appended but before the state was written leaves an extra line.
        Files.writeString(
                file.eventLog(), "{\"seq\":2,\"type\":\"weight\"}\n", java.nio.file.StandardOpenOption.APPEND);

        StateFile again = new StateFile(dir.resolve("s.rollout.json"));
        RolloutState loaded = again.load().orElseThrow();
        assertThat(loaded.events()).hasSize(1);
        assertThat(loaded.chainProblem()).isEmpty();
        loaded.record("weight", java.time.Instant.parse("2026-12-01T09:00:01Z"), Map.of("weight", 10));
        again.save(loaded);

        assertThat(Files.readAllLines(again.eventLog()))
                .hasSize(2)
                .last()
                .asString()
                .contains("\"weight\":10");
        assertThat(new StateFile(dir.resolve("s.rollout.json"))
                        .load()
                        .orElseThrow()
                        .chainProblem())
                .isEmpty();
    }

    @Test
    void aStateFileThatIsNotJsonIsBadInputNamingTheFile() throws Exception {
        Path p = Files.writeString(dir.resolve("bad.json"), "{ not json");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StateFile(p).load())
                .isInstanceOf(io.golive.InputException.class)
                .hasMessageContaining("bad.json: not a rollout state file");
    }
}
