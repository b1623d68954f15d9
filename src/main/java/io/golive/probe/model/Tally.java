package io.golive.probe.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running counts over a predictions file, one row at a time, in bounded memory: at most
 * {@value #MAX_GROUPS} groups, and an {@link Auc} that bins its scores when they are many.
 */
final class Tally {
    static final int MAX_GROUPS = 1_000;

    private final double cutoff;
    private final long[] binCount;
    private final double[] binScore;
    private final long[] binPositive;
    private final Auc auc = new Auc();

    private final Map<String, GroupCounts> groups = new LinkedHashMap<>();
    private long rows;
    private long positives;

    Tally(int bins, double cutoff) {
        this.cutoff = cutoff;
        this.binCount = new long[bins];
        this.binScore = new double[bins];
        this.binPositive = new long[bins];
    }

    void add(boolean positive, double score, String group) {
        rows++;
        positives += positive ? 1 : 0;
        int b = Math.min((int) (score * binCount.length), binCount.length - 1);
        binCount[b]++;
        binScore[b] += score;
        binPositive[b] += positive ? 1 : 0;
        auc.add(positive, score);
        groups.computeIfAbsent(group, g -> new GroupCounts()).add(positive, score >= cutoff);
    }

    long rows() {
        return rows;
    }

    long positives() {
        return positives;
    }

    Map<String, GroupCounts> groups() {
        return groups;
    }

    /** Whether a row of this group can be counted: it is known, or there are fewer than MAX_GROUPS. */
    boolean hasRoomFor(String group) {
        return groups.size() < MAX_GROUPS || groups.containsKey(group);
    }

    /** Mann–Whitney AUC: the chance a positive outranks a negative, ties counting one half. */
    double auc() {
        return auc.value();
    }

    /** How far {@link #auc()} may be from the exact AUC (0 when exact), see {@link Auc}. */
    double aucMaxError() {
        return auc.maxError();
    }

    /** Expected calibration error over equal-width bins. */
    double ece() {
        if (rows == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int b = 0; b < binCount.length; b++) {
            if (binCount[b] > 0) {
                double gap = Math.abs(binScore[b] / binCount[b] - (double) binPositive[b] / binCount[b]);
                sum += (double) binCount[b] / rows * gap;
            }
        }
        return sum;
    }

    /** Counts of one group: rows, positives, and those selected (score at or above the cutoff). */
    static final class GroupCounts {
        long rows;
        long positives;
        long selected;
        long truePositives;
        long falsePositives;

        void add(boolean positive, boolean chosen) {
            rows++;
            positives += positive ? 1 : 0;
            selected += chosen ? 1 : 0;
            truePositives += positive && chosen ? 1 : 0;
            falsePositives += !positive && chosen ? 1 : 0;
        }

        double selectionRate() {
            return (double) selected / rows;
        }

        double tpr() {
            return positives == 0 ? Double.NaN : (double) truePositives / positives;
        }

        double fpr() {
            long negatives = rows - positives;
            return negatives == 0 ? Double.NaN : (double) falsePositives / negatives;
        }
    }
}
