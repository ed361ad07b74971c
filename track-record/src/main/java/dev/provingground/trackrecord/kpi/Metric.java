package dev.provingground.trackrecord.kpi;

import java.math.BigDecimal;

/**
 * One KPI value, and for a rate what it was computed from, so a reviewer can judge it.
 *
 * @param name  dotted name, e.g. {@code distance.total_km}
 * @param unit  unit of the value, e.g. {@code km}, {@code count}, {@code ratio}
 * @param value the value, or {@code null} when it is undefined (a rate over zero distance) or there is not enough
 *              data for it ({@link Basis#note()} says which)
 * @param basis for a rate or ratio: numerator, denominator, sample size, confidence interval; {@code null} for counts
 *              and sums (and for every metric of format version 1)
 */
public record Metric(String name, String unit, BigDecimal value, Basis basis) {

    /**
     * What a rate rests on.
     *
     * @param numerator   what was counted or summed, in the numerator's own unit
     * @param denominator what it is divided by (km, hours, missions, seconds)
     * @param sampleSize  the number of observations the value rests on: the events counted for a rate of rare
     *                    events, the items (missions, rides, sample intervals) for a share
     * @param ciLow       lower bound of the exact 95 % Poisson interval, rare-event rates only; else {@code null}
     * @param ciHigh      upper bound of that interval, or {@code null}
     * @param note        why the value is missing ("not enough data: …", "undefined: …"), or {@code null}
     */
    public record Basis(BigDecimal numerator, BigDecimal denominator, Long sampleSize, BigDecimal ciLow,
                        BigDecimal ciHigh, String note) {
    }

    public Metric {
        if (name == null || name.isEmpty() || unit == null || unit.isEmpty()) {
            throw new IllegalArgumentException("a metric needs a name and a unit");
        }
    }

    /** A metric with no basis: a count, a sum, or any metric of format version 1. */
    public static Metric of(String name, String unit, BigDecimal value) {
        return new Metric(name, unit, value, null);
    }

    /** Plain decimal text, empty when undefined. */
    public String valueText() {
        return value == null ? "" : value.toPlainString();
    }
}
