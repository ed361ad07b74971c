package dev.provingground.server.events;

import dev.provingground.trackrecord.event.TrackEvent;

/**
 * Somewhere events go: the recent-events buffer, the live feed, the track record. Called on the event loop; must
 * not block.
 *
 * @see EventBus
 */
public interface EventSink {

    /** @param json the event's canonical bytes (the exact leaf the track record stores) */
    void accept(TrackEvent event, byte[] json);
}
