package io.golive.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decision rule of DESIGN.md. */
class GateTest {
    private final Gate gate = new Gate();

    static Checklist checklist(String md) {
        return new ChecklistImporter().parse("t.md", md);
    }

    static CheckResult check(String item, Status status) {
        return new CheckResult(
                "c", "http", Optional.of(item), true, new Observation(status, status + " seen", Map.of(), Map.of()), 3);
    }

    @Test
    void laterPhasesAreDeferredAndDoNotBlock() {
        Evaluation e = gate.evaluate(
                checklist("# L\n## Pre\n- [x] a\n## Post-Launch\n- [ ] b\n## Rollback\n- [ ] c\n"), List.of());
        assertThat(e.items())
                .extracting(ItemResult::status)
                .containsExactly(Status.DONE, Status.DEFERRED, Status.DEFERRED);
        assertThat(e.decision()).isEqualTo(Decision.GO);
    }

    @Test
    void everyBlockingPendingItemIsAReason() {
        Evaluation e = gate.evaluate(checklist("# L\n## S\n- [ ] a\n- [ ] b\n- [ ] c (optional)\n"), List.of());
        assertThat(e.decision()).isEqualTo(Decision.NO_GO);
        assertThat(e.reasons()).hasSize(2).allMatch(r -> r.startsWith("PENDING: s/"));
        assertThat(e.summary()).containsEntry(Status.PENDING, 3);
    }

    @Test
    void failingCheckOutranksATickedBox() {
        Evaluation e =
                gate.evaluate(checklist("# L\n## S\n- [x] tls valid\n"), List.of(check("s/tls-valid", Status.FAIL)));
        assertThat(e.items().getFirst().status()).isEqualTo(Status.FAIL);
        assertThat(e.reasons()).singleElement().asString().contains("FAIL seen");
    }

    @Test
    void passingChecksMakeAnOpenItemPass() {
        Evaluation e = gate.evaluate(
                checklist("# L\n## S\n- [ ] tls valid\n"),
                List.of(check("s/tls-valid", Status.PASS), check("s/tls-valid", Status.PASS)));
        assertThat(e.decision()).isEqualTo(Decision.GO);
        assertThat(e.items().getFirst().status()).isEqualTo(Status.PASS);
    }

    @Test
    void errorIsWorseThanPassButFailIsWorst() {
        List<CheckResult> checks =
                List.of(check("s/x", Status.PASS), check("s/x", Status.ERROR), check("s/x", Status.FAIL));
        Evaluation e = gate.evaluate(checklist("# L\n## S\n- [ ] x\n"), checks);
        assertThat(e.items().getFirst().status()).isEqualTo(Status.FAIL);
    }

    @Test
    void markedBlockedItemSaysSo() {
        Evaluation e = gate.evaluate(checklist("# L\n## S\n- [!] waiting on vendor\n"), List.of());
        assertThat(e.reasons()).singleElement().asString().contains("marked blocked");
    }

    @Test
    void waiverSettlesAFailingItem() {
        Evaluation e = gate.evaluate(
                checklist("# L\n## S\n- [ ] tls valid\n"),
                List.of(check("s/tls-valid", Status.FAIL)),
                Map.of("s/tls-valid", Status.WAIVED));
        assertThat(e.items().getFirst().status()).isEqualTo(Status.WAIVED);
        assertThat(e.decision()).isEqualTo(Decision.GO);
    }

    @Test
    void attestationReplacesTheBoxButNotAFailingCheck() {
        Checklist c = checklist("# L\n## S\n- [ ] manual\n- [x] ticked\n- [ ] tls valid\n");
        Evaluation e = gate.evaluate(
                c,
                List.of(check("s/tls-valid", Status.FAIL)),
                Map.of("s/manual", Status.DONE, "s/ticked", Status.PENDING, "s/tls-valid", Status.DONE));
        assertThat(e.items()).extracting(ItemResult::status).containsExactly(Status.DONE, Status.PENDING, Status.FAIL);
    }

    static final String CRITERIA = """
            # L
            ## S
            - [x] ticked
            ## Go/No-Go Decision
            | Criterion | Threshold | Actual | Status |
            |---|---|---|---|
            | CFUR | ≥ 99.8% | _ | Awaiting |
            | Error Rate | < 0.1% | _ | Awaiting |
            ## Success Metrics (First Week)
            | Metric | Target |
            |---|---|
            | Uptime | ≥ 99.9% |
            """;

    static CheckResult measured(String criterion, Status status, double actual, String unit) {
        Observation o = new Observation(status, status + " measured", Map.of("value", actual), Map.of("query", "q"))
                .withActual(actual, Optional.of(unit));
        return new CheckResult("m", "prometheus", Optional.empty(), true, o, 5, Optional.of(criterion));
    }

    @Test
    void anUnmeasuredPreLaunchCriterionIsPendingAndBlocksGo() {
        Evaluation e = gate.evaluate(checklist(CRITERIA), List.of());
        assertThat(e.decision()).isEqualTo(Decision.NO_GO);
        assertThat(e.reasons())
                .containsExactly(
                        "criterion not measured: CFUR ≥ 99.8% (line 7)",
                        "criterion not measured: Error Rate < 0.1% (line 8)");
        assertThat(e.criteria())
                .extracting(CriterionResult::status)
                .containsExactly(Status.PENDING, Status.PENDING, Status.DEFERRED);
        assertThat(e.criteria()).allMatch(c -> c.met().isEmpty() && c.actual().isEmpty());
    }

