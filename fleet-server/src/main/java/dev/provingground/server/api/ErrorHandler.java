package dev.provingground.server.api;

import dev.provingground.geofence.validation.Problem;
import dev.provingground.geofence.validation.ZoneValidationException;
import dev.provingground.server.errors.ConflictException;
import dev.provingground.server.errors.InvalidInputException;
import dev.provingground.server.errors.NotFoundException;
import dev.provingground.server.metrics.ServerMetrics;
import dev.provingground.server.sites.InvalidSiteException;
import dev.provingground.server.sites.LevelInUseException;
import dev.provingground.server.sites.floorplans.InvalidFloorPlanException;
import dev.provingground.trackrecord.store.StorageUnavailableException;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns every failure of a route into the one error shape, with the status that says what went wrong, and counts
 * every refusal (4xx, 503) by its code.
 */
final class ErrorHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(ErrorHandler.class.getName());

    private final ServerMetrics metrics;

    ErrorHandler(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ApiError error = toApiError(ctx);
        if (error.status() < 500 || error.status() == 503) metrics.refusedRequest(error.code()).increment();
        if (error.status() == 503)
            LOG.fine(() -> ctx.request().method() + " " + ctx.request().path() + " refused: storage cannot write");
        else if (error.status() >= 500)
            LOG.log(Level.SEVERE, ctx.request().method() + " " + ctx.request().path() + " failed", ctx.failure());
        if (ctx.response().headWritten()) {
            ctx.request().connection().close();
            return;
        }
        // A refused request whose body was never read (no token, too large): the connection is closed rather than
        // left to drain what the client still sends.
        boolean bodyUnread = !ctx.request().isEnded();
        if (bodyUnread) ctx.response().putHeader("Connection", "close");
        if (error.status() == 503) {
            ctx.response().putHeader("Retry-After", String.valueOf(StorageGate.RETRY_AFTER_SECONDS));
        }
        ctx.response().setStatusCode(error.status()).putHeader("content-type", "application/json")
                .end(error.toJson().encode()).onComplete(done -> {
                    if (bodyUnread) ctx.request().connection().close();
                });
    }

    static ApiError toApiError(RoutingContext ctx) {
        Throwable t = unwrap(ctx.failure());
        if (t instanceof ApiError e) return e;
        if (t instanceof InvalidInputException e) {
            Map<String, Object> details = new HashMap<>(e.details());
            details.put("field", e.field());
            return new ApiError(400, "invalid_input", e.getMessage(), details);
        }
        if (t instanceof ZoneValidationException e) return zoneProblems(e);
        if (t instanceof InvalidSiteException e) return siteProblems(e);
        if (t instanceof LevelInUseException e) return levelsInUse(e);
        if (t instanceof InvalidFloorPlanException e) return new ApiError(400, "invalid_floor_plan", e.getMessage(),
                Map.of("problems", new JsonArray(e.problems())));
        if (t instanceof NotFoundException e) return new ApiError(404, "not_found", e.getMessage());
        if (t instanceof ConflictException e) return new ApiError(409, "conflict", e.getMessage());
        if (t instanceof StorageUnavailableException) return StorageGate.unavailable();
        if (t instanceof DecodeException e) return new ApiError(400, "malformed_json", "request body is not valid JSON: "
                + e.getMessage());
        if (t == null) {
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            return switch (status) {
                case 404 -> new ApiError(404, "not_found", "no such resource: " + ctx.request().path());
                case 405 -> new ApiError(405, "method_not_allowed", ctx.request().method() + " is not allowed on "
                        + ctx.request().path());
                case 413 -> BodyLimits.tooLarge(ctx, -1);
                default -> new ApiError(status, "error", "request failed with status " + status);
            };
        }
        return new ApiError(500, "internal", "internal error: " + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage()));
    }

    /** Every problem of an invalid zone set, each naming the feature, the problem and where. */
    private static ApiError zoneProblems(ZoneValidationException e) {
        JsonArray problems = new JsonArray();
        for (Problem p : e.problems()) {
            JsonObject json = new JsonObject().put("feature", p.featureId())
                    .put("index", p.featureIndex()).put("path", p.path()).put("message", p.message());
            if (p.where() != null) json.put("where", new JsonObject().put("x", p.where().x())
                    .put("y", p.where().y()));
            problems.add(json);
        }
        String first = e.problems().isEmpty() ? "invalid zones" : e.problems().get(0).describe();
        String more = e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more problems)" : "";
        return new ApiError(400, "invalid_zones", e.source() + ": " + first + more + "; nothing was changed",
                Map.of("problems", problems));
    }

    /** Every problem of an invalid site, each as its JSON path and what is wrong there. */
    private static ApiError siteProblems(InvalidSiteException e) {
        JsonArray problems = new JsonArray();
        for (String p : e.problems()) {
            int colon = p.indexOf(": ");
            problems.add(new JsonObject().put("path", colon < 0 ? "(root)" : p.substring(0, colon))
                    .put("message", colon < 0 ? p : p.substring(colon + 2)));
        }
        return new ApiError(400, "invalid_site", e.getMessage(), Map.of("problems", problems));
    }

    private static ApiError levelsInUse(LevelInUseException e) {
        JsonObject levels = new JsonObject();
        e.levels().forEach((level, use) -> levels.put(level, new JsonObject()
                .put("zones", new JsonArray(use.zones()))
                .put("robots", new JsonArray(use.robots()))));
        return new ApiError(409, "conflict", e.getMessage(), Map.of("levels", levels));
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) t = t.getCause();
        return t;
    }
}
