package dev.provingground.server.orders;

import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Keeps the headerIds the server sends increasing across restarts without a write per message: ids are reserved in
 * blocks of {@link #BLOCK} per robot and topic, and the next block is stored while half of the current one is still
 * left. A restarted server starts each counter at the stored reservation, so ids skip at most one block and never
 * repeat. At start every known reservation is moved one block on and stored before anything is sent.
 */
public final class HeaderIdReservations {

    static final long BLOCK = 1000;
    private static final Logger LOG = Logger.getLogger(HeaderIdReservations.class.getName());

    private final HeaderIdStore store;
    private final Map<String, Long> reservedBelow = new ConcurrentHashMap<>();
    private final Map<String, Long> startAt = new ConcurrentHashMap<>();

    /** Blocks while the reservations of the last run are moved on and stored; call while the server is built. */
    public HeaderIdReservations(HeaderIdStore store) {
        this.store = store;
        List<CompletableFuture<Void>> saved = new ArrayList<>();
        store.loadReservations().forEach((key, below) -> {
            startAt.put(key, below);
            reservedBelow.put(key, below + BLOCK);
            saved.add(store.saveReservation(key, below + BLOCK));
        });
        // One group commit for all of them, however many robots there are.
        CompletableFuture.allOf(saved.toArray(CompletableFuture[]::new)).join();
    }

    /** Starts a fresh counter of {@code robotId} where the last run left off. */
    void seed(String robotId, HeaderCounter counter) {
        for (Topic topic : Topic.values()) {
            Long start = startAt.get(key(robotId, topic));
            if (start != null) counter.continueFrom(topic, start);
        }
    }

    /** Notes that {@code headerId} went out; stores the next block once half of the current one is used. */
    void sent(String robotId, Topic topic, long headerId) {
        String key = key(robotId, topic);
        long below = reservedBelow.getOrDefault(key, 0L);
        if (headerId + BLOCK / 2 < below) return;
        long next = Math.max(below, headerId + 1) + BLOCK;
        reservedBelow.put(key, next);
        store.saveReservation(key, next).whenComplete((v, e) -> {
            if (e != null) LOG.warning("headerId reservation " + key + " below " + next + " not stored: " + e.getMessage());
        });
    }

    private static String key(String robotId, Topic topic) {
        return robotId + "/" + topic.wireName();
    }
}
