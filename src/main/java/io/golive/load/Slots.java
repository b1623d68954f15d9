package io.golive.load;

import java.util.ArrayList;
import java.util.List;

/** Shares the connections (or users) of a plan among event loops and origins, by the requests' weights. */
final class Slots {
    private Slots() {}

    /**
     * The origin of each of {@code count} slots, in proportion to {@code weights}; every origin gets at
     * least one slot when there are enough slots.
     */
    static int[] origins(int count, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] origin = new int[count];
        int o = 0;
        double upTo = weights[0] / sum;
        for (int s = 0; s < count; s++) {
            double at = (s + 0.5) / count;
            while (at > upTo && o < weights.length - 1) {
                upTo += weights[++o] / sum;
            }
            origin[s] = o;
        }
        // A light origin may have got no slot: give it one from the origin holding the most.
        for (int missing = 0; missing < weights.length && count >= weights.length; missing++) {
            if (!contains(origin, missing)) {
                origin[indexOfMostCommon(origin, weights.length)] = missing;
            }
        }
        return origin;
    }

    /** Splits {@code total} slots over {@code loops} as evenly as possible. */
    static int[] perLoop(int total, int loops) {
        int[] n = new int[loops];
        for (int i = 0; i < loops; i++) {
            n[i] = total / loops + (i < total % loops ? 1 : 0);
        }
        return n;
    }

    /** The connections of each loop: every loop holds each origin (open model). */
    static List<List<Connection>> openModel(int total, int loops, double[] weights) {
        List<List<Connection>> all = new ArrayList<>();
        for (int n : perLoop(total, loops)) {
            List<Connection> mine = new ArrayList<>();
            for (int origin : origins(n, weights)) {
                mine.add(new Connection(origin));
            }
            all.add(mine);
        }
        return all;
    }

    /** The users of each loop, dealt in turn, with their start offsets over the ramp (closed model). */
    static List<List<Connection>> closedModel(int users, int loops, double[] weights) {
        int[] origin = origins(users, weights);
        List<List<Connection>> all = new ArrayList<>();
        for (int l = 0; l < loops; l++) {
            all.add(new ArrayList<>());
        }
        for (int u = 0; u < users; u++) {
            all.get(u % loops).add(new Connection(origin[u]));
        }
        return all;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfMostCommon(int[] origin, int origins) {
        int[] counts = new int[origins];
        for (int o : origin) {
            counts[o]++;
        }
        int most = 0;
        for (int o = 1; o < origins; o++) {
            if (counts[o] > counts[most]) {
                most = o;
            }
        }
        for (int s = origin.length - 1; s >= 0; s--) {
            if (origin[s] == most) {
                return s;
            }
        }
        return 0;
    }
}
