package io.golive.probe.model;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Turns a {@link Tally} into {@link ModelMetrics}: the overall ones and the gaps between groups. */
final class Fairness {
    private Fairness() {}

    static ModelMetrics metrics(Tally tally, boolean grouped) {
        Map<String, Double> v = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        v.put("auc", tally.auc());
        why.put("auc", "the labels hold only one class");
        v.put("ece", tally.ece());
        why.put("ece", "no rows");
        Map<String, Tally.GroupCounts> groups = tally.groups();
        String noGroups = grouped ? "fewer than two groups" : "no 'group' column configured";
        if (!grouped || groups.size() < 2) {
            for (String k : new String[] {"air", "tprgap", "fprgap", "gaps"}) {
                v.put(k, Double.NaN);
                why.put(k, noGroups);
            }
            return new ModelMetrics(v, why);
        }
        double low = extreme(groups, Tally.GroupCounts::selectionRate, false);
        double high = extreme(groups, Tally.GroupCounts::selectionRate, true);
        v.put("air", high == 0 ? Double.NaN : low / high);
        why.put("air", "no group has any row selected");
        v.put("tprgap", gap(groups, Tally.GroupCounts::tpr));
        why.put("tprgap", "a group has no positives");
        v.put("fprgap", gap(groups, Tally.GroupCounts::fpr));
        why.put("fprgap", "a group has no negatives");
        double tpr = v.get("tprgap");
        double fpr = v.get("fprgap");
        v.put("gaps", Double.isNaN(tpr) || Double.isNaN(fpr) ? Double.NaN : Math.max(tpr, fpr));
        why.put("gaps", Double.isNaN(tpr) ? why.get("tprgap") : why.get("fprgap"));
        return new ModelMetrics(v, why);
    }

    private static double gap(Map<String, Tally.GroupCounts> groups, ToDoubleFunction<Tally.GroupCounts> rate) {
        boolean undefined = groups.values().stream().anyMatch(g -> Double.isNaN(rate.applyAsDouble(g)));
        return undefined ? Double.NaN : extreme(groups, rate, true) - extreme(groups, rate, false);
    }

    private static double extreme(
            Map<String, Tally.GroupCounts> groups, ToDoubleFunction<Tally.GroupCounts> rate, boolean max) {
        Comparator<Tally.GroupCounts> c = Comparator.comparingDouble(rate);
        return rate.applyAsDouble(
                max
                        ? groups.values().stream().max(c).orElseThrow()
                        : groups.values().stream().min(c).orElseThrow());
    }
}
