package io.golive.probe.model;

import java.util.TreeMap;

/**
 * The rank-based (Mann–Whitney) AUC of a stream of scores in [0, 1], in bounded memory (at most ~2.5 MB).
 *
 * <p>It is exact while the stream holds at most {@value #EXACT_SCORES} distinct scores: positives and
 * negatives are counted per score. Past that, scores are counted in {@value #BUCKETS} buckets of equal
 * width on the logit scale, ln(s / (1 − s)) from −32 to 32: a bucket spans 1.2e-4 of score around 0.5
 * and proportionally less toward 0 and 1 (5e-8 around 1e-4; scores below 1.3e-14 or above 1 − 1.3e-14
 * share the end buckets), and a positive and a negative in the same bucket count one half, as a tie does. The binned AUC then differs from the exact one by at most {@link #maxError()}, half
 * the share of positive–negative pairs that fall in one bucket: 4e-5 to 2e-4 for realistic scores (the
 * actual difference is far smaller), 0.001 only when thousands of distinct scores crowd into a band as
 * narrow as 0.5 ± 0.0125.
 */
final class Auc {
    static final int EXACT_SCORES = 4_096;
    static final int BUCKETS = 1 << 17;
    private static final double LOGIT_LIMIT = 32;

    /** Per distinct score: {positives, negatives}; null once there were too many and they are binned. */
    private TreeMap<Double, long[]> exact = new TreeMap<>();
    /** Per bucket b: positives at 2b, negatives at 2b + 1; null while exact. */
    private long[] binned;

    private long positives;
    private long negatives;

    void add(boolean positive, double score) {
        positives += positive ? 1 : 0;
        negatives += positive ? 0 : 1;
        if (binned != null) {
            binned[2 * bucket(score) + (positive ? 0 : 1)]++;
            return;
        }
        // + 0.0 makes -0.0 and 0.0 one score.
        exact.computeIfAbsent(score + 0.0, s -> new long[2])[positive ? 0 : 1]++;
        if (exact.size() > EXACT_SCORES) {
            binned = new long[2 * BUCKETS];
            exact.forEach((s, c) -> {
                binned[2 * bucket(s)] += c[0];
                binned[2 * bucket(s) + 1] += c[1];
            });
            exact = null;
        }
    }

    /** The chance a positive outranks a negative, ties counting one half; NaN with one class only. */
    double value() {
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        long[] cells = cells();
        double wins = 0;
        long negativesBelow = 0;
        for (int i = 0; i < cells.length; i += 2) {
            wins += cells[i] * (negativesBelow + cells[i + 1] / 2.0);
            negativesBelow += cells[i + 1];
        }
        return wins / ((double) positives * negatives);
    }

    /** How far {@link #value()} may be from the exact AUC: 0 while exact, NaN with one class only. */
    double maxError() {
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        if (binned == null) {
            return 0;
        }
        double shared = 0;
        for (int i = 0; i < binned.length; i += 2) {
            shared += (double) binned[i] * binned[i + 1];
        }
        return shared / 2 / ((double) positives * negatives);
    }

    /** How many counts are held, at most {@code 2 * BUCKETS} whatever the rows. */
    int size() {
        return binned == null ? 2 * exact.size() : binned.length;
    }

    /** Counts in ascending order of score, two a cell: positives, then negatives. */
    private long[] cells() {
        if (binned != null) {
            return binned;
        }
        long[] cells = new long[2 * exact.size()];
        int i = 0;
        for (long[] c : exact.values()) {
            cells[i++] = c[0];
            cells[i++] = c[1];
        }
        return cells;
    }

    /** The bucket of a score: never decreasing with the score, so buckets keep the scores' order. */
    static int bucket(double score) {
        double logit = Math.log(score) - Math.log1p(-score);
        double clamped = Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT, logit));
        return (int) Math.min(BUCKETS - 1, (clamped + LOGIT_LIMIT) / (2 * LOGIT_LIMIT) * BUCKETS);
    }
}
