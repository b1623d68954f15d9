package io.golive.server.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.golive.InputException;
import io.golive.probe.ProbeRegistry;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecFilesTest {
    private static final ProbeRegistry REGISTRY = ProbeRegistry.load(SpecFilesTest.class.getClassLoader());
    private static final String CHECKLIST = "# Launch\n## Before\n- [ ] Health endpoint answers\n";

    @Test
    void anUploadIsLoadedInMemoryWithoutWritingAFile() {
        String spec = "name: shop\nchecklist: LAUNCH.md\nchecks:\n"
                + "  - item: before/health-endpoint-answers\n    http: { url: \"http://127.0.0.1:9/\" }\n";
        SpecFiles files = SpecFiles.load(new LaunchSources(spec, Map.of("LAUNCH.md", CHECKLIST)), REGISTRY, Map.of());

        assertThat(files.planned()).hasSize(1);
        assertThat(files.checklistNames()).containsExactly("LAUNCH.md");
        assertThat(files.spec().file()).doesNotExist();
        assertThat(Files.exists(SpecFiles.HOME))
                .as("the upload's folder is never created")
                .isFalse();
    }

    @Test
    void aChecklistNotUploadedIsReportedTogetherWithTheSpecsOtherProblems() {
        String spec = "name: shop\nchecklist: ../../etc/passwd\ntimeout: soon\n";
        InputException e = catchThrowableOfType(
                InputException.class,
                () -> SpecFiles.load(new LaunchSources(spec, Map.of("LAUNCH.md", CHECKLIST)), REGISTRY, Map.of()));

        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems())
                .anySatisfy(p -> assertThat(p)
                        .startsWith("golive.yaml:2:")
                        .contains("/etc/passwd\" is not one of the uploaded files [LAUNCH.md]"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("golive.yaml:3:"));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p).doesNotContain(SpecFiles.HOME.toString()));
    }

    @Test
    void aNotifyEntryThatDoesNotReadIsRefusedAtUploadNamingItsLine() {
        String spec = "name: shop\nchecklist: LAUNCH.md\nnotify:\n  - webhook: \"http://127.0.0.1:9/hook\"\n"
                + "    format: discord\n";
        InputException e = catchThrowableOfType(
                InputException.class,
                () -> SpecFiles.load(new LaunchSources(spec, Map.of("LAUNCH.md", CHECKLIST)), REGISTRY, Map.of())
                        .requireNotifyReads());

        assertThat(e).as("a broken notify: entry is an input error").isNotNull();
        assertThat(e.problems())
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("golive.yaml:5:").contains("discord"));
    }
}
