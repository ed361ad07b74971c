package dev.provingground.server.events;

import dev.provingground.trackrecord.event.TrackEvent;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.Collections;

/**
 * The most recent events, in memory, for {@code GET /api/v1/events}: a bounded buffer, oldest dropped first. The
 * complete, durable history is the track record.
 */
public final class RecentEvents implements EventSink {

    public record Entry(TrackEvent event, byte[] json) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    public RecentEvents(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity: must be >= 1, got " + capacity);
        this.capacity = capacity;
    }

    @Override
    public synchronized CompletableFuture<Void> accept(TrackEvent event, byte[] json) {
        if (entries.size() == capacity) entries.removeFirst();
        entries.addLast(new Entry(event, json));
        return DONE;
    }

    /** Matching events, oldest first; at most {@code limit} of the newest matches. */
    public synchronized List<Entry> query(String type, String robot, Instant since, Predicate<TrackEvent> visible,
                                          int limit) {
        List<Entry> out = new ArrayList<>();
        var it = entries.descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            Entry e = it.next();
            TrackEvent ev = e.event();
            if (since != null && ev.time().isBefore(since)) break;
            if (type != null && !ev.type().typeName().equals(type)) continue;
            if (robot != null && !robot.equals(ev.robot())) continue;
            if (!visible.test(ev)) continue;
            out.add(e);
        }
        Collections.reverse(out);
        return out;
    }
}
