package io.golive.probe.model;

import io.golive.checklist.ThresholdParser;
import io.golive.probe.ProbeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code model:} check: a model's predictions in a CSV file, scored for discrimination, calibration
 * and fairness.
 *
 * @param predictions the CSV file, relative to the spec's folder; the first row names the columns
 * @param label the column holding the true outcome, 0 or 1 (default {@code label})
 * @param score the column holding the predicted probability, 0 to 1 (default {@code score})
 * @param group the column naming each row's group, for the fairness metrics
 * @param bins equal-width bins for the calibration error (default 10)
 * @param cutoff a row is selected when its score is at least this (default 0.5)
 * @param minGroupSize a group with fewer rows makes the check ERROR (default 30)
 * @param expect thresholds such as {@code "AUC > 0.70"}; the bound item's thresholds when absent
 */
public record ModelConfig(
        String predictions,
        String label,
        String score,
        Optional<String> group,
        Integer bins,
        Double cutoff,
        Integer minGroupSize,
        List<String> expect)
        implements ProbeConfig {
    public ModelConfig {
        label = label == null ? "label" : label;
        score = score == null ? "score" : score;
        group = group == null ? Optional.empty() : group;
        bins = bins == null ? 10 : bins;
        cutoff = cutoff == null ? 0.5 : cutoff;
        minGroupSize = minGroupSize == null ? 30 : minGroupSize;
        expect = expect == null ? List.of() : List.copyOf(expect);
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (predictions == null || predictions.isBlank()) {
            problems.add("'predictions' (the CSV file) is required");
        }
        if (bins < 1) {
            problems.add("'bins' must be at least 1, not " + bins);
        }
        if (!(cutoff >= 0 && cutoff <= 1)) {
            problems.add("'cutoff' must be between 0 and 1, not " + cutoff);
        }
        if (minGroupSize < 1) {
            problems.add("'minGroupSize' must be at least 1, not " + minGroupSize);
        }
        for (String e : expect) {
            try {
                if (ModelMetrics.key(ThresholdParser.parse(e)).isEmpty()) {
                    problems.add("expect '" + e + "' must name one of " + ModelMetrics.NAMES);
                }
            } catch (IllegalArgumentException ex) {
                problems.add(ex.getMessage());
            }
        }
        return problems;
    }
}
