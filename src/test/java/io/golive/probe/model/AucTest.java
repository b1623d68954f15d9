package io.golive.probe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming AUC: exact with few distinct scores, binned and bounded past them, never out of order. */
class AucTest {
    @Test
    void exactWhileTheDistinctScoresAreFew() {
        Random r = new Random(3);
        int n = 20_000;
        boolean[] positive = new boolean[n];
        double[] scores = new double[n];
        Auc auc = new Auc();
        for (int i = 0; i < n; i++) {
            positive[i] = r.nextBoolean();
            // At most EXACT_SCORES distinct values, 1e-7 apart: too close for the buckets to tell apart.
            scores[i] = 0.5 + r.nextInt(positive[i] ? Auc.EXACT_SCORES : Auc.EXACT_SCORES / 2) * 1e-7;
            auc.add(positive[i], scores[i]);
        }
        assertThat(auc.maxError()).isZero();
        assertThat(auc.value()).isCloseTo(ModelProbeTest.sortedAuc(positive, scores), within(1e-12));
    }

    @Test
    void manyDistinctScoresAreBinnedInBoundedMemoryWithinTheErrorItReports() {
        Random r = new Random(5);
        int n = 300_000;
        boolean[] positive = new boolean[n];
        double[] scores = new double[n];
        Auc auc = new Auc();
        for (int i = 0; i < n; i++) {
            positive[i] = r.nextDouble() < 0.3;
            scores[i] = 1 / (1 + Math.exp(-(-1 + (positive[i] ? 1.2 : 0) + 1.5 * r.nextGaussian())));
            auc.add(positive[i], scores[i]);
            assertThat(auc.size()).isLessThanOrEqualTo(2 * Auc.BUCKETS);
        }
        double exact = ModelProbeTest.sortedAuc(positive, scores);
        assertThat(auc.maxError()).isPositive().isLessThan(0.001);
        assertThat(auc.value()).isCloseTo(exact, within(auc.maxError()));
    }

    @Test
    void bucketsKeepTheOrderOfTheScores() {
        double[] scores = {0, 1e-300, 1e-15, 1e-9, 0.001, 0.3, 0.5, Math.nextUp(0.5), 0.7, 0.999999, 1 - 1e-16, 1};
        int[] buckets = Arrays.stream(scores).mapToInt(Auc::bucket).toArray();
        assertThat(buckets).isSorted();
        assertThat(buckets[0]).isZero();
        assertThat(buckets[buckets.length - 1]).isEqualTo(Auc.BUCKETS - 1);
        assertThat(Auc.bucket(0.5)).isEqualTo(Auc.BUCKETS / 2);
        assertThat(Auc.bucket(1e-9)).isGreaterThan(Auc.bucket(1e-12));
    }

    @Test
    void negativeZeroTiesWithZeroAndOneClassIsUndefined() {
        Auc auc = new Auc();
        auc.add(true, -0.0);
        assertThat(auc.value()).isNaN();
        assertThat(auc.maxError()).isNaN();
        auc.add(false, 0.0);
        assertThat(auc.value()).isEqualTo(0.5);
    }
}
