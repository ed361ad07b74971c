package dev.provingground.server.api;

import dev.provingground.server.api.validation.RequestSchemas;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way in: before any handler runs, a request's path ids and JSON body are checked against the OpenAPI
 * document (served at {@code /api/v1/openapi.yaml}) in its strict form. A refused request is answered 400 naming the
 * field ({@code details.field} as {@code nodes[0].x}, {@code details.pointer} as RFC 6901 {@code /nodes/0/x}) and
 * what is wrong, and nothing has been changed. Zone and site documents keep their own error codes and problem lists
 * ({@code invalid_zones}, {@code invalid_site}). Handlers keep only the checks of meaning (references, physics,
 * ownership).
 */
final class RequestValidation implements Handler<RoutingContext> {

    private static final Pattern FEATURE = Pattern.compile("^/features/(\\d+)");

    private final RequestSchemas schemas;

    RequestValidation(RequestSchemas schemas) {
        this.schemas = schemas;
    }

    @Override
    public void handle(RoutingContext ctx) {
        var body = ctx.body() == null || ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes();
        RequestSchemas.Violation violation = schemas.check(ctx.request().method().name(), ctx.request().path(), body);
        if (violation == null) ctx.next();
        else ctx.fail(toError(violation));
    }

    static ApiError toError(RequestSchemas.Violation violation) {
        String field = violation.field();
        String message = field + ": " + violation.message() + "; nothing was changed";
        Map<String, Object> details = new HashMap<>();
        details.put("field", field);
        if (violation.pathParameter() == null) details.put("pointer", violation.pointer());
        if (violation.pathParameter() != null) return new ApiError(400, "invalid_input", message, details);
        String template = violation.template();
        String code = violation.malformed() ? "malformed_json" : "invalid_input";
        if (template.contains("/zones")) {
            Matcher feature = FEATURE.matcher(violation.pointer());
            details.put("problems", new JsonArray().add(new JsonObject().put("feature", (String) null)
                    .put("index", feature.find() ? Integer.valueOf(feature.group(1)) : null)
                    .put("path", field).put("message", violation.message())));
            return new ApiError(400, violation.malformed() ? code : "invalid_zones", message, details);
        }
        if (template.equals("/api/v1/sites/{site}")) {
            details.put("problems", new JsonArray().add(new JsonObject().put("path", field)
                    .put("message", violation.message())));
            return new ApiError(400, violation.malformed() ? code : "invalid_site", message, details);
        }
        if (violation.malformed()) return new ApiError(400, code, message, details);
        return new ApiError(400, "invalid_input", message, details);
    }
}
