package dev.provingground.server.api;

import dev.provingground.server.config.HttpConfig;
import dev.provingground.server.sites.floorplans.FloorPlanImageCheck;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Request bodies are read only after the bearer token was checked, into memory only (never an upload directory), and
 * only up to the limit of their route: {@code http.maxBodyBytes} under {@code /api/v1/sites} (site documents, zone
 * sets, elevators), {@code http.maxCommandBodyBytes} everywhere else. A larger body is refused with 413 naming the
 * limit and its setting; a declared Content-Length over the limit is refused without a byte of the body being kept.
 */
final class BodyLimits {

    private static final String KEY = "bodyLimit";

    /** The limit that applies to a request, and where it comes from (named in the 413). */
    record Limit(long bytes, String source) {

        static Limit setting(long bytes, String setting) {
            return new Limit(bytes, "setting " + setting);
        }
    }

    private BodyLimits() {
    }

    static void mount(Router router, HttpConfig config) {
        // A floor-plan image has its own limit, whatever the general one (it may be larger or smaller).
        limit(router, FloorPlanRoutes.LEVEL_PLAN, new Limit(FloorPlanImageCheck.MAX_BYTES,
                "the floor-plan image limit, 8 MiB, whatever http.maxBodyBytes is"));
        limit(router, "/api/v1/sites*", Limit.setting(config.maxBodyBytes(), "http.maxBodyBytes"));
        limit(router, "/api/v1/*", Limit.setting(config.maxCommandBodyBytes(), "http.maxCommandBodyBytes"));
    }

    private static void limit(Router router, String path, Limit limit) {
        // The first matching route decides; BodyHandler itself reads a body once and passes later ones by.
        router.route(path).handler(ctx -> {
            if (ctx.get(KEY) == null) {
                ctx.put(KEY, limit);
                long declared = declaredLength(ctx);
                if (declared > limit.bytes()) {
                    refuseAfterDiscarding(ctx, declared);
                    return;
                }
            }
            ctx.next();
        });
        router.route(path).handler(BodyHandler.create(false).setBodyLimit(limit.bytes())
                .setDeleteUploadedFilesOnEnd(true));
    }

    /**
     * The caller is authenticated (the token came first), so its body is let through and thrown away unread before
     * the 413: a browser still uploading when a server answers and closes shows a network error, not the reason.
     * Nothing of it is kept, and it is no longer than it declared.
     */
    private static void refuseAfterDiscarding(RoutingContext ctx, long declared) {
        ApiError refusal = tooLarge(ctx, declared);
        ctx.request().handler(ignored -> { });
        ctx.request().exceptionHandler(ignored -> { });
        ctx.request().endHandler(end -> ctx.fail(refusal));
        ctx.request().resume();
    }

    /** The 413 for this request's route, or a generic one where no limit was set. */
    static ApiError tooLarge(RoutingContext ctx, long declared) {
        Limit limit = ctx.get(KEY);
        if (limit == null) return new ApiError(413, "payload_too_large", "request body is larger than allowed");
        return new ApiError(413, "payload_too_large", "request body"
                + (declared >= 0 ? " of " + declared + " bytes" : "") + " exceeds the limit of " + limit.bytes()
                + " bytes for " + ctx.request().path() + " (" + limit.source() + ")");
    }

    private static long declaredLength(RoutingContext ctx) {
        String header = ctx.request().getHeader("Content-Length");
        if (header == null) return -1;
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
