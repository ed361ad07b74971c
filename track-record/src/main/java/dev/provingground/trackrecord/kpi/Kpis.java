package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.event.TrackEvent;

/** KPIs over a list of events; see {@link KpiAccumulator} and docs/KPIS.md. */
public final class Kpis {

    private Kpis() {
    }

    /** Events must be in log order (travelled distance joins consecutive samples). */
    public static KpiReport compute(Iterable<TrackEvent> events, KpiScope scope) {
        KpiAccumulator accumulator = new KpiAccumulator(scope);
        for (TrackEvent event : events) {
            accumulator.accept(event);
        }
        return accumulator.report();
    }
}
