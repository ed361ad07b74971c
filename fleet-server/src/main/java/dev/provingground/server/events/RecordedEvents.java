package dev.provingground.server.events;

import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.store.LogReader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/events} answered from the track record, the durable history: complete, in time order, the same
 * after a restart. Each event is read once: from the site logs every entry, from the firm logs every entry but the
 * copies of site-wide configuration (written there so each firm's bundle shows its rules, and already in the site
 * log). Reads files: call it off the event loop.
 */
public final class RecordedEvents {

    /**
     * What to list.
     *
     * @param type       only events of this type name, or null
     * @param robot      only events of this robot, or null
     * @param since      only events whose time is at or after this, or null
     * @param firmLog    which firms' logs the caller may read (site logs are read by everyone)
     * @param limit      at most this many: with {@code since} the earliest matches, without it the latest
     */
    public record Query(String type, String robot, Instant since, Predicate<String> firmLog, int limit) {
    }

    /** The events found, oldest first, as their stored JSON; {@code truncated} when more matched than the limit. */
    public record Page(List<byte[]> events, boolean truncated) {
    }

    private record Found(Instant time, String origin, long index, byte[] json) {
    }

    /** Time order; events at the same instant in the order of their log and their place in it. */
    private static final Comparator<Found> TIME_ORDER = Comparator.comparing(Found::time)
            .thenComparing(Found::origin).thenComparingLong(Found::index);

    private final TrackRecordStore store;
    private final EventCodec codec = new EventCodec();

    public RecordedEvents(TrackRecordStore store) {
        this.store = store;
    }

    public Page query(Query q) {
        // Keeps only the limit + 1 best matches: the earliest with a since, the latest without.
        Comparator<Found> worstFirst = q.since() != null ? TIME_ORDER.reversed() : TIME_ORDER;
        PriorityQueue<Found> kept = new PriorityQueue<>(worstFirst);
        long[] matched = {0};
        for (LogId log : store.logs()) {
            if (!log.isSiteLog() && !q.firmLog().test(log.firm())) continue;
            LogReader reader = store.reader(log);
            reader.forEachEntry(0, reader.size(), (index, json) -> {
                TrackEvent event = codec.decode(json);
                if (!log.isSiteLog() && isCopyOfSiteWide(event)) return;
                if (!matches(q, event)) return;
                matched[0]++;
                kept.add(new Found(event.time(), log.origin(), index, json));
                if (kept.size() > q.limit()) kept.poll();
            });
        }
        List<Found> page = new ArrayList<>(kept);
        page.sort(TIME_ORDER);
        return new Page(page.stream().map(Found::json).toList(), matched[0] > q.limit());
    }

    /** A firm log's copy of a site-wide change, or the rules snapshot that opens a firm log. */
    private static boolean isCopyOfSiteWide(TrackEvent event) {
        return event.firm() == null || (event.robot() == null && event.body() instanceof ConfigurationChange);
    }

    private static boolean matches(Query q, TrackEvent event) {
        if (q.since() != null && event.time().isBefore(q.since())) return false;
        if (q.type() != null && !event.type().typeName().equals(q.type())) return false;
        return q.robot() == null || q.robot().equals(event.robot());
    }
}
