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
}
