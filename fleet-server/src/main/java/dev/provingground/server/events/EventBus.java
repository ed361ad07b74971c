package dev.provingground.server.events;

import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.TrackEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every event the server produces passes here once: encoded once, handed to each sink in order. */
public final class EventBus {

    private static final Logger LOG = Logger.getLogger(EventBus.class.getName());

    private final EventCodec codec = new EventCodec();
    private final List<EventSink> sinks = new CopyOnWriteArrayList<>();

    public void addSink(EventSink sink) {
        sinks.add(sink);
    }

    public void publish(TrackEvent event) {
        byte[] json = codec.encode(event);
        for (EventSink sink : sinks) {
            try {
                sink.accept(event, json);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "event sink " + sink.getClass().getSimpleName() + " failed on "
                        + event.type().typeName(), e);
            }
        }
    }
}
