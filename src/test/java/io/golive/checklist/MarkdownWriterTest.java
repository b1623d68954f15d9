package io.golive.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.gate.Gate;
import io.golive.report.MarkdownReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Annotations written back into a checklist; the result imports to the same model. */
class MarkdownWriterTest {
    private final ChecklistImporter importer = new ChecklistImporter();

    @Test
    void gateTableStatusGoesIntoTheStatusCellOrANewStatusColumnAndReimportsTheSame() {
        String text = importer.readText(TableReaderTest.fixture("gates-nl.md"));
        Checklist original = importer.parse("gates-nl.md", text);

        String written = MarkdownReport.of(new Gate().evaluate(original, List.of()), text);
        Checklist again = importer.parse("gates-nl.md", written);

        List<String> lines = written.lines().toList();
        assertThat(lines.get(9)).isEqualTo("| # | Poort | Verificatie | Status |");
        assertThat(lines.get(10)).isEqualTo("|---|-------|-------------| --- |");
        assertThat(lines.get(11))
                .isEqualTo("| A1 | Pre-registratie bestond vóór eerste uitkomstinspectie"
                        + " | `git log --diff-filter=A -- prereg.md` | <!-- golive: PENDING --> |");
        assertThat(lines.get(23))
                .isEqualTo("| B1 | Paper trading gedraaid gedurende ≥ 4 weken | logboek `paper/`"
                        + " | ⏳ <!-- golive: PENDING --> |");
        assertThat(lines.get(25)).endsWith("| <!-- golive: PENDING --> |"); // B3's empty status cell
        assertThat(written).doesNotContain("| <!-- golive: PENDING -->\n");
        assertThat(again).isEqualTo(original);
    }

    @Test
    void pipesInAnAnnotationDoNotSplitTheRow() {
        String text = "# T\n| # | Gate | Status |\n|---|---|---|\n| 1 | Smoke test passes | ⏳ |\n";
        Checklist original = importer.parse("t.md", text);

        String written = MarkdownWriter.write(text, "report", Map.of(4, "FAIL; http: got a | b"));

        assertThat(written).contains("| 1 | Smoke test passes | ⏳ <!-- golive: FAIL; http: got a \\| b --> |");
        assertThat(importer.parse("t.md", written)).isEqualTo(original);
    }

    @Test
    void rowsWithoutTrailingPipeOrWithMissingCellsGetTheirStatusCell() {
        String text =
                "# T\n| # | Gate | How |\n|---|---|---|\n| 1 | Smoke test passes\n| 2 | Backups restored | log |\n";
        Checklist original = importer.parse("t.md", text);

        String written = MarkdownWriter.write(text, "r", Map.of(4, "PENDING", 5, "PASS"));

        assertThat(written.lines().toList().subList(1, 5))
                .containsExactly(
                        "| # | Gate | How | Status |",
                        "|---|---|---| --- |",
                        "| 1 | Smoke test passes |  | <!-- golive: PENDING --> |",
                        "| 2 | Backups restored | log | <!-- golive: PASS --> |");
        assertThat(importer.parse("t.md", written)).isEqualTo(original);
    }

    @Test
    void taskLinesAndBoxTablesKeepTheCommentAtTheEndOfTheLine() {
        String text = "# T\n- [ ] a\n\n| Check | Result |\n|---|---|\n| Smoke | [ ] Pass / [ ] Fail |\n";

        String written = MarkdownWriter.write(text, "r", Map.of(2, "PENDING", 6, "PENDING"));

        assertThat(written)
                .contains("- [ ] a <!-- golive: PENDING -->\n")
                .contains("| Smoke | [ ] Pass / [ ] Fail | <!-- golive: PENDING -->\n");
    }
}
