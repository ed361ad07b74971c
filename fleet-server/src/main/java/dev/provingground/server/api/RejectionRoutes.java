package dev.provingground.server.api;

import dev.provingground.server.auth.Principal;
import dev.provingground.server.mqtt.RecentRefusals;
import dev.provingground.server.mqtt.Refusal;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.vda5050.SchemaViolation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/rejections}: the robots' MQTT messages the server refused, and why. A vendor sees only its
 * own robots' refusals (by the robot's firm now); a refusal no registered robot can be held to is for operators.
 */
final class RejectionRoutes {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final RecentRefusals recent;
    private final RobotRegistry registry;

    RejectionRoutes(RecentRefusals recent, RobotRegistry registry) {
        this.recent = recent;
        this.registry = registry;
    }

    void mount(Router router) {
        router.get("/api/v1/rejections").handler(this::list);
    }

    private void list(RoutingContext ctx) {
        Principal p = BearerAuth.principal(ctx);
        String robot = ctx.queryParams().get("robot");
        if (robot != null && robot.isBlank()) throw ApiError.badRequest("robot", "must be a robot id, got an empty value");
        Instant since = since(ctx.queryParams().get("since"));
        int limit = limit(ctx.queryParams().get("limit"));
        Predicate<Refusal> keep = r -> maySee(p, r)
                && (robot == null || robot.equals(r.robotId()))
                && (since == null || !r.at().isBefore(since));
        JsonArray out = new JsonArray();
        for (Refusal r : recent.newestFirst(keep, limit)) out.add(json(r));
        ctx.json(new JsonObject().put("rejections", out));
    }

    /** Operators see everything; a vendor only refusals of a robot registered to its firm. */
    private boolean maySee(Principal p, Refusal r) {
        if (p.isOperator()) return true;
        if (r.robotId() == null) return false;
        return registry.find(r.robotId()).map(Robot::firm).map(p::mayActFor).orElse(false);
    }

    private static Instant since(String text) {
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("since", "must be an ISO 8601 UTC time like 2026-11-22T09:00:00Z, got \""
                    + text + "\"");
        }
    }

    private static int limit(String text) {
        if (text == null) return DEFAULT_LIMIT;
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT)
            throw ApiError.badRequest("limit", "must be a whole number 1.." + MAX_LIMIT + ", got \"" + text + "\"");
        return limit;
    }

    private static JsonObject json(Refusal r) {
        JsonArray violations = new JsonArray();
        for (SchemaViolation v : r.violations())
            violations.add(new JsonObject().put("pointer", v.pointer()).put("message", v.message()));
        JsonObject o = new JsonObject().put("at", r.at().toString());
        if (r.robotId() != null) o.put("robotId", r.robotId());
        if (r.topic() != null) o.put("topic", r.topic());
        return o.put("reason", r.reason().name())
                .put("reasonText", r.reason().meaning())
                .put("message", r.message())
                .put("violations", violations);
    }
}
