package dev.provingground.trackrecord.kpi;

import org.apache.commons.statistics.distribution.GammaDistribution;

/**
 * The exact (Garwood) two-sided confidence interval of a Poisson mean from one observed count: lower bound
 * {@code Γ⁻¹(α/2; k, 1)} (0 when k = 0), upper bound {@code Γ⁻¹(1 − α/2; k + 1, 1)}, the gamma form of the usual
 * {@code χ²(α/2; 2k)/2} and {@code χ²(1 − α/2; 2k + 2)/2}. Divided by the exposure it bounds a rate.
 */
public final class PoissonInterval {

    public static final double CONFIDENCE = 0.95;

    private PoissonInterval() {
    }

    /** Lower bound of the mean count for {@code k} observed events. */
    public static double lower(long k) {
        if (k < 0) throw new IllegalArgumentException("a count cannot be negative, got " + k);
        return k == 0 ? 0 : GammaDistribution.of(k, 1).inverseCumulativeProbability((1 - CONFIDENCE) / 2);
    }

    /** Upper bound of the mean count for {@code k} observed events. */
    public static double upper(long k) {
        if (k < 0) throw new IllegalArgumentException("a count cannot be negative, got " + k);
        return GammaDistribution.of(k + 1, 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }
}
