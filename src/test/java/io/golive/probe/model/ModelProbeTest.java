package io.golive.probe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.golive.checklist.Threshold;
import io.golive.checklist.ThresholdParser;
import io.golive.probe.Observation;
import io.golive.probe.ProbeContext;
import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import io.golive.spec.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model probe on small hand-computed files, a random file checked against a brute-force AUC, and a spec. */
class ModelProbeTest {
    /*
     * Hand-computed: positives 0.9 0.6 0.8 0.4, negatives 0.7 0.2 0.4 0.3.
     * AUC = (4 + 3 + 4 + 2 + 0.5 tie) / 16 = 0.84375.
     * ECE (10 bins) = (0.1 + 0.4 + 0.7 + 0.2 + 0.2 + 0.3) / 8 + (2/8) * |0.4 - 0.5| = 0.2625.
     * Selected (>= 0.5): A 3/4, B 1/4 -> AIR 1/3. TPR A 1, B 0.5; FPR A 0.5, B 0 -> gaps 0.5.
     */
    static final String SMALL =
            "label,score,group\n1,0.9,A\n1,0.6,A\n0,0.7,A\n0,0.2,A\n" + "1,0.8,B\n0,0.4,B\n0,0.3,B\n1,0.4,B\n";

    @TempDir
    Path dir;

    ModelConfig config(String file, String group, Integer minGroupSize, List<String> expect) {
        return new ModelConfig(file, null, null, Optional.ofNullable(group), null, null, minGroupSize, expect);
    }

    Observation run(ModelConfig c, List<Threshold> inherited) {
        ProbeContext ctx = new ProbeContext(
                Clock.systemUTC(),
                Clock.systemUTC().instant().plusSeconds(10),
                Map.of(),
                dir,
                inherited,
                Secrets.none());
        return new ModelProbe().run(c, ctx);
    }

    Observation run(String csv, String group, Integer min, List<String> expect) throws IOException {
        Files.writeString(dir.resolve("p.csv"), csv);
        return run(config("p.csv", group, min, expect), List.of());
    }

    @Test
    void computesHandCheckedMetrics() throws IOException {
        Observation o = run(SMALL, "group", 1, List.of("AUC > 0.8"));
        assertThat(o.status()).isEqualTo(Status.PASS);
        Map<String, Object> m = o.measurements();
        assertThat(m).containsEntry("n", 8L).containsEntry("positives", 4L);
        assertThat((double) m.get("AUC")).isCloseTo(0.84375, within(1e-6));
        assertThat((double) m.get("ECE")).isCloseTo(0.2625, within(1e-6));
        assertThat((double) m.get("AIR")).isCloseTo(1.0 / 3, within(1e-6));
        assertThat((double) m.get("tprGap")).isCloseTo(0.5, within(1e-6));
        assertThat((double) m.get("fprGap")).isCloseTo(0.5, within(1e-6));
        assertThat((double) m.get("gaps")).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void failsEachThresholdNotMetAndNamesIt() throws IOException {
        Observation o = run(SMALL, "Group", 1, List.of("auc > 0.70", "ECE < 0.10", "AIR >= 0.80", "gaps <= 0.05"));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary())
                .contains("ECE 0.263 does not meet < 0.1")
                .contains("AIR 0.333 does not meet >= 0.8")
                .contains("gaps 0.500")
                .doesNotContain("AUC");
    }

    @Test
    void smallGroupIsAnErrorNotAPass() throws IOException {
        Observation o = run(SMALL, "group", null, List.of("AUC > 0.5"));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("sample too small: group A has 4 < 30");
    }

    @Test
    void withoutAnyThresholdThereIsNothingToCompare() throws IOException {
        Observation o = run(SMALL, null, null, List.of());
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("nothing to compare");
    }

    @Test
    void usesTheItemsThresholdsWhenThereIsNoExpect() throws IOException {
        Files.writeString(dir.resolve("p.csv"), SMALL);
        List<Threshold> inherited = ThresholdParser.findAll("Calibration verified (ECE < 0.10)");
        Observation o = run(config("p.csv", null, null, List.of()), inherited);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("ECE 0.263 does not meet < 0.1");
    }

