package io.golive.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.golive.gate.Decision;
import io.golive.gate.Evaluation;
import io.golive.gate.Gate;
import io.golive.gate.ItemResult;
import io.golive.probe.Status;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tables whose rows are gates become items; the tables already understood keep their meaning. */
class TableReaderTest {
    private final ChecklistImporter importer = new ChecklistImporter();

    static Path fixture(String name) {
        try {
            return Path.of(TableReaderTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    Checklist dutch() {
        return importer.importFile(fixture("gates-nl.md"));
    }

    Checklist parse(String md) {
        return importer.parse("test.md", md);
    }

    static Item item(Checklist c, String id) {
        return c.allItems().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item " + id + " in "
                        + c.allItems().stream().map(Item::id).toList()));
    }

    @Test
    void fiveGateTablesImportAsTwentyNineItemsInFiveSections() {
        Checklist c = dutch();

        assertThat(c.allItems()).hasSize(29);
        assertThat(c.allSections().stream().filter(s -> !s.items().isEmpty()))
                .extracting(Section::id)
                .containsExactly("bewijs", "paper-trading", "risico", "operatie", "besluit");
        assertThat(c.allSections().get(0).items())
                .extracting(Item::id)
                .containsExactly(
                        "bewijs/a1", "bewijs/a2", "bewijs/a3", "bewijs/a4", "bewijs/a5", "bewijs/a6", "bewijs/a7");
        assertThat(c.allItems().getLast().id()).isEqualTo("besluit/e3");
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void gateCellIsTheTextAndVerificationCellTheNote() {
        Item a1 = item(dutch(), "bewijs/a1");

        assertThat(a1.text()).isEqualTo("Pre-registratie bestond vóór eerste uitkomstinspectie");
        assertThat(a1.notes()).containsExactly("git log --diff-filter=A -- prereg.md");
        assertThat(a1.line()).isEqualTo(12);
        assertThat(a1.state()).isEqualTo(ItemState.OPEN);
        assertThat(a1.blocking()).isTrue();
    }

    @Test
    void pipeInsideBackticksDoesNotSplitTheRow() {
        Checklist c = dutch();

        assertThat(item(c, "paper-trading/b3").notes()).containsExactly("journalctl -u trader | grep -c Started");
        assertThat(item(c, "operatie/d4").notes()).containsExactly("git log -p | grep -i apikey");
        assertThat(item(c, "bewijs/a2").notes()).containsExactly("git log --format=%H -- hypothese.md | head -1");
        assertThat(item(c, "operatie/d4").state()).isEqualTo(ItemState.OPEN);
    }

    @Test
    void statusCellsGiveTheState() {
        Checklist c = dutch();

        assertThat(item(c, "paper-trading/b1").state()).isEqualTo(ItemState.IN_PROGRESS); // ⏳
        assertThat(item(c, "paper-trading/b2").state()).isEqualTo(ItemState.OPEN); // UNKNOWN
        assertThat(item(c, "paper-trading/b3").state()).isEqualTo(ItemState.OPEN); // empty
        assertThat(item(c, "paper-trading/b4").state()).isEqualTo(ItemState.BLOCKED); // FAIL
        assertThat(item(c, "paper-trading/b5").state()).isEqualTo(ItemState.BLOCKED); // ❌
        assertThat(item(c, "paper-trading/b1").notes()).containsExactly("logboek paper/");
    }

    @Test
    void thresholdsWithDecimalCommasAndDutchWeeksAndDaysAttach() {
        Checklist c = dutch();

        assertThat(item(c, "bewijs/a3").criteria())
                .extracting(Threshold::op, Threshold::value, Threshold::unit)
                .containsExactly(tuple(Op.LT, 0.05, Optional.empty()));
        assertThat(item(c, "bewijs/a4").criteria())
                .extracting(Threshold::op, Threshold::value)
                .containsExactly(tuple(Op.GE, 0.8));
        assertThat(item(c, "paper-trading/b1").criteria())
                .extracting(Threshold::op, Threshold::value, Threshold::unit, Threshold::text)
                .containsExactly(tuple(Op.GE, 28.0, Optional.of("d"), "≥ 4 weken"));
        assertThat(item(c, "paper-trading/b2").criteria())
                .extracting(Threshold::op, Threshold::value, Threshold::unit)
                .containsExactly(tuple(Op.LT, 0.5, Optional.of("%")));
        assertThat(item(c, "paper-trading/b5").criteria())
                .extracting(Threshold::op, Threshold::value, Threshold::unit)
                .containsExactly(tuple(Op.LT, 200.0, Optional.of("ms")));
        assertThat(item(c, "operatie/d5").criteria())
                .extracting(Threshold::op, Threshold::value, Threshold::unit)
                .containsExactly(tuple(Op.GE, 14.0, Optional.of("d")));
        assertThat(item(c, "operatie/d7").criteria())
                .extracting(Threshold::op, Threshold::value, Threshold::unit)
                .containsExactly(tuple(Op.GE, 30.0, Optional.of("d")));
    }

    @Test
    void untickedGatesAreNoGoEachPendingAndTickedStatusCellsMakeItGo() {
        Evaluation open = new Gate().evaluate(dutch(), List.of());
        assertThat(open.decision()).isEqualTo(Decision.NO_GO);
        assertThat(open.items()).hasSize(29).extracting(ItemResult::status).containsOnly(Status.PENDING);

        String ticked = ticked(importer.readText(fixture("gates-nl.md")));
        Checklist done = importer.parse("gates-nl.md", ticked);
        Evaluation go = new Gate().evaluate(done, List.of());

        assertThat(done.allItems()).hasSize(29).extracting(Item::state).containsOnly(ItemState.DONE);
        assertThat(go.decision()).isEqualTo(Decision.GO);
    }

    /** Every gate row with ✅ in its status cell, a Status column added where the table has none. */
    private static String ticked(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.equals("| # | Poort | Verificatie |")) {
                line += " Status |";
            } else if (line.equals("|---|-------|-------------|")) {
                line += "---|";
            } else if (line.matches("\\| [A-E]\\d \\|.*")) {
                line = TableReader.cells(line).size() == 4
                        ? line.substring(0, line.lastIndexOf('|', line.length() - 2) + 1) + " ✅ |"
                        : line + " ✅ |";
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    @Test
    void germanHeadersWithOwnerAndStatusColumns() {
        Checklist c = parse("""
                # Go-Live
                ## Freigabe Tore
                | Nr. | Prüfpunkt | Prüfung | Verantwortlich | Status |
                |-----|-----------|---------|----------------|--------|
                | G1 | Lasttest bestanden, p95 unter 300 ms | `k6 run last.js` | Jana | erledigt |
                | G2 | Wiederherstellung geprobt in höchstens 2 Stunden | Protokoll | Tim | offen |
                | G3 | Stabil seit 2 Wochen | Grafana | | nicht bestanden |
                """);

        assertThat(c.allItems())
                .extracting(Item::id, Item::text, Item::state, Item::owner)
                .containsExactly(
                        tuple(
                                "freigabe-tore/g1",
                                "Lasttest bestanden, p95 unter 300 ms",
                                ItemState.DONE,
                                Optional.of("Jana")),
                        tuple(
                                "freigabe-tore/g2",
                                "Wiederherstellung geprobt in höchstens 2 Stunden",
                                ItemState.OPEN,
                                Optional.of("Tim")),
                        tuple("freigabe-tore/g3", "Stabil seit 2 Wochen", ItemState.BLOCKED, Optional.empty()));
        assertThat(c.allItems().get(0).notes()).containsExactly("k6 run last.js");
        assertThat(c.allItems().get(0).criteria())
                .extracting(Threshold::op, Threshold::value, Threshold::unit)
                .containsExactly(tuple(Op.LT, 300.0, Optional.of("ms")));
        assertThat(c.allItems().get(1).criteria())
                .extracting(Threshold::op, Threshold::value, Threshold::unit)
                .containsExactly(tuple(Op.LE, 2.0, Optional.of("h")));
        assertThat(c.allItems().get(2).criteria()).isEmpty(); // "seit 2 Wochen" names no limit
    }

    @Test
    void spanishAndFrenchHeadersAndAShapeOnlyTable() {
        Checklist c = parse("""
                # Lanzamiento
                ## Puertas
                | ID | Requisito | Verificación | Estado | Fecha |
                |----|-----------|--------------|--------|-------|
                | P-1 | Pruebas de carga con error < 0,1% | informe de carga | ✅ | 2026-12-01 |
                | P-2 | Copias de seguridad de al menos 7 días | `ls backups/` | ⏳ | |
                ## Portes
                | # | Porte | Vérification | Statut |
                |---|-------|--------------|--------|
                | 1 | Sauvegarde restaurée en moins de 2 heures | procès-verbal | ❌ |
                ## Shape
                | Ref | Αίτημα | Κατάσταση |
                |-----|--------|-----------|
                | Z9 | Every service answers its health check | ✅ |
                | Z10 | Rollback rehearsed on staging | |
                """);

        assertThat(c.allItems())
                .extracting(Item::id, Item::state)
                .containsExactly(
                        tuple("puertas/p-1", ItemState.DONE),
                        tuple("puertas/p-2", ItemState.IN_PROGRESS),
                        tuple("portes/1", ItemState.BLOCKED),
                        tuple("shape/z9", ItemState.DONE),
                        tuple("shape/z10", ItemState.OPEN));
        Item p1 = c.allItems().get(0);
        assertThat(p1.notes()).containsExactly("informe de carga", "Fecha: 2026-12-01");
        assertThat(p1.criteria())
                .extracting(Threshold::op, Threshold::value, Threshold::unit)
                .containsExactly(tuple(Op.LT, 0.1, Optional.of("%")));
        assertThat(c.allItems().get(1).criteria())
                .extracting(Threshold::op, Threshold::value, Threshold::unit)
                .containsExactly(tuple(Op.GE, 7.0, Optional.of("d")));
        assertThat(c.allItems().get(2).criteria())
                .extracting(Threshold::op, Threshold::value, Threshold::unit)
                .containsExactly(tuple(Op.LT, 2.0, Optional.of("h")));
        assertThat(c.allItems().get(3).text()).isEqualTo("Every service answers its health check");
    }

    @Test
    void tablesAlreadyUnderstoodKeepTheirMeaning() {
        Checklist c = parse("""
                # T
                ## Go/No-Go
                | # | Metric | Threshold | Status |
                |---|-----------|-----------|--------|
                | 1 | Error rate | < 0.1% | ✅ |
                ## Contacts
                | # | Role | Phone |
                |---|------|-------|
                | 1 | Release manager | +31 20 123 4567 |
                ## Sign-off
                | # | Role | Name | Signature |
                |---|------|------|-----------|
                | 1 | CTO | | |
                ## Checks
                | Check | Result |
                |---|---|
                | Smoke test | [x] Pass / [ ] Fail |
                """);

        assertThat(c.criteria()).extracting(Criterion::raw).containsExactly("< 0.1%");
        assertThat(c.contacts()).hasSize(1);
        assertThat(c.signoffs()).hasSize(1);
        assertThat(c.allItems())
                .extracting(Item::id, Item::state)
                .containsExactly(tuple("checks/smoke-test", ItemState.DONE));
    }

    @Test
    void aRequirementColumnOfProseIsAGateTableAndOfLimitsACriteriaTable() {
        Checklist c = parse("""
                # T
                ## Gates
                | ID | Requirement | Verification | Status |
                |----|-------------|--------------|--------|
                | REQ-1 | All public endpoints answer within 500ms | k6 run | PASS |
                | REQ-2 | Backups restore on a clean host | restore drill | |
                ## Go/No-Go
                | # | Criterion | Expected |
                |---|-----------|----------|
                | 1 | Error rate | < 0.1% |
                | 2 | p95 latency | < 500ms |
                """);

        assertThat(c.allItems())
                .extracting(Item::id, Item::state)
                .containsExactly(tuple("gates/req-1", ItemState.DONE), tuple("gates/req-2", ItemState.OPEN));
        assertThat(c.allItems().getFirst().criteria())
                .extracting(Threshold::op, Threshold::value, Threshold::unit)
                .containsExactly(tuple(Op.LE, 500.0, Optional.of("ms")));
        assertThat(c.criteria()).extracting(Criterion::raw).containsExactly("Error rate", "p95 latency");
    }

    @Test
    void boxesInTheStatusCellOfAGateTable() {
        Checklist c = parse("""
                # T
                | # | Gate | Result |
                |---|------|--------|
                | 1 | Smoke test green | [x] Pass / [ ] Fail |
                | 2 | Failover rehearsed | [ ] Pass / [x] Fail |
                | 3 | Restore rehearsed | ☑ |
                """);

        assertThat(c.allItems())
                .extracting(Item::text, Item::state)
                .containsExactly(
                        tuple("Smoke test green", ItemState.DONE),
                        tuple("Failover rehearsed", ItemState.BLOCKED),
                        tuple("Restore rehearsed", ItemState.DONE));
    }

    @Test
    void tablesThatAreNoGatesStayWarningsWithTheirLine() {
        Checklist c = parse("""
                # T
                - [ ] real

                | Datum | Wijziging |
                |-------|-----------|
                | 2026-11-02 | Poorten A6 en A7 toegevoegd |

                | Version | Date | Changes |
                |---|---|---|
                | 1.0 | 2026-01-01 | Initial draft of the list |

                | Phase | Traffic |
                |---|---|
                | 1 | 5% |
                """);

        assertThat(c.allItems()).extracting(Item::text).containsExactly("real");
        assertThat(c.warnings())
                .anySatisfy(w -> assertThat(w).startsWith("line 4:").contains("Datum, Wijziging"))
                .anySatisfy(w -> assertThat(w).startsWith("line 8:").contains("Version"))
                .anySatisfy(w -> assertThat(w).startsWith("line 12:").contains("Phase"));
    }

    @Test
    void aFileOfGateTablesAloneIsAChecklist() {
        Checklist c = parse("# T\n| ID | Gate |\n|---|---|\n| A1 | Backups restored |\n");

        assertThat(c.allItems()).extracting(Item::id).containsExactly("t/a1");
    }

    @Test
    void cellsSplitOnPipesOutsideCodeSpansOnly() {
        assertThat(TableReader.cells("| a | `x|y` | b \\| c | ``p`|`q`` |"))
                .containsExactly("a", "`x|y`", "b | c", "``p`|`q``");
        assertThat(TableReader.cells("| unclosed ` tick | b |")).containsExactly("unclosed ` tick", "b");
        assertThat(TableReader.cells("a | b")).containsExactly("a", "b");
        assertThat(TableReader.cells("| a | b \\|")).containsExactly("a", "b |");
    }
}
