package dev.provingground.server.api;

import dev.provingground.server.auth.Principal;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.Incident;
import dev.provingground.trackrecord.event.Intervention;
import dev.provingground.trackrecord.event.TrackEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import io.vertx.core.buffer.Buffer;

/**
 * Evidence people report: {@code POST /api/v1/robots/{id}/interventions} (a person helped the robot: a remote assist,
 * teleoperation, someone on site) and {@code POST /api/v1/sites/{site}/incidents} (a collision, a complaint). Each
 * answers 201 once the event is durable in the track record. A vendor reports only for its own firm's robots.
 */
final class EvidenceRoutes {

    private final RobotRegistry registry;
    private final SiteCatalog sites;
    private final EventHub events;
    private final Clock clock;
    private final EventCodec codec = new EventCodec();

    EvidenceRoutes(RobotRegistry registry, SiteCatalog sites, EventHub events, Clock clock) {
        this.registry = registry;
        this.sites = sites;
        this.events = events;
        this.clock = clock;
    }

    void mount(Router router) {
        router.post("/api/v1/robots/:id/interventions").handler(this::intervention);
        router.post("/api/v1/sites/:site/incidents").handler(this::incident);
    }

    private void intervention(RoutingContext ctx) {
        Principal p = BearerAuth.principal(ctx);
        Robot robot = registry.require(ctx.pathParam("id"));
        if (!p.mayActFor(robot.firm())) throw ApiError.forbidden("robot " + robot.id() + " belongs to another firm");
        JsonObject body = Bodies.object(ctx);
        Intervention.Kind kind = oneOf(body, "kind", Intervention.Kind.class);
        String reason = text(body, "reason");
        double seconds = seconds(body, "resolveSeconds");
        record(ctx, new TrackEvent(clock.instant(), robot.site(), robot.firm(), robot.id(),
                new Intervention(kind, reason + " (reported by " + p.actor() + ")", seconds)));
    }

    private void incident(RoutingContext ctx) {
        Principal p = BearerAuth.principal(ctx);
        String site = ctx.pathParam("site");
        if (sites.find(site).isEmpty()) throw new ApiError(404, "not_found", "no site \"" + site + "\"");
        JsonObject body = Bodies.object(ctx);
        Incident.Severity severity = oneOf(body, "severity", Incident.Severity.class);
        String description = text(body, "description");
        String robotId = Bodies.string(body, "robot");
        Robot robot = null;
        if (robotId != null) {
            robot = registry.find(robotId).orElseThrow(() -> ApiError.badRequest("robot", "no robot \"" + robotId + "\""));
            if (!robot.site().equals(site)) throw ApiError.badRequest("robot", "robot " + robotId + " is at site \""
                    + robot.site() + "\", not \"" + site + "\"");
            if (!p.mayActFor(robot.firm())) throw ApiError.forbidden("robot " + robotId + " belongs to another firm");
        } else if (!p.isOperator()) {
            throw ApiError.forbidden("a vendor token reports incidents of its own firm's robots: give \"robot\"");
        }
        record(ctx, new TrackEvent(clock.instant(), site, robot == null ? null : robot.firm(),
                robot == null ? null : robot.id(), new Incident(severity, description, p.actor())));
    }

    private void record(RoutingContext ctx, TrackEvent event) {
        Future.fromCompletionStage(events.publish(event), ctx.vertx().getOrCreateContext())
                .onSuccess(kept -> ctx.response().setStatusCode(201).putHeader("content-type", "application/json")
                        .end(new JsonObject().put("event", new JsonObject(Buffer.buffer(
                                codec.encode(event)))).encode()))
                .onFailure(ctx::fail);
    }

    private static <E extends Enum<E>> E oneOf(JsonObject body, String field, Class<E> type) {
        String value = Bodies.string(body, field);
        String allowed = Arrays.toString(type.getEnumConstants());
        if (value == null) throw ApiError.badRequest(field, "is required, one of " + allowed);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(field, "must be one of " + allowed + ", got \"" + value + "\"");
        }
    }

    private static String text(JsonObject body, String field) {
        String value = Bodies.string(body, field);
        if (value == null || value.isBlank()) throw ApiError.badRequest(field, "is required: say what happened");
        if (value.length() > 2000) throw ApiError.badRequest(field, "must be at most 2000 characters, got " + value.length());
        return value.strip();
    }

    private static double seconds(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (!(v instanceof Number n)) throw ApiError.badRequest(field, v == null ? "is required: seconds from the call"
                + " for help to the robot going on by itself" : "must be a number of seconds");
        double s = n.doubleValue();
        if (!Double.isFinite(s) || s < 0) throw ApiError.badRequest(field, "must be 0 or more seconds, got " + s);
        return s;
    }
}
