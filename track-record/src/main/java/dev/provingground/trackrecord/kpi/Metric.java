package dev.provingground.trackrecord.kpi;

import java.math.BigDecimal;

/**
 * One KPI value.
 *
 * @param name  dotted name, e.g. {@code distance.total_km}
 * @param unit  unit of the value, e.g. {@code km}, {@code count}, {@code ratio}
 * @param value the value, or {@code null} when it is undefined (e.g. a rate over zero distance)
 */
public record Metric(String name, String unit, BigDecimal value) {

    public Metric {
        if (name == null || name.isEmpty() || unit == null || unit.isEmpty()) {
            throw new IllegalArgumentException("a metric needs a name and a unit");
        }
    }

    /** Plain decimal text, empty when undefined. */
    public String valueText() {
        return value == null ? "" : value.toPlainString();
    }
}
