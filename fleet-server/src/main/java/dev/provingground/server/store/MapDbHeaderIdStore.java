package dev.provingground.server.store;

import dev.provingground.server.orders.HeaderIdStore;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Header id reservations as decimal text, one entry per {@code robotId/topic}. */
public final class MapDbHeaderIdStore implements HeaderIdStore {

    private final MapDbStore.Table reservations;

    public MapDbHeaderIdStore(MapDbStore store) {
        this.reservations = store.table("header-id-reservations");
    }

    @Override
    public Map<String, Long> loadReservations() {
        return new HashMap<>(reservations.readAll(value -> Long.parseLong(new String(value, StandardCharsets.US_ASCII))));
    }

    @Override
    public CompletableFuture<Void> saveReservation(String key, long reservedBelow) {
        return reservations.put(key, Long.toString(reservedBelow).getBytes(StandardCharsets.US_ASCII));
    }
}
