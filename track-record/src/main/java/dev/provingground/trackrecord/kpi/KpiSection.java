package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.event.TrackEvent;

/**
 * One group of KPIs of format version 2. A section sees every in-scope event in log order and then adds its metrics,
 * in a fixed order, to the report. To add metrics, write a section (or add a {@link CountedEvents} line) in
 * {@link KpiAccumulator}, document the formulas in docs/KPIS.md, and raise {@link KpiFiles#VERSION} when bundles
 * already exported would no longer match (keep the old path in {@link KpiVersions} so they still verify).
 */
public interface KpiSection {

    void accept(TrackEvent event);

    /** @param exposure distance and operating time of the scope, for rates */
    void report(Exposure exposure, MetricList out);
}
