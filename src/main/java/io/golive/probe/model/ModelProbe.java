package io.golive.probe.model;

import static java.util.Objects.requireNonNull;

import io.golive.checklist.Threshold;
import io.golive.checklist.ThresholdParser;
import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code model} probe: AUC, calibration (ECE) and fairness (AIR, TPR/FPR gaps) from a predictions CSV. */
public final class ModelProbe implements Probe<ModelConfig> {
    @Override
    public String kind() {
        return "model";
    }

    @Override
    public Class<ModelConfig> configType() {
        return ModelConfig.class;
    }

    @Override
    public Observation run(ModelConfig config, ProbeContext context) {
        requireNonNull(config, "null config");
        requireNonNull(context, "null context");
        List<Threshold> thresholds = thresholds(config, context);
        if (thresholds.isEmpty()) {
            return Observation.error("nothing to compare: no expect and the item names none of " + ModelMetrics.NAMES);
        }
        Path file = context.baseDir().resolve(config.predictions());
        if (!Files.isRegularFile(file)) {
            return Observation.error("no data: predictions file " + config.predictions() + " not found");
        }
        Tally tally;
        try {
            tally = new PredictionsReader(config, context.clock(), context.deadline()).read(file);
        } catch (PredictionsReader.BadData e) {
            return Observation.error(config.predictions() + ": " + e.getMessage());
        } catch (IOException e) {
            return Observation.error("cannot read " + config.predictions() + ": " + e);
        }
        if (tally.rows() == 0) {
            return Observation.error("no data: " + config.predictions() + " has no rows");
        }
        Optional<String> small = tooSmall(config, tally);
        if (small.isPresent()) {
            return Observation.error(small.get());
        }
        Observation o = judge(Fairness.metrics(tally, config.group().isPresent()), tally, thresholds)
                .withEvidence("predictions", file.toString());
        double error = tally.aucMaxError();
        return Double.isNaN(error) ? o : o.withEvidence("auc", precision(error));
    }

    private static String precision(double maxError) {
        return maxError == 0
                ? "exact"
                : String.format(
                        java.util.Locale.ROOT,
                        "within %.6f of the exact value (more than %d distinct scores, binned)",
                        maxError,
                        Auc.EXACT_SCORES);
    }

    private static List<Threshold> thresholds(ModelConfig config, ProbeContext context) {
        if (!config.expect().isEmpty()) {
            return config.expect().stream().map(ThresholdParser::parse).toList();
        }
        return context.inherited().stream()
                .filter(t -> ModelMetrics.key(t).isPresent())
                .toList();
    }

    private static Optional<String> tooSmall(ModelConfig config, Tally tally) {
        if (config.group().isEmpty()) {
            return Optional.empty();
        }
        return tally.groups().entrySet().stream()
                .filter(e -> e.getValue().rows < config.minGroupSize())
                .findFirst()
                .map(e -> "sample too small: group " + e.getKey() + " has " + e.getValue().rows + " < "
                        + config.minGroupSize());
    }

    private static Observation judge(ModelMetrics metrics, Tally tally, List<Threshold> thresholds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", tally.rows());
        m.put("positives", tally.positives());
        m.putAll(metrics.measurements());
        List<String> failed = new ArrayList<>();
        List<String> met = new ArrayList<>();
        for (Threshold t : thresholds) {
            String key = ModelMetrics.key(t).orElseThrow();
            double actual = metrics.values().get(key);
            if (Double.isNaN(actual)) {
                return new Observation(
                        io.golive.probe.Status.ERROR,
                        ModelMetrics.display(key) + " undefined: "
                                + metrics.undefined().get(key),
                        m,
                        Map.of());
            }
            double shown = t.unit().filter("%"::equals).isPresent() ? actual * 100 : actual;
            String text = String.format(java.util.Locale.ROOT, "%s %.3f", ModelMetrics.display(key), shown);
            if (t.test(shown)) {
                met.add(text + " " + t.expression());
            } else {
                failed.add(text + " does not meet " + t.expression());
            }
        }
        return failed.isEmpty()
                ? Observation.pass(String.join("; ", met), m)
                : Observation.fail(String.join("; ", failed), m);
    }
}
