package dev.provingground.trackrecord.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * KPIs over a scope, in the fixed order docs/KPIS.md lists them.
 *
 * @param version the KPI format version they were computed and written with
 */
public record KpiReport(int version, KpiScope scope, long eventsInScope, List<Metric> metrics) {

    public KpiReport {
        metrics = List.copyOf(metrics);
    }

    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The metric that must exist. */
    public Metric require(String name) {
        return metric(name).orElseThrow(() -> new IllegalArgumentException("no KPI named " + name));
    }

    /** The value of a metric that must exist; {@code null} when it is undefined. */
    public BigDecimal value(String name) {
        return require(name).value();
    }
}
