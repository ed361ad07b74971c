package dev.provingground.server.mqtt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The last {@code capacity} refusals, oldest dropped first. Bounded because a broken robot may send thousands of
 * bad messages a minute; the counters in {@link RejectionLog} keep the totals. Transports call from their own
 * threads, hence the lock.
 */
public final class RecentRefusals {

    private final int capacity;
    private final Deque<Refusal> entries = new ArrayDeque<>();

    public RecentRefusals(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        this.capacity = capacity;
    }

    public synchronized void add(Refusal r) {
        if (entries.size() == capacity) entries.removeFirst();
        entries.addLast(r);
    }

    /** Up to {@code limit} refusals that {@code keep} accepts, newest first. */
    public synchronized List<Refusal> newestFirst(Predicate<Refusal> keep, int limit) {
        List<Refusal> out = new ArrayList<>();
        for (Iterator<Refusal> it = entries.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            Refusal r = it.next();
            if (keep.test(r)) out.add(r);
        }
        return out;
    }
}
