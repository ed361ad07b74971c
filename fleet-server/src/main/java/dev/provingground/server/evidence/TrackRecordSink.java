package dev.provingground.server.evidence;

import dev.provingground.server.events.EventSink;
import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.store.StorageUnavailableException;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every event the server produces goes into the track record: a firm's event into that firm's log at the site,
 * a site-wide configuration change into the site log and every firm log of the site. A firm log opened later
 * starts with snapshots of what is in force — the site's definition, then its zones and rules — so each firm's record
 * shows the site, levels and rules it ran under.
 */
public final class TrackRecordSink implements EventSink {

    private static final Logger LOG = Logger.getLogger(TrackRecordSink.class.getName());

    private final TrackRecordStore store;
    private final List<Function<String, TrackEvent>> inForce;
    private final Set<LogId> known = ConcurrentHashMap.newKeySet();

    /**
     * @param inForce what is in force at a site as configuration events, by site (e.g. its definition, its zone
     *                set), recorded in this order at the head of a firm log; a function may return null
     */
    public TrackRecordSink(TrackRecordStore store, List<Function<String, TrackEvent>> inForce) {
        this.store = store;
        this.inForce = List.copyOf(inForce);
        known.addAll(store.logs());
    }

    @Override
    public CompletableFuture<Void> accept(TrackEvent event, byte[] json) {
        if (event.firm() != null && known.add(event.log())) {
            // Appends are queued in call order, so the snapshot lands before the event that opened the log.
            store.ensureLog(event.log());
            for (Function<String, TrackEvent> snapshot : inForce) {
                TrackEvent rules = snapshot.apply(event.site());
                if (rules != null) store.record(new TrackEvent(event.time(), rules.site(), event.firm(), null, rules.body()))
                        .thenApply(x -> (Void) null).exceptionally(e -> failed(rules, e));
            }
        }
        if (event.firm() == null && event.body() instanceof ConfigurationChange) known.add(LogId.siteLog(event.site()));
        CompletableFuture<Void> appended = event.firm() == null && event.body() instanceof ConfigurationChange
                ? store.appendSiteWide(event.site(), json).thenApply(x -> null)
                : store.append(event.log(), json).thenApply(x -> null);
        appended.exceptionally(e -> failed(event, e));
        return appended;
    }

    private Void failed(TrackEvent event, Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof StorageUnavailableException) {
            // Counted by the store, shown by health and written to the log as record.gap once storage is back.
            LOG.warning("track record: " + event.type().typeName() + " event for " + event.log().origin()
                    + " refused: " + cause.getMessage());
            return null;
        }
        LOG.log(Level.SEVERE, "track record: " + event.type().typeName() + " event for " + event.log().origin()
                + " was not recorded", e);
        return null;
    }
}
