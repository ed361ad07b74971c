package dev.provingground.server.api;

import dev.provingground.server.sites.changes.FloorPlanChanges;
import dev.provingground.server.sites.changes.SiteService;
import dev.provingground.server.sites.floorplans.CheckedImage;
import dev.provingground.server.sites.floorplans.FloorPlanImageCheck;
import dev.provingground.server.sites.floorplans.InvalidFloorPlanException;
import dev.provingground.site.FloorPlan;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;

/**
 * A level's floor-plan image (docs/SITE-FORMAT.md, {@code floorPlan}): operators upload one (the PNG or JPEG file as
 * the body, its placement as query parameters) or remove it, each a new site version; everyone reads it.
 */
final class FloorPlanRoutes {

    static final String LEVEL_PLAN = "/api/v1/sites/:site/levels/:level/floor-plan";
    private static final String IMAGE = "/api/v1/sites/:site/floor-plans/:image";
    /** The current plan can change: the browser asks again each time (and gets 304 while it is the same). */
    private static final String CURRENT = "private, no-cache";
    /** An image named by its SHA-256 never changes. */
    private static final String IMMUTABLE = "private, max-age=31536000, immutable";

    private final FloorPlanChanges changes;

    FloorPlanRoutes(FloorPlanChanges changes) {
        this.changes = changes;
    }

    void mount(Router router) {
        router.put(LEVEL_PLAN).handler(this::upload);
        router.get(LEVEL_PLAN).handler(this::current);
        router.delete(LEVEL_PLAN).handler(this::remove);
        router.get(IMAGE).handler(this::image);
    }

    private void upload(RoutingContext ctx) {
        String actor = BearerAuth.requireOperator(ctx).actor();
        String site = ctx.pathParam("site");
        String level = ctx.pathParam("level");
        FloorPlanChanges.Placement placement = placement(ctx);
        changes.checkTarget(site, level, placement);
        byte[] bytes = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        String declared = ctx.request().getHeader("content-type");
        // Decoding and the file write block: a worker does them, and only a stored image reaches the site.
        ctx.vertx().executeBlocking(() -> {
                    CheckedImage image = FloorPlanImageCheck.check(bytes, declared);
                    changes.store(image);
                    return image;
                }, false)
                .compose(image -> Future.fromCompletionStage(changes.attach(site, level, image, placement, actor),
                        ctx.vertx().getOrCreateContext()))
                .onSuccess(saved -> ctx.json(answer(saved, level)))
                .onFailure(ctx::fail);
    }

    private void remove(RoutingContext ctx) {
        String actor = BearerAuth.requireOperator(ctx).actor();
        String level = ctx.pathParam("level");
        Future.fromCompletionStage(changes.remove(ctx.pathParam("site"), level, actor), ctx.vertx().getOrCreateContext())
                .onSuccess(saved -> ctx.json(answer(saved, level)))
                .onFailure(ctx::fail);
    }

    private void current(RoutingContext ctx) {
        send(ctx, changes.current(ctx.pathParam("site"), ctx.pathParam("level")), CURRENT);
    }

    private void image(RoutingContext ctx) {
        send(ctx, changes.planInHistory(ctx.pathParam("site"), ctx.pathParam("image")), IMMUTABLE);
    }

    private void send(RoutingContext ctx, FloorPlan plan, String cacheControl) {
        String etag = "\"" + plan.image() + "\"";
        ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", cacheControl);
        if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader("content-type", plan.mediaType())
                .putHeader("X-Content-Type-Options", "nosniff")
                .sendFile(changes.imageFile(plan.image()).toString())
                .onFailure(ctx::fail);
    }

    private static JsonObject answer(SiteService.Saved saved, String level) {
        FloorPlan plan = saved.site().level(level).map(l -> l.floorPlan()).orElse(null);
        JsonObject json = new JsonObject().put("site", saved.site().id()).put("level", level)
                .put("version", saved.version().version());
        if (plan == null) return json.putNull("floorPlan");
        return json.put("floorPlan", new JsonObject().put("image", plan.image()).put("mediaType", plan.mediaType())
                        .put("widthPx", plan.widthPx()).put("heightPx", plan.heightPx())
                        .put("metresPerPixel", plan.metresPerPixel())
                        .put("origin", new JsonObject().put("x", plan.originX()).put("y", plan.originY())))
                .put("url", "/api/v1/sites/" + saved.site().id() + "/floor-plans/" + plan.image());
    }

    /** metresPerPixel (required), originX and originY (default 0), every problem at once. */
    private static FloorPlanChanges.Placement placement(RoutingContext ctx) {
        List<String> problems = new ArrayList<>();
        double scale = number(ctx, "metresPerPixel", null, problems);
        double x = number(ctx, "originX", 0.0, problems);
        double y = number(ctx, "originY", 0.0, problems);
        if (!problems.isEmpty()) throw new InvalidFloorPlanException(problems);
        return new FloorPlanChanges.Placement(scale, x, y);
    }

    private static double number(RoutingContext ctx, String name, Double fallback, List<String> problems) {
        List<String> given = ctx.queryParam(name);
        if (given.isEmpty()) {
            if (fallback == null) problems.add(name + ": required query parameter (metres per pixel, e.g. 0.05)");
            return fallback == null ? Double.NaN : fallback;
        }
        if (given.size() > 1) {
            problems.add(name + ": given " + given.size() + " times; give it once");
            return Double.NaN;
        }
        try {
            return Double.parseDouble(given.get(0).trim());
        } catch (NumberFormatException e) {
            problems.add(name + ": must be a number, got \"" + given.get(0) + "\"");
            return Double.NaN;
        }
    }
}
