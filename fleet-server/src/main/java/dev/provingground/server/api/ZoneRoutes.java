package dev.provingground.server.api;

import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneState;
import dev.provingground.geofence.io.CoordinateFrame;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.server.zones.ZoneVersion;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@code /api/v1/sites/{site}/zones}: the site's zones as GeoJSON. Everyone may read them (vendors need to know the
 * rules their robots run under); only operators change them.
 */
final class ZoneRoutes {

    private static final String GEOJSON = "application/geo+json";
    private final ZoneService zones;

    ZoneRoutes(ZoneService zones) {
        this.zones = zones;
    }

    void mount(Router router) {
        String base = "/api/v1/sites/:site/zones";
        router.get(base).handler(this::list);
        router.put(base).handler(this::replaceAll);
        router.post(base).handler(this::create);
        router.get(base + "/:id").handler(this::get);
        router.put(base + "/:id").handler(this::update);
        router.delete(base + "/:id").handler(this::delete);
        router.post(base + "/:id/close").handler(ctx -> setState(ctx, ZoneState.CLOSED));
        router.post(base + "/:id/open").handler(ctx -> setState(ctx, ZoneState.OPEN));
        router.get(base + "/:id/history").handler(this::history);
    }

    private void list(RoutingContext ctx) {
        String frameText = ctx.queryParams().get("frame");
        CoordinateFrame frame = CoordinateFrame.LOCAL;
        if (frameText != null) {
            frame = CoordinateFrame.fromJson(frameText);
            if (frame == null) throw ApiError.badRequest("frame", "must be local or wgs84, got \"" + frameText + "\"");
        }
        ctx.response().putHeader("content-type", GEOJSON).end(zones.collection(ctx.pathParam("site"), frame));
    }

    private void replaceAll(RoutingContext ctx) {
        String actor = BearerAuth.requireOperator(ctx).actor();
        String site = ctx.pathParam("site");
        respond(ctx, zones.replaceAll(site, body(ctx), actor),
                all -> ctx.response().putHeader("content-type", GEOJSON).end(zones.collection(site, CoordinateFrame.LOCAL)));
    }

    private void create(RoutingContext ctx) {
        String actor = BearerAuth.requireOperator(ctx).actor();
        String site = ctx.pathParam("site");
        respond(ctx, zones.create(site, body(ctx), actor), zone -> ctx.response().setStatusCode(201)
                .putHeader("content-type", "application/json")
                .putHeader("Location", "/api/v1/sites/" + site + "/zones/" + zone.id())
                .end(new JsonObject().put("id", zone.id())
                        .put("feature", new JsonObject(zones.feature(site, zone.id()))).encode()));
    }

    private void get(RoutingContext ctx) {
        ctx.response().putHeader("content-type", GEOJSON).end(zones.feature(ctx.pathParam("site"), ctx.pathParam("id")));
    }

    private void update(RoutingContext ctx) {
        String actor = BearerAuth.requireOperator(ctx).actor();
        String site = ctx.pathParam("site");
        respond(ctx, zones.update(site, ctx.pathParam("id"), body(ctx), actor), zone -> sendFeature(ctx, site, zone));
    }

    private void delete(RoutingContext ctx) {
        String actor = BearerAuth.requireOperator(ctx).actor();
        respond(ctx, zones.delete(ctx.pathParam("site"), ctx.pathParam("id"), actor),
                v -> ctx.response().setStatusCode(204).end());
    }

    private void setState(RoutingContext ctx, ZoneState state) {
        String actor = BearerAuth.requireOperator(ctx).actor();
        String site = ctx.pathParam("site");
        respond(ctx, zones.setState(site, ctx.pathParam("id"), state, actor), zone -> sendFeature(ctx, site, zone));
    }

    private void history(RoutingContext ctx) {
        JsonArray out = new JsonArray();
        for (ZoneVersion v : zones.history(ctx.pathParam("site"), ctx.pathParam("id"))) {
            out.add(new JsonObject().put("version", v.version()).put("change", v.change().name())
                    .put("actor", v.actor()).put("at", v.at().toString())
                    .put("feature", v.feature() == null ? null : new JsonObject(v.feature())));
        }
        ctx.json(new JsonObject().put("zone", ctx.pathParam("id")).put("history", out));
    }

    private void sendFeature(RoutingContext ctx, String site, Zone zone) {
        ctx.response().putHeader("content-type", GEOJSON).end(zones.feature(site, zone.id()));
    }

    private static String body(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().length() == 0)
            throw new ApiError(400, "invalid_input", "request body: a GeoJSON document is required");
        return ctx.body().asString();
    }

    /** Answers once the change is committed, on the event loop. */
    private static <T> void respond(RoutingContext ctx, CompletableFuture<T> change, Consumer<T> answer) {
        Future.fromCompletionStage(change, ctx.vertx().getOrCreateContext()).onSuccess(answer::accept).onFailure(ctx::fail);
    }
}
