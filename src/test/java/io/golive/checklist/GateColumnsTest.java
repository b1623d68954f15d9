package io.golive.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which columns of a table are a gate's, and what a status cell says. */
class GateColumnsTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "✅|DONE",
                "✅ PASS|DONE",
                "PASS|DONE",
                "passed|DONE",
                "[x]|DONE",
                "☑|DONE",
                "✔ ok|DONE",
                "Voldaan|DONE",
                "erledigt|DONE",
                "Cumplido|DONE",
                "réussi|DONE",
                "FAIL|BLOCKED",
                "❌|BLOCKED",
                "NO-GO|BLOCKED",
                "niet voldaan|BLOCKED",
                "nicht bestanden|BLOCKED",
                "nee|BLOCKED",
                "échoué|BLOCKED",
                "[ ] Pass / [x] Fail|BLOCKED",
                "⏳|IN_PROGRESS",
                "⏳ Awaiting|IN_PROGRESS",
                "in progress|IN_PROGRESS",
                "bezig|IN_PROGRESS",
                "en curso|IN_PROGRESS",
                "UNKNOWN|OPEN",
                "not started|OPEN",
                "open|OPEN",
                "[ ]|OPEN",
                "⬜|OPEN",
                "TODO|OPEN",
                "_|OPEN",
                "(pass)|DONE",
                "—|OPEN",
                "*|OPEN"
            })
    void statusCellGivesTheState(String cell, ItemState state) {
        assertThat(GateColumns.state(cell)).isEqualTo(state);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "# | Poort | Verificatie | Status;1;2;3;-1",
                "ID | Gate | Evidence | Owner | Due;1;2;-1;3",
                "Nr. | Prüfpunkt | Prüfung | Verantwortlich | Status;1;2;4;3",
                "No. | Requisito | Verificación | Estado | Responsable;1;2;3;4",
                "# | Porte | Vérification | Statut;1;2;3;-1",
                "Key | Α | Β;1;-1;2;-1"
            })
    void headerWordsAndShapeGiveTheRoles(String header, int text, int note, int status, int owner) {
        List<String> h = List.of(header.split("\\s*\\|\\s*"));
        List<String> row = new java.util.ArrayList<>(List.of("A1", "Backups are restored every night", "log"));
        while (row.size() < h.size()) {
            row.add("");
        }
        if (h.getFirst().equals("Key")) {
            row.set(2, "✅");
        }

        Optional<GateColumns> g = GateColumns.of(h, List.of(row));

        assertThat(g).isPresent();
        assertThat(g.get().text()).isEqualTo(text);
        assertThat(g.get().note()).isEqualTo(note);
        assertThat(g.get().status()).isEqualTo(status);
        assertThat(g.get().owner()).isEqualTo(owner);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "a | b;1 | 2",
                "Version | Changes;1.0 | Initial draft of the list",
                "Version | Changes;v2 | Second draft of the list",
                "Date | Change;2026-11-02 | Gates A6 and A7 added",
                "Phase | Traffic;1 | 5%",
                "Step | Duration;1 | 1h",
                "Gate;A1"
            })
    void tablesWithoutAnIdColumnOrWithoutTextAreNoGates(String header, String row) {
        List<String> h = List.of(header.split("\\s*\\|\\s*"));
        List<String> r = List.of(row.split("\\s*\\|\\s*"));

        assertThat(GateColumns.of(h, List.of(r))).isEmpty();
    }

    @Test
    void cellsOfOnlyPunctuationAreNoStatusAndDoNotBreakTheShapeReading() {
        List<String> header = List.of("#", "Gate", "Κ");
        List<List<String>> rows =
                List.of(List.of("1", "Smoke test passes", "—"), List.of("2", "Backups restored", "✅"));

        assertThat(GateColumns.of(header, rows)).hasValueSatisfying(g -> {
            assertThat(g.text()).isEqualTo(1);
            assertThat(g.status()).isEqualTo(-1);
        });
    }
}
