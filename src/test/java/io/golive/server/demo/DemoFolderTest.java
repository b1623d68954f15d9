package io.golive.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFolderTest {
    private static final LocalDate DAY_ONE = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;

    @Test
    void aTemporaryFolderIsDeletedWithItsContentOnClose() throws IOException {
        DemoFolder folder = DemoFolder.temporary(DAY_ONE);
        Files.createDirectories(folder.dir().resolve("sub"));
        Files.writeString(folder.dir().resolve("sub/golive.mv.db"), "x");
        folder.close();
        assertThat(folder.dir()).doesNotExist();
        folder.close();
    }

    @Test
    void aKeptFolderRemembersItsFirstDayAndTheTargetPort() {
        Path data = dir.resolve("demo");
        DemoFolder first = DemoFolder.at(data, DAY_ONE);
        assertThat(first.targetPort()).isEmpty();
        first.remember(41234);
        first.close();
        assertThat(data).isDirectory();

        DemoFolder again = DemoFolder.at(data, DAY_ONE.plusDays(5));
        assertThat(again.day()).isEqualTo(DAY_ONE);
        assertThat(again.targetPort()).hasValue(41234);
        assertThat(again.isTemporary()).isFalse();
    }

    @Test
    void aFolderWithAnotherGoliveDatabaseIsRefused() throws IOException {
        Files.writeString(dir.resolve("golive.mv.db"), "");
        assertThatThrownBy(() -> DemoFolder.at(dir, DAY_ONE))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("did not create");
    }
}
