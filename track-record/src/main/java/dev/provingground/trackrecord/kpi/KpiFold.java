package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.event.TrackEvent;

/** Events in, KPIs out: one implementation per KPI format version (see {@link KpiVersions}). */
public interface KpiFold {

    /** Counts the event if it is in scope; call for every leaf in log order. */
    void accept(TrackEvent event);

    KpiReport report();
}
