package io.golive.probe.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.checklist.ThresholdParser;
import io.golive.probe.Observation;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file probe on real files with set modification times. */
class FileProbeTest {
    @TempDir
    Path dir;

    Observation run(FileConfig c, List<io.golive.checklist.Threshold> inherited) {
        return new FileProbe()
                .run(
                        c,
                        new ProbeContext(
                                Clock.systemUTC(),
                                Clock.systemUTC().instant().plusSeconds(5),
                                Map.of(),
                                dir,
                                inherited,
                                Secrets.none()));
    }

    Path file(String name, String text, long ageSeconds) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(ageSeconds)));
        return p;
    }

    @Test
    void newestBackupYoungerThanTheRpoPasses() throws IOException {
        file("backups/a.dump", "old", 7200);
        file("backups/b.dump", "new dump", 60);
        Observation o = run(new FileConfig("backups/*.dump", "15m", null, null), List.of());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.measurements()).containsEntry("newest", "backups/b.dump").containsEntry("bytes", 8L);
    }

    @Test
    void aStaleBackupFails() throws IOException {
        file("backups/a.dump", "old", 7200);
        assertThat(run(new FileConfig("backups/*.dump", "15m", null, null), List.of())
                        .status())
                .isEqualTo(Status.FAIL);
        Observation inherited = run(
                new FileConfig("backups/*.dump", null, null, null),
                ThresholdParser.findAll("Recovery Point Objective (RPO): < 15 minutes"));
        assertThat(inherited.status()).isEqualTo(Status.FAIL);
        assertThat(inherited.summary()).contains("RPO < 15min");
    }

    @Test
    void noMatchIsAnErrorNotAPass() {
        Observation o = run(new FileConfig("backups/*.dump", "15m", null, null), List.of());
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).isEqualTo("no file matches backups/*.dump");
    }

    @Test
    void sizeAndContentAreChecked() throws IOException {
        file("docs/RUNBOOK.md", "# Runbook\n## Rollback\n", 10);
        assertThat(run(new FileConfig("docs/RUNBOOK.md", null, 5L, "(?m)^## Rollback"), List.of())
                        .status())
                .isEqualTo(Status.PASS);
        assertThat(run(new FileConfig("docs/RUNBOOK.md", null, 5000L, null), List.of())
                        .status())
                .isEqualTo(Status.FAIL);
        assertThat(run(new FileConfig("docs/RUNBOOK.md", null, null, "Escalation"), List.of())
                        .summary())
                .contains("does not contain");
    }

    @Test
    void invalidConfigIsReported() {
        assertThat(new FileConfig(null, "soon", null, "(").validate()).hasSize(3);
    }

    @Test
    void anHourlyCriterionIsMetByABackupLessThanAnHourOldAndReportsItsAgeInHours() throws IOException {
        List<io.golive.checklist.Threshold> hourly =
                List.of(ThresholdParser.parseCell("Active Backups", "Hourly").orElseThrow());
        file("backups/a.dump", "x", 600);
        Observation fresh = run(new FileConfig("backups/*.dump", null, null, null), hourly);
        assertThat(fresh.status()).isEqualTo(Status.PASS);
        assertThat(fresh.actual().orElseThrow().unit()).hasValue("h");
        assertThat(fresh.actual().orElseThrow().value()).isBetween(0.16, 0.18);
        file("backups/a.dump", "x", 7200);
        Observation stale = run(new FileConfig("backups/*.dump", null, null, null), hourly);
        assertThat(stale.status()).isEqualTo(Status.FAIL);
        assertThat(stale.actual().orElseThrow().text()).isEqualTo("2h");
    }
}
