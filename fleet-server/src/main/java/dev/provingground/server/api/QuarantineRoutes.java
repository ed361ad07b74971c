package dev.provingground.server.api;

import dev.provingground.server.store.QuarantinedRecord;
import dev.provingground.server.store.StorageStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/v1/quarantine} (operators only): the stored records the server could not read at start-up and set
 * aside instead of refusing to start, with where they were, why, when, and their bytes as they were.
 */
final class QuarantineRoutes {

    /** Enough of a record to recognise it; the whole of it stays in the {@code _quarantine} table. */
    static final int MAX_SHOWN_BYTES = 4096;

    private final StorageStatus storage;

    QuarantineRoutes(StorageStatus storage) {
        this.storage = storage;
    }

    void mount(Router router) {
        router.get("/api/v1/quarantine").handler(ctx -> {
            BearerAuth.requireOperator(ctx);
            JsonArray out = new JsonArray();
            for (QuarantinedRecord r : storage.quarantined()) out.add(json(r));
            ctx.json(new JsonObject().put("records", out));
        });
    }

    private static JsonObject json(QuarantinedRecord r) {
        int shown = Math.min(r.value().length, MAX_SHOWN_BYTES);
        return new JsonObject().put("table", r.table()).put("key", r.key()).put("reason", r.reason())
                .put("at", r.at().toString()).put("bytes", r.value().length)
                // Lossy on purpose: the stored form is JSON after a version byte, and operators read it as text.
                .put("content", new String(r.value(), 0, shown, StandardCharsets.UTF_8));
    }
}
