package io.golive.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.Seeds;
import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.gate.Evaluation;
import io.golive.gate.Gate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --format md} writes each item's status, and importing that output gives the same model. */
class MarkdownRoundTripTest {
    @ParameterizedTest
    @ValueSource(strings = {"000", "001", "002", "003", "004"})
    void writtenBackChecklistImportsToTheSameModel(String seed) {
        ChecklistImporter importer = new ChecklistImporter();
        Path file = Seeds.seed(seed);
        String text = importer.readText(file);
        Checklist original = importer.parse(file.toString(), text);
        Evaluation e = new Gate().evaluate(original, List.of());
        String written = MarkdownReport.of(e, text);

        Checklist again = importer.parse(file.toString(), written);

        assertThat(written).contains("golive: NO-GO").contains("<!-- golive: PENDING -->");
        assertThat(ModelJson.of(again)).isEqualTo(ModelJson.of(original));
    }
}