    @Test
    void metCriteriaCarryTheirActualValueAndLetTheLaunchGo() {
        Evaluation e = gate.evaluate(
                checklist(CRITERIA),
                List.of(
                        measured("go-no-go-decision/cfur", Status.PASS, 99.85, "%"),
                        measured("go-no-go-decision/error-rate", Status.PASS, 0.02, "%")));
        assertThat(e.decision()).isEqualTo(Decision.GO);
        CriterionResult cfur = e.criteria().getFirst();
        assertThat(cfur.status()).isEqualTo(Status.PASS);
        assertThat(cfur.met()).hasValue(true);
        assertThat(cfur.actual().orElseThrow().text()).isEqualTo("99.85%");
        assertThat(cfur.checks())
                .singleElement()
                .satisfies(c -> assertThat(c.observation().evidence()).containsEntry("query", "q"));
        assertThat(e.unboundChecks()).isEmpty();
        assertThat(e.reasons().getFirst()).contains("all 2 pre-launch criteria are met or waived");
    }

    @Test
    void anUnmetCriterionIsNoGoWithItsActualValueAndUnit() {
        Evaluation e = gate.evaluate(
                checklist(CRITERIA),
                List.of(
                        measured("go-no-go-decision/cfur", Status.PASS, 99.9, "%"),
                        measured("go-no-go-decision/error-rate", Status.FAIL, 0.5, "%")));
        assertThat(e.decision()).isEqualTo(Decision.NO_GO);
        assertThat(e.reasons())
                .containsExactly(
                        "criterion not met: Error Rate < 0.1% (actual 0.5%, line 8): prometheus: FAIL measured");
        assertThat(e.criteria().get(1).met()).hasValue(false);
    }

    @Test
    void aCriterionItsCheckCouldNotMeasureIsAnErrorAndNotMet() {
        CheckResult error = new CheckResult(
                "m",
                "prometheus",
                Optional.empty(),
                true,
                Observation.error("no data: the query returned no series"),
                5,
                Optional.of("go-no-go-decision/cfur"));
        Evaluation e = gate.evaluate(
                checklist(CRITERIA), List.of(error, measured("go-no-go-decision/error-rate", Status.PASS, 0.01, "%")));
        assertThat(e.decision()).isEqualTo(Decision.NO_GO);
        assertThat(e.criteria().getFirst().status()).isEqualTo(Status.ERROR);
        assertThat(e.criteria().getFirst().met()).isEmpty();
        assertThat(e.reasons())
                .singleElement()
                .asString()
                .startsWith("criterion not measured: CFUR ≥ 99.8% (line 7): ERROR: prometheus: no data");
    }

    @Test
    void aFailingCheckOutranksAnErroredOneForACriterion() {
        CheckResult error = new CheckResult(
                "e",
                "prometheus",
                Optional.empty(),
                true,
                Observation.error("refused"),
                5,
                Optional.of("go-no-go-decision/cfur"));
        Evaluation e = gate.evaluate(
                checklist(CRITERIA), List.of(error, measured("go-no-go-decision/cfur", Status.FAIL, 97, "%")));
        assertThat(e.criteria().getFirst().status()).isEqualTo(Status.FAIL);
        assertThat(e.criteria().getFirst().actual().orElseThrow().text()).isEqualTo("97%");
    }

    @Test
    void aWaivedCriterionDoesNotBlock() {
        Evaluation e = gate.evaluate(
                checklist(CRITERIA),
                List.of(measured("go-no-go-decision/error-rate", Status.FAIL, 0.5, "%")),
                Map.of(),
                java.util.Set.of("go-no-go-decision/cfur", "go-no-go-decision/error-rate"));
        assertThat(e.decision()).isEqualTo(Decision.GO);
        assertThat(e.criteria()).extracting(CriterionResult::status).startsWith(Status.WAIVED, Status.WAIVED);
    }

    @Test
    void aPostLaunchCriterionIsDeferredEvenWhenUnmet() {
        Evaluation e = gate.evaluate(
                checklist(CRITERIA),
                List.of(
                        measured("go-no-go-decision/cfur", Status.PASS, 99.9, "%"),
                        measured("go-no-go-decision/error-rate", Status.PASS, 0.01, "%"),
                        measured("success-metrics-first-week/uptime", Status.FAIL, 98, "%")));
        assertThat(e.decision()).isEqualTo(Decision.GO);
        assertThat(e.criteria().get(2).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void seed001WithEveryBoxTickedIsNoGoUntilItsFiveCriteriaAreMeasured() {
        ChecklistImporter importer = new ChecklistImporter();
        java.nio.file.Path file = io.golive.Seeds.seed("001");
        String ticked = importer.readText(file).replace("- [ ]", "- [x]");
        Evaluation e = gate.evaluate(importer.parse(file.toString(), ticked), List.of());
        assertThat(e.decision()).isEqualTo(Decision.NO_GO);
        assertThat(e.reasons())
                .containsExactly(
                        "criterion not measured: CFUR ≥ 99.8% (line 133)",
                        "criterion not measured: API Latency P95 < 500ms (line 134)",
                        "criterion not measured: Error Rate < 0.1% (line 135)",
                        "criterion not measured: Database CPU < 80% (line 136)",
                        "criterion not measured: Active Backups Hourly (line 137)");
        assertThat(e.criteria().stream().filter(c -> c.status() == Status.DEFERRED))
                .hasSize(5);
    }
}
