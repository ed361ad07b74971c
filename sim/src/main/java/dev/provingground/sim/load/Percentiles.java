package dev.provingground.sim.load;

import java.util.Arrays;

/**
 * Nearest-rank percentiles: the p-th percentile is the smallest sample that at least p % of the samples do not
 * exceed, so it is always a time that actually occurred.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** @param p in (0, 100]; NaN when there are no samples */
    public static double millis(long[] nanos, double p) {
        if (!(p > 0 && p <= 100)) throw new IllegalArgumentException("percentile: must be in (0, 100], got " + p);
        if (nanos.length == 0) return Double.NaN;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }
}
