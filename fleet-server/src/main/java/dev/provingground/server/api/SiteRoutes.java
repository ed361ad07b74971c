package dev.provingground.server.api;

import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.server.sites.changes.SiteService;
import dev.provingground.server.sites.SiteVersion;
import dev.provingground.site.Level;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/sites}: the trial-zone sites this server runs. Everyone reads a site in the site file format
 * (docs/SITE-FORMAT.md); only operators create or change one.
 */
final class SiteRoutes {

    private final SiteCatalog sites;
    private final SiteService service;

    SiteRoutes(SiteCatalog sites, SiteService service) {
        this.sites = sites;
        this.service = service;
    }

    void mount(Router router) {
        router.get("/api/v1/sites").handler(this::list);
        router.get("/api/v1/sites/:site").handler(this::get);
        router.put("/api/v1/sites/:site").handler(this::put);
        router.get("/api/v1/sites/:site/history").handler(this::history);
    }

    private void list(RoutingContext ctx) {
        JsonArray out = new JsonArray();
        for (Site s : sites.all()) out.add(summary(s));
        ctx.json(new JsonObject().put("sites", out));
    }

    private void get(RoutingContext ctx) {
        ctx.response().putHeader("content-type", "application/json").end(Buffer.buffer(service.json(ctx.pathParam("site"))));
    }

    private void put(RoutingContext ctx) {
        String actor = BearerAuth.requireOperator(ctx).actor();
        String site = ctx.pathParam("site");
        if (ctx.body() == null || ctx.body().length() == 0)
            throw new ApiError(400, "invalid_input", "request body: a site in the site file format is required");
        Future.fromCompletionStage(service.put(site, ctx.body().buffer().getBytes(), actor),
                        ctx.vertx().getOrCreateContext())
                .onSuccess(saved -> {
                    if (saved.created()) ctx.response().setStatusCode(201).putHeader("Location", "/api/v1/sites/" + site);
                    ctx.response().putHeader("content-type", "application/json")
                            .end(Buffer.buffer(SiteFormat.write(saved.site())));
                })
                .onFailure(ctx::fail);
    }

    private void history(RoutingContext ctx) {
        String site = ctx.pathParam("site");
        JsonArray out = new JsonArray();
        for (SiteVersion v : service.history(site)) {
            out.add(new JsonObject().put("version", v.version()).put("change", v.change().name())
                    .put("actor", v.actor()).put("at", v.at().toString()).put("site", new JsonObject(v.definition())));
        }
        ctx.json(new JsonObject().put("site", site).put("history", out));
    }

    static JsonObject summary(Site s) {
        JsonArray levels = new JsonArray();
        for (Level l : s.levels())
            levels.add(new JsonObject().put("id", l.id()).put("name", l.name()).put("floor", l.floor())
                    .put("outdoor", l.outdoor()).put("waypoints", l.waypoints().size()));
        JsonObject json = new JsonObject().put("id", s.id()).put("name", s.name())
                .put("timeZone", s.timeZone().getId()).put("levels", levels)
                .put("places", s.places().size()).put("chargers", s.chargers().size())
                .put("elevators", s.elevators().size());
        if (s.geoAnchor() != null)
            json.put("geoAnchor", new JsonObject().put("latitude", s.geoAnchor().latitude())
                    .put("longitude", s.geoAnchor().longitude()).put("rotationDeg", s.geoAnchor().rotationDeg()));
        return json;
    }
}
