package dev.provingground.server.api;

import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.site.Level;
import dev.provingground.site.Site;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/v1/sites}: the trial-zone sites this server runs, with their levels. */
final class SiteRoutes {

    private final SiteCatalog sites;

    SiteRoutes(SiteCatalog sites) {
        this.sites = sites;
    }

    void mount(Router router) {
        router.get("/api/v1/sites").handler(this::list);
    }

    private void list(RoutingContext ctx) {
        JsonArray out = new JsonArray();
        for (Site s : sites.all()) out.add(summary(s));
        ctx.json(new JsonObject().put("sites", out));
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
