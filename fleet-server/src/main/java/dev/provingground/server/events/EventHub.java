package dev.provingground.server.events;

import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.TrackEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every event the server produces passes here once: encoded once, where it is produced, then handed to each sink in
 * order on the sinks' own thread — the server's context, where the track record appends and the live feed sends —
 * so producers on a robot lane never touch the sinks themselves.
 */
public final class EventHub {

    private static final Logger LOG = Logger.getLogger(EventHub.class.getName());

    private final EventCodec codec = new EventCodec();
    private final List<EventSink> sinks = new CopyOnWriteArrayList<>();
    private final Executor sinksRunOn;

    /** Sinks are handed each event on the producer's thread. */
    public EventHub() {
        this(Runnable::run);
    }

    /** @param sinksRunOn where sinks are handed events; events produced on one thread reach them in that order */
    public EventHub(Executor sinksRunOn) {
        this.sinksRunOn = sinksRunOn;
    }

    public void addSink(EventSink sink) {
        sinks.add(sink);
    }

    /**
     * @return completes once every sink holds the event — the track record once it is durable — and fails when one
     *         could not take it; most producers need not wait
     */
    public CompletableFuture<Void> publish(TrackEvent event) {
        byte[] json = codec.encode(event);
        CompletableFuture<Void> held = new CompletableFuture<>();
        sinksRunOn.execute(() -> hand(event, json).whenComplete((v, e) -> {
            if (e != null) held.completeExceptionally(e);
            else held.complete(null);
        }));
        return held;
    }

    private CompletableFuture<Void> hand(TrackEvent event, byte[] json) {
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