    @Test
    void fairnessWithoutGroupColumnIsAnError() throws IOException {
        Observation o = run(SMALL, null, null, List.of("AIR >= 0.8"));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("AIR undefined: no 'group' column configured");
    }

    @Test
    void badRowsAreErrorsNamingLineAndColumn() throws IOException {
        assertThat(run("label,score\n1,0.9\n0,abc\n", null, null, List.of("AUC > 0.5"))
                        .summary())
                .contains("line 3, column score: 'abc' is not a number");
        assertThat(run("label,score\n2,0.9\n", null, null, List.of("AUC > 0.5")).summary())
                .contains("line 2, column label: '2' is not 0 or 1");
        assertThat(run("label,prob\n1,0.9\n", null, null, List.of("AUC > 0.5")).summary())
                .contains("line 1: no score column 'score'");
        assertThat(run("label,score\n1,1.5\n", null, null, List.of("AUC > 0.5")).status())
                .isEqualTo(Status.ERROR);
    }

    @Test
    void emptyOrMissingFileIsNoData() throws IOException {
        assertThat(run("label,score\n", null, null, List.of("AUC > 0.5")).summary())
                .contains("no data");
        assertThat(run("", null, null, List.of("AUC > 0.5")).summary()).contains("no data");
        Observation missing = run(config("absent.csv", null, null, List.of("AUC > 0.5")), List.of());
        assertThat(missing.status()).isEqualTo(Status.ERROR);
        assertThat(missing.summary()).contains("not found");
    }

    @Test
    void oneClassOnlyLeavesAucUndefined() throws IOException {
        Observation o = run("label,score\n1,0.9\n1,0.2\n", null, null, List.of("AUC > 0.5"));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("AUC undefined");
    }

    @Test
    void aucMatchesBruteForcePairCountOnRandomData() throws IOException {
        Random r = new Random(42);
        int n = 2_000;
        int[] labels = new int[n];
        double[] scores = new double[n];
        StringBuilder csv = new StringBuilder("score,label\n");
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextDouble() < 0.3 ? 1 : 0;
            // Two decimals, so many scores tie.
            scores[i] = Math.round(Math.min(1, Math.max(0, 0.35 + 0.3 * labels[i] + 0.25 * r.nextGaussian())) * 100)
                    / 100.0;
            csv.append(scores[i]).append(',').append(labels[i]).append('\n');
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (labels[i] == 1 && labels[j] == 0) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        Observation o = run(csv.toString(), null, null, List.of("AUC > 0.5"));
        assertThat((double) o.measurements().get("AUC")).isCloseTo(wins / pairs, within(1e-6));
        assertThat(o.status()).isEqualTo(Status.PASS);
    }

    @Test
    void rejectsBadConfiguration() {
        ModelConfig c = new ModelConfig(null, null, null, Optional.empty(), 0, 2.0, 0, List.of("p95 < 5ms", "junk"));
        assertThat(c.validate()).hasSize(6);
    }

    @Test
    void runsThroughTheEngineFromASpec() throws IOException {
        Files.writeString(dir.resolve("preds.csv"), SMALL);
        SpecRun r = SpecRun.of(
                dir,
                "# L\n## ML\n- [ ] Model performance meets minimum thresholds (AUC > 0.70)\n"
                        + "- [ ] Fairness metrics pass gates (AIR ≥ 0.80, gaps ≤ 0.05)\n",
                "checklist: LAUNCH.md\nchecks:\n"
                        + "  - item: Model performance meets minimum thresholds\n"
                        + "    model: { predictions: preds.csv }\n"
                        + "  - item: Fairness metrics pass gates\n"
                        + "    model: { predictions: preds.csv, group: group, minGroupSize: 4 }\n",
                Map.of());
        Observation auc = r.check("Model performance meets minimum thresholds (AUC > 0.70)")
                .observation();
        assertThat(auc.status()).as(auc.summary()).isEqualTo(Status.PASS);
        Observation fair =
                r.check("Fairness metrics pass gates (AIR ≥ 0.80, gaps ≤ 0.05)").observation();
        assertThat(fair.status()).as(fair.summary()).isEqualTo(Status.FAIL);
        assertThat(fair.summary()).contains("AIR").contains("gaps");
        assertThat(r.json()).contains("\"decision\" : \"NO_GO\"");
    }
}
