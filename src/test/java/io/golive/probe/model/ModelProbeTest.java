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
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model probe on small hand-computed files, random files checked against a brute-force AUC, a million
 * rows in a 64 MB heap, and a spec.
 */
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
    void aucOfManyDistinctScoresStaysWithinAThousandthOfThePairCount() throws IOException {
        Random r = new Random(7);
        // Logit means and spreads: a typical model, scores crowded near 0 (fraud), near 1, and a weak one.
        double[][] shapes = {{-1, 1.5, 1}, {-9, 1.2, 1.5}, {6, 1, 1.2}, {0, 0.3, 0.1}};
        for (double[] shape : shapes) {
            int n = 5_000;
            int[] labels = new int[n];
            double[] scores = new double[n];
            StringBuilder csv = new StringBuilder("label,score\n");
            for (int i = 0; i < n; i++) {
                labels[i] = r.nextDouble() < 0.25 ? 1 : 0;
                double logit = shape[0] + shape[2] * labels[i] + shape[1] * r.nextGaussian();
                scores[i] = 1 / (1 + Math.exp(-logit));
                csv.append(labels[i]).append(',').append(scores[i]).append('\n');
            }
            Observation o = run(csv.toString(), null, null, List.of("AUC > 0.5"));
            assertThat((double) o.measurements().get("AUC"))
                    .as("shape %s", java.util.Arrays.toString(shape))
                    .isCloseTo(pairCount(labels, scores), within(0.001));
            assertThat(o.evidence().get("auc")).contains("binned");
        }
    }

    @Test
    void millionRowsFitIn64MegabytesOfHeap() throws Exception {
        Random r = new Random(1);
        int n = 1_000_000;
        boolean[] positive = new boolean[n];
        double[] scores = new double[n];
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("big.csv"))) {
            out.write("id,label,score,group\n");
            for (int i = 0; i < n; i++) {
                positive[i] = r.nextDouble() < 0.2;
                scores[i] = 1 / (1 + Math.exp(-(-1.5 + (positive[i] ? 1.4 : 0) + r.nextGaussian())));
                out.write(i + "," + (positive[i] ? 1 : 0) + "," + scores[i] + "," + (i % 3 == 0 ? "a" : "b") + "\n");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SmallHeap.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        String output;
        try {
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        System.out.println("model probe on 1,000,000 rows with -Xmx64m: " + output.strip());
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("status=PASS").contains("n=1000000");
        double auc = Double.parseDouble(output.replaceAll("(?s).*AUC=([0-9.]+).*", "$1"));
        assertThat(auc).isCloseTo(sortedAuc(positive, scores), within(0.001));
    }

    /** Runs the probe on big.csv in a JVM of its own, so that the test can give it a small heap. */
    static final class SmallHeap {
        public static void main(String[] args) {
            long start = System.nanoTime();
            ModelConfig c = new ModelConfig(
                    "big.csv", null, null, Optional.of("group"), null, null, null, List.of("AUC > 0.5"));
            ProbeContext context = new ProbeContext(
                    Clock.systemUTC(),
                    Instant.now().plusSeconds(120),
                    Map.of(),
                    Path.of(args[0]),
                    List.of(),
                    Secrets.none());
            Observation o = new ModelProbe().run(c, context);
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed())
                    .sum();
            System.out.println("status=" + o.status() + " " + o.summary() + " " + o.measurements() + " " + o.evidence()
                    + " ms=" + (System.nanoTime() - start) / 1_000_000 + " peakHeapMB=" + peak / (1 << 20));
        }
    }

    /** The exact AUC by brute force: every positive against every negative, ties counting one half. */
    static double pairCount(int[] labels, double[] scores) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < labels.length; j++) {
                if (labels[i] == 1 && labels[j] == 0) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }

    /** The exact AUC from the rows sorted by score, ties (runs of equal scores) counting one half. */
    static double sortedAuc(boolean[] positive, double[] scores) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double wins = 0;
        long negativesBelow = 0;
        long positives = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            long p = 0;
            long neg = 0;
            for (; j < order.length && scores[order[j]] == scores[order[i]]; j++) {
                p += positive[order[j]] ? 1 : 0;
                neg += positive[order[j]] ? 0 : 1;
            }
            wins += p * (negativesBelow + neg / 2.0);
            negativesBelow += neg;
            positives += p;
            i = j;
        }
        return wins / ((double) positives * negativesBelow);
    }

    @Test
    void moreThanAThousandGroupsIsAnErrorNamingTheLine() throws IOException {
        StringBuilder csv = new StringBuilder("label,score,customer\n");
        for (int i = 0; i < 1_500; i++) {
            csv.append(i % 2)
                    .append(",0.")
                    .append(i % 10)
                    .append(",c")
                    .append(i)
                    .append('\n');
        }
        Observation o = run(csv.toString(), "customer", 1, List.of("AIR >= 0.8"));
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("line 1002, column customer: more than 1000 groups");
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
