package io.golive.load;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Chooses the next request by weight, among all requests or among those of one origin. */
final class RequestPicker {
    private final Choice all;
    private final Choice[] byOrigin;

    RequestPicker(List<EncodedRequest> requests, int[] weights, int origins, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        this.all = new Choice(requests, weights, i -> true, random.split());
        this.byOrigin = new Choice[origins];
        for (int o = 0; o < origins; o++) {
            int origin = o;
            byOrigin[o] = new Choice(requests, weights, i -> requests.get(i).origin == origin, random.split());
        }
    }

    EncodedRequest pick() {
        return all.pick();
    }

    EncodedRequest pick(int origin) {
        return byOrigin[origin].pick();
    }

    private static final class Choice {
        private final EncodedRequest[] requests;
        private final int[] cumulative;
        private final SplittableRandom random;

        Choice(List<EncodedRequest> all, int[] weights, java.util.function.IntPredicate keep, SplittableRandom random) {
            int[] kept =
                    java.util.stream.IntStream.range(0, all.size()).filter(keep).toArray();
            this.requests = Arrays.stream(kept).mapToObj(all::get).toArray(EncodedRequest[]::new);
            this.cumulative = new int[kept.length];
            int sum = 0;
            for (int i = 0; i < kept.length; i++) {
                sum += weights[kept[i]];
                cumulative[i] = sum;
            }
            this.random = random;
        }

        EncodedRequest pick() {
            if (requests.length == 1) {
                return requests[0];
            }
            int x = random.nextInt(cumulative[cumulative.length - 1]);
            int i = Arrays.binarySearch(cumulative, x + 1);
            return requests[i >= 0 ? i : -i - 1];
        }
    }
}
