package dev.provingground.scenarios.harness;

import dev.provingground.server.events.EventSink;
import dev.provingground.trackrecord.event.TrackEvent;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** Counts every event the server publishes, by type: one of the figures two runs of a scenario must agree on. */
public final class EventTally implements EventSink {

    private final Map<String, Integer> byType = new TreeMap<>();

    @Override
    public synchronized CompletableFuture<Void> accept(TrackEvent event, byte[] json) {
        byType.merge(event.type().toString(), 1, Integer::sum);
        return DONE;
    }

    public synchronized Map<String, Integer> byType() {
        return Collections.unmodifiableMap(new TreeMap<>(byType));
    }
}
