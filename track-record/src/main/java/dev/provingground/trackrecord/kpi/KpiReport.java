package dev.provingground.trackrecord.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * KPIs over a scope, in the fixed order docs/KPIS.md lists them.
 *
 * @param version the {@code kpis.json} version whose metrics these are ({@link KpiFiles#VERSION} when computed now)
 */
public record KpiReport(KpiScope scope, long eventsInScope, List<Metric> metrics, int version) {

    public KpiReport {
        metrics = List.copyOf(metrics);
    }

    public KpiReport(KpiScope scope, long eventsInScope, List<Metric> metrics) {
        this(scope, eventsInScope, metrics, KpiFiles.VERSION);
    }

    /**
     * The same KPIs as a {@code kpis.json} of an older version lists them, so a bundle exported then still verifies:
     * version 1 had no coverage and measured figures.
     */
    public KpiReport asVersion(int older) {
        if (older >= version) return this;
        return new KpiReport(scope, eventsInScope,
                metrics.stream().filter(m -> !RecordQuality.NAMES.contains(m.name())).toList(), older);
    }

    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The value of a metric that must exist; {@code null} when it is undefined. */
    public BigDecimal value(String name) {
        return metric(name).orElseThrow(() -> new IllegalArgumentException("no KPI named " + name)).value();
    }
}
