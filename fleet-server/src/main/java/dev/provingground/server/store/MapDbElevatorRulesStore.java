package dev.provingground.server.store;

import dev.provingground.server.elevator.ElevatorRules;
import dev.provingground.server.elevator.ElevatorRulesStore;
import dev.provingground.server.elevator.RulesJson;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Elevator rules as the JSON operators send (table {@code elevator-rules}, key {@code site/elevator}). */
public final class MapDbElevatorRulesStore implements ElevatorRulesStore {

    private final MapDbStore.Table rules;

    public MapDbElevatorRulesStore(MapDbStore store) {
        this.rules = store.table("elevator-rules");
    }

    @Override
    public Map<String, ElevatorRules> loadAll() {
        return rules.readAll(RulesJson::read);
    }

    @Override
    public CompletableFuture<Void> save(String siteId, String elevatorId, ElevatorRules elevatorRules) {
        byte[] json = RulesJson.write(elevatorRules).encode().getBytes(StandardCharsets.UTF_8);
        return rules.put(ElevatorRulesStore.key(siteId, elevatorId), json);
    }
}
