package dev.provingground.server.events;

import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.TrackEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every event the server produces passes here once: encoded once, handed to each sink in order. */
public final class EventHub {

    private static final Logger LOG = Logger.getLogger(EventHub.class.getName());

    private final EventCodec codec = new EventCodec();
    private final List<EventSink> sinks = new CopyOnWriteArrayList<>();

    public void addSink(EventSink sink) {
        sinks.add(sink);
    }

    /**
     * @return completes once every sink holds the event — the track record once it is durable — and fails when one
     *         could not take it; most producers need not wait
     */
    public CompletableFuture<Void> publish(TrackEvent event) {
        byte[] json = codec.encode(event);
        List<CompletableFuture<Void>> kept = new ArrayList<>(sinks.size());
        for (EventSink sink : sinks) {
            try {
                kept.add(sink.accept(event, json));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "event sink " + sink.getClass().getSimpleName() + " failed on "
                        + event.type().typeName(), e);
                kept.add(CompletableFuture.failedFuture(e));
            }
        }
        return CompletableFuture.allOf(kept.toArray(CompletableFuture[]::new));
    }
}
