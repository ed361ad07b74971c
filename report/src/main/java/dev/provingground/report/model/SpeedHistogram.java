package dev.provingground.report.model;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** How many state samples fell in each speed bin of {@link #BIN} m/s, and the speed caps the bundle records. */
public final class SpeedHistogram {

    public static final double BIN = 0.1;
    /** Samples faster than this share the last bin: a robot claiming 1,000 m/s must not make a chart of 10,000 bins. */
    public static final int MAX_BINS = 100;

    private long[] counts = new long[0];
    private long samples;
    private final TreeSet<Double> caps = new TreeSet<>();

    void sample(double speed) {
        // The small nudge keeps a speed of exactly 1.7 m/s in the bin [1.7, 1.8) despite 1.7 / 0.1 = 16.999…
        int bin = (int) Math.min(MAX_BINS - 1, Math.floor(speed / BIN + 1e-9));
        if (bin >= counts.length) {
            counts = Arrays.copyOf(counts, bin + 1);
        }
        counts[bin]++;
        samples++;
    }

    void cap(double metresPerSecond) {
        caps.add(metresPerSecond);
    }

    /** Samples per bin; bin {@code i} holds speeds in {@code [i * BIN, (i + 1) * BIN)}. */
    public long[] counts() {
        return counts.clone();
    }

    public long samples() {
        return samples;
    }

    /** The limits of the overspeed events in the bundle, m/s. */
    public Set<Double> caps() {
        return Set.copyOf(caps);
    }

    public TreeSet<Double> sortedCaps() {
        return new TreeSet<>(caps);
    }
}
