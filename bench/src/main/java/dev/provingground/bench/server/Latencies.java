package dev.provingground.bench.server;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measured latencies in nanoseconds, sorted, with nearest-rank percentiles: the p-th percentile is the smallest
 * sample that at least p % of the samples do not exceed, so it is always a latency that actually occurred.
 */
final class Latencies {

    private final long[] sortedNanos;

    private Latencies(long[] nanos) {
        sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    static Latencies of(long[] nanos) {
        return new Latencies(nanos);
    }

    /** All samples of several measurements together. */
    static Latencies merge(Iterable<Latencies> parts) {
        long[] all = new long[0];
        for (Latencies p : parts) {
            int at = all.length;
            all = Arrays.copyOf(all, at + p.count());
            System.arraycopy(p.sortedNanos, 0, all, at, p.count());
        }
        return new Latencies(all);
    }

    int count() {
        return sortedNanos.length;
    }

    /** @param p in (0, 100] */
    long percentileNanos(double p) {
        if (!(p > 0 && p <= 100)) throw new IllegalArgumentException("percentile: must be in (0, 100], got " + p);
        if (sortedNanos.length == 0) throw new IllegalStateException("no latencies were measured");
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1];
    }

    long maxNanos() {
        return percentileNanos(100);
    }

    String describe() {
        if (sortedNanos.length == 0) return "nothing measured";
        return String.format(Locale.ROOT, "p50 %.3f ms, p99 %.3f ms, max %.3f ms over %d", millis(percentileNanos(50)),
                millis(percentileNanos(99)), millis(maxNanos()), count());
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    @Override
    public String toString() {
        return "Latencies[" + describe() + "]";
    }
}
