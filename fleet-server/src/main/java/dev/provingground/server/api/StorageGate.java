package dev.provingground.server.api;

import dev.provingground.server.store.StorageStatus;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Set;

/**
 * Refuses requests that change something while storage cannot write (503 with {@code Retry-After}), before any
 * handler runs, so a refused request changes nothing in memory or on disk. Instant actions are let through: pausing
 * or stopping a robot stores nothing and must work during an outage.
 */
final class StorageGate implements Handler<RoutingContext> {

    /** Seconds a client should wait before trying again; the stores retry every 100 ms to 2 s. */
    static final int RETRY_AFTER_SECONDS = 5;
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final StorageStatus storage;

    StorageGate(StorageStatus storage) {
        this.storage = storage;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (WRITES.contains(ctx.request().method()) && !ctx.request().path().endsWith("/instant-actions")
                && storage.failing()) {
            ctx.fail(unavailable());
            return;
        }
        ctx.next();
    }

    static ApiError unavailable() {
        return new ApiError(503, "storage_unavailable", "storage cannot write at the moment, so nothing was changed; "
                + "try again later (GET /api/v1/health shows when it is back)", Map.of());
    }
}
