package io.golive.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.gate.CheckResult;
import io.golive.gate.Evaluation;
import io.golive.gate.Gate;
import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every format shows each Go/No-Go criterion with its actual value, status and evidence. */
class CriteriaReportTest {
    private static final String MD = """
            # Launch
            ## S
            - [x] ticked
            ## Go/No-Go Decision
            | Criterion | Threshold | Actual | Status |
            |---|---|---|---|
            | CFUR | ≥ 99.8% | _ | Awaiting |
            | Error Rate | < 0.1% | _ | Awaiting |
            | Database CPU | < 80% | _ | Awaiting |
            """;

    private final Checklist checklist = new ChecklistImporter().parse("l.md", MD);

    private final Evaluation e = new Gate()
            .evaluate(
                    checklist,
                    List.of(
                            measured("go-no-go-decision/cfur", Status.PASS, 99.85),
                            measured("go-no-go-decision/error-rate", Status.FAIL, 0.5)));

    private static CheckResult measured(String criterion, Status status, double actual) {
        Observation o = new Observation(
                        status, status + " measured", Map.of("value", actual / 100), Map.of("query", "sum(x)"))
                .withActual(actual, Optional.of("%"));
        return new CheckResult("m", "prometheus", Optional.empty(), true, o, 5, Optional.of(criterion));
    }

    @Test
    void jsonEntriesCarryActualUnitMetStatusAndEvidence() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> criteria =
                (List<Map<String, Object>>) ReportJson.of(e).get("criteria");
        assertThat(criteria.get(0))
                .containsEntry("id", "go-no-go-decision/cfur")
                .containsEntry("status", "PASS")
                .containsEntry("actual", 99.85)
                .containsEntry("unit", "%")
                .containsEntry("met", true)
                .containsEntry("threshold", ">= 99.8%");
        assertThat(criteria.get(1)).containsEntry("status", "FAIL").containsEntry("met", false);
        assertThat(criteria.get(2))
                .containsEntry("status", "PENDING")
                .containsEntry("actual", null)
                .containsEntry("met", null);
        assertThat(criteria.get(0).get("checks").toString()).contains("query=sum(x)");
        assertThat(Json.write(ReportJson.of(e))).contains("\"actual\" : 99.85");
    }

    @Test
    void textListsEachCriterion() {
        String text = TextReport.of(e);
        assertThat(text)
                .contains("criterion not met: Error Rate < 0.1% (actual 0.5%, line 8)")
                .contains("criterion not measured: Database CPU < 80% (line 9)")
                .contains("Criteria (2 of 3 measured)")
                .contains("PASS     CFUR ≥ 99.8%: actual 99.85% (prometheus: PASS measured)");
    }

    @Test
    void junitHasATestCasePerCriterion() {
        String xml = JunitReport.of(e);
        assertThat(xml)
                .contains("<testsuite name=\"Go/No-Go criteria\" tests=\"3\" failures=\"2\" errors=\"0\"")
                .contains("name=\"CFUR ≥ 99.8%\" line=\"7\"")
                .contains("<testsuites name=\"Launch\" tests=\"4\" failures=\"2\"");
        assertThat(xml).containsPattern("Error Rate &lt; 0.1%\" line=\"8\"[^\n]*<failure message=\"FAIL");
    }

    @Test
    void markdownFillsInTheActualAndStatusCells() {
        String md = MarkdownReport.of(e, MD);
        assertThat(md)
                .contains("| CFUR | ≥ 99.8% | 99.85% | ✅ PASS |")
                .contains("| Error Rate | < 0.1% | 0.5% | ❌ FAIL |")
                .contains("| Database CPU | < 80% | _ | PENDING |");
        Checklist again = new ChecklistImporter().parse("l.md", md);
        assertThat(ModelJson.of(again)).isEqualTo(ModelJson.of(checklist));
    }

    @Test
    void htmlHasACriteriaTable() {
        String html = HtmlReport.of(e);
        assertThat(html)
                .contains("<h2>Go/No-Go criteria</h2>")
                .contains("<td class=\"FAIL\">FAIL</td><td>Error Rate")
                .contains("<td>0.5%</td>")
                .contains("query: sum(x)");
    }
}
