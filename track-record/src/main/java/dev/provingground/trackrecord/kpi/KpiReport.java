package dev.provingground.trackrecord.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** KPIs over a scope, in the fixed order docs/KPIS.md lists them. */
public record KpiReport(KpiScope scope, long eventsInScope, List<Metric> metrics) {

    public KpiReport {
        metrics = List.copyOf(metrics);
    }

    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The value of a metric that must exist; {@code null} when it is undefined. */
    public BigDecimal value(String name) {
        return metric(name).orElseThrow(() -> new IllegalArgumentException("no KPI named " + name)).value();
    }
}
