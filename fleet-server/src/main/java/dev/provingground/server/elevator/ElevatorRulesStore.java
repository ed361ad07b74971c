package dev.provingground.server.elevator;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Persistence of elevators' rules as operators set them; the MapDB implementation lives in the store package. */
public interface ElevatorRulesStore {

    /** Every stored rule set, keyed by {@code site/elevator}. */
    Map<String, ElevatorRules> loadAll();

    /** Replaces the rules of one elevator; completes once durable. */
    CompletableFuture<Void> save(String siteId, String elevatorId, ElevatorRules rules);

    static String key(String siteId, String elevatorId) {
        return siteId + "/" + elevatorId;
    }
}
