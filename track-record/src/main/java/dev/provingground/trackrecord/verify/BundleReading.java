package dev.provingground.trackrecord.verify;

import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.kpi.KpiReport;

/**
 * Sees a bundle while {@link BundleVerifier} checks it, so a reader (the PDF report) needs one pass over the events,
 * not two. What it is handed is believed only once the verifier returns a valid result: a reader must drop
 * everything it gathered when the result is invalid.
 */
public interface BundleReading {

    /** The bundle's signed facts, after the checkpoint signature and the manifest were checked. */
    default void opened(BundleFacts facts) {
    }

    /**
     * One event of events.jsonl, in log order, decoded and found to belong to the log.
     *
     * @param leafIndex the event's index in the log, for an inclusion proof
     */
    void event(long leafIndex, TrackEvent event);

    /** The KPIs recomputed from the events, after they were found equal to the bundle's kpis.json. */
    default void kpisVerified(KpiReport kpis) {
    }

    /** Reads nothing. */
    BundleReading NONE = (leafIndex, event) -> { };
}
