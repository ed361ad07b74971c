package dev.provingground.server.api;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reading request bodies with errors that say what is wrong. */
final class Bodies {

    private Bodies() {
    }

    static JsonObject object(RoutingContext ctx) {
        var body = ctx.body();
        if (body == null || body.buffer() == null || body.length() == 0)
            throw new ApiError(400, "invalid_input", "request body: a JSON object is required");
        try {
            Object parsed = body.buffer().toJsonValue();
            if (parsed instanceof JsonObject obj) return obj;
            throw new ApiError(400, "invalid_input", "request body: must be a JSON object, got "
                    + (parsed == null ? "null" : parsed.getClass().getSimpleName()));
        } catch (DecodeException e) {
            throw new ApiError(400, "malformed_json", "request body is not valid JSON: " + e.getMessage());
        }
    }

    static String string(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v == null) return null;
        if (!(v instanceof String s)) throw ApiError.badRequest(field, "must be a string");
        return s;
    }
}
