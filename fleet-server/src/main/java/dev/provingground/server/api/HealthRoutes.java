package dev.provingground.server.api;

import dev.provingground.server.mqtt.Rejection;
import dev.provingground.server.mqtt.RejectionLog;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.vda5050.ConnectionState;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Instant;

/**
 * {@code /api/v1/health}: is the server up, how many robots are online, what was refused and why. Readable without a
 * token (load balancers, uptime checks), then it says only the status and the time; the internals need a token.
 */
final class HealthRoutes {

    private final RobotRegistry registry;
    private final RejectionLog rejections;
    private final String mqttMode;
    private final Clock clock;
    private final Instant startedAt;

    HealthRoutes(RobotRegistry registry, RejectionLog rejections, String mqttMode, Clock clock) {
        this.registry = registry;
        this.rejections = rejections;
        this.mqttMode = mqttMode;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Mounted before the bearer check, so a caller without a token gets the short answer instead of a 401. */
    void mount(Router router, BearerAuth auth) {
        router.get("/api/v1/health").handler(ctx -> {
            if (auth.optionalPrincipal(ctx).isPresent()) health(ctx);
            else ctx.json(new JsonObject().put("status", "UP").put("time", clock.instant().toString()));
        });
    }

    private void health(RoutingContext ctx) {
        JsonObject connections = new JsonObject();
        for (ConnectionState s : ConnectionState.values()) connections.put(s.name(), 0);
        registry.all().forEach(r -> {
            var st = registry.status(r.id());
            if (st != null) connections.put(st.connection().name(), connections.getInteger(st.connection().name()) + 1);
        });
        JsonObject rejected = new JsonObject();
        rejections.snapshot().forEach((Rejection r, Long n) -> rejected.put(r.metricName(), n));
        ctx.json(new JsonObject()
                .put("status", "UP")
                .put("startedAt", startedAt.toString())
                .put("time", clock.instant().toString())
                .put("mqtt", new JsonObject().put("mode", mqttMode).put("rejected", rejected))
                .put("robots", new JsonObject().put("registered", registry.all().size()).put("connection", connections)));
    }
}
