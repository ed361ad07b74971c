package dev.provingground.server.events;

import dev.provingground.trackrecord.event.TrackEvent;

import java.util.concurrent.CompletableFuture;

/**
 * Somewhere events go: the recent-events buffer, the live feed, the track record. Called on the event loop; must
 * not block.
 *
 * @see EventHub
 */
public interface EventSink {

    CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    /**
     * @param json the event's canonical bytes (the exact leaf the track record stores)
     * @return completes once the sink holds the event for good: at once for a buffer, once durable for the track
     *         record
     */
    CompletableFuture<Void> accept(TrackEvent event, byte[] json);
}
