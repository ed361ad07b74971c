package dev.provingground.server.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** GeoJSON zone features for tests, in the test site's level frame. */
public final class Zones {

    private Zones() {
    }

    /** An axis-aligned rectangle zone on level L1. */
    public static JsonObject rectangle(String id, String kind, double x0, double y0, double x1, double y1) {
        JsonArray ring = new JsonArray()
                .add(new JsonArray().add(x0).add(y0)).add(new JsonArray().add(x1).add(y0))
                .add(new JsonArray().add(x1).add(y1)).add(new JsonArray().add(x0).add(y1))
                .add(new JsonArray().add(x0).add(y0));
        return new JsonObject().put("type", "Feature").put("id", id)
                .put("geometry", new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring)))
                .put("properties", new JsonObject().put("name", id).put("level", "L1").put("kind", kind));
    }

    public static JsonObject withProperty(JsonObject feature, String key, Object value) {
        feature.getJsonObject("properties").put(key, value);
        return feature;
    }

    public static JsonObject collection(JsonObject... features) {
        JsonArray all = new JsonArray();
        for (JsonObject f : features) all.add(f);
        return new JsonObject().put("type", "FeatureCollection").put("features", all);
    }
}
