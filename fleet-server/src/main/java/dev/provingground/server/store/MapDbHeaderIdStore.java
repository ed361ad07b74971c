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
        Map<String, Long> out = new HashMap<>();
        reservations.readAll().forEach((key, value) -> out.put(key,
                Long.parseLong(new String(value, StandardCharsets.US_ASCII))));
        return out;
    }

    @Override
    public CompletableFuture<Void> saveReservation(String key, long reservedBelow) {
        return reservations.put(key, Long.toString(reservedBelow).getBytes(StandardCharsets.US_ASCII));
    }
}
