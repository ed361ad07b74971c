package dev.provingground.server.orders;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Where the headerIds reserved per robot and topic are kept, so a restarted server continues above them. */
public interface HeaderIdStore {

    /** Every reservation, by {@code robotId/topic}: no id at or above it was sent. */
    Map<String, Long> loadReservations();

    /** @return completes once the reservation is durable */
    CompletableFuture<Void> saveReservation(String key, long reservedBelow);
}
