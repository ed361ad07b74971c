package dev.provingground.server.api;

import dev.provingground.server.mqtt.Rejection;
import dev.provingground.server.mqtt.RejectionLog;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.server.store.HealthVerdict;
import dev.provingground.server.store.StorageStatus;
import dev.provingground.trackrecord.store.StorageHealth;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * {@code /api/v1/health}: is the server up, can it write, how many robots are online, what was refused and why.
 * {@code status} is {@code DOWN} (HTTP 503) while the database or the track record cannot write (changes are
 * refused), {@code DEGRADED} (HTTP 200) while everything writes but part of what the server keeps is missing
 * ({@link HealthVerdict}), else {@code UP}. Readable without a
 * token (load balancers, uptime checks): then it says only the status and the time. A caller that sends a token has
 * it checked like anywhere else (a wrong one is a failed login) and is told the internals: {@code storage} in plain
 * words, which store fails, the error, since when, and how many robot events are held in memory or were refused.
 */
final class HealthRoutes {

    private final RobotRegistry registry;
    private final RejectionLog rejections;
    private final String mqttMode;
    private final Clock clock;
    private final Instant startedAt;

    private final StorageStatus storage;

    HealthRoutes(RobotRegistry registry, RejectionLog rejections, String mqttMode, Clock clock, StorageStatus storage) {
        this.storage = storage;
        this.registry = registry;
        this.rejections = rejections;
        this.mqttMode = mqttMode;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Mounted before the bearer check, so a caller without a token gets the short answer instead of a 401. */
    void mount(Router router, BearerAuth auth) {
        router.get("/api/v1/health").handler(ctx -> {
            if (BearerAuth.presentsToken(ctx)) ctx.next();
            else summary(ctx);
        }).handler(auth).handler(this::health);
    }

    /** Status and time only: whether the server can work, without its internals. */
    private void summary(RoutingContext ctx) {
        HealthVerdict verdict = storage.verdict();
        ctx.response().setStatusCode(verdict.status() == HealthVerdict.Status.DOWN ? 503 : 200);
        ctx.json(new JsonObject().put("status", verdict.status().name())
                .put("time", clock.instant().toString()));
    }

    private void health(RoutingContext ctx) {
        JsonObject connections = new JsonObject();
        for (ConnectionState s : ConnectionState.values()) connections.put(s.name(), 0);
        registry.unordered().forEach(r -> {
            var st = registry.status(r.id());
            if (st != null) connections.put(st.connection().name(), connections.getInteger(st.connection().name()) + 1);
        });
        JsonObject rejected = new JsonObject();
        rejections.snapshot().forEach((Rejection r, Long n) -> rejected.put(r.metricName(), n));
        Map<String, StorageHealth> stores = storage.stores();
        HealthVerdict verdict = HealthVerdict.of(stores.values(), storage.quarantinedThisRun());
        String status = verdict.status().name();
        JsonObject storageJson = new JsonObject().put("status", status);
        if (verdict.status() != HealthVerdict.Status.UP) storageJson.put("reason", verdict.reason());
        stores.forEach((name, h) -> storageJson.put(name, details(h)));
        storageJson.put("quarantinedRecords", storage.quarantined().size());
        ctx.response().setStatusCode(verdict.status() == HealthVerdict.Status.DOWN ? 503 : 200);
        ctx.json(new JsonObject()
                .put("status", status)
                .put("storage", storageJson)
                .put("startedAt", startedAt.toString())
                .put("time", clock.instant().toString())
                .put("mqtt", new JsonObject().put("mode", mqttMode).put("rejected", rejected))
                .put("robots", new JsonObject().put("registered", registry.unordered().size()).put("connection", connections)));
    }

    private static JsonObject details(StorageHealth h) {
        JsonObject json = new JsonObject().put("status", h.failing() ? "DOWN" : "UP")
                .put("heldEvents", h.heldEvents()).put("droppedEvents", h.droppedEvents()).put("outages", h.outages());
        if (h.failing()) json.put("reason", h.reason()).put("since", h.since().toString());
        return json;
    }
}
