package dev.provingground.server.evidence;

import dev.provingground.server.events.EventSink;
import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.store.StorageUnavailableException;

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
 * starts with a snapshot of the rules in force, so each firm's record shows the rules it ran under.
 */
public final class TrackRecordSink implements EventSink {

    private static final Logger LOG = Logger.getLogger(TrackRecordSink.class.getName());

    private final TrackRecordStore store;
    private final Function<String, TrackEvent> rulesInForce;
    private final Set<LogId> known = ConcurrentHashMap.newKeySet();

    /** @param rulesInForce the site's current zone set as a configuration event, by site */
    public TrackRecordSink(TrackRecordStore store, Function<String, TrackEvent> rulesInForce) {
        this.store = store;
        this.rulesInForce = rulesInForce;
        known.addAll(store.logs());
    }

    @Override
    public CompletableFuture<Void> accept(TrackEvent event, byte[] json) {
        if (event.firm() != null && known.add(event.log())) {
            // Appends are queued in call order, so the snapshot lands before the event that opened the log.
            store.ensureLog(event.log());
            TrackEvent rules = rulesInForce.apply(event.site());
            if (rules != null) store.record(new TrackEvent(event.time(), rules.site(), event.firm(), null, rules.body()))
                    .thenApply(x -> (Void) null).exceptionally(e -> failed(rules, e));
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
