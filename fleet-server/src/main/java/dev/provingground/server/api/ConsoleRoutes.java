package dev.provingground.server.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The console: plain HTML, CSS and ES modules from the classpath's {@code webroot/} at {@code /}, and Leaflet from
 * its webjar at {@code /webjars/leaflet/<version>/...}. Nothing is built; the browser loads the files as they are.
 * The pages hold no data: every figure on them comes from the API with the signed-in token.
 */
final class ConsoleRoutes {

    /** The console's own files change with every release: browsers must ask again rather than run stale modules. */
    private static final String NO_CACHE = "no-cache";
    /** Pages load only their own scripts and styles and talk only to this server (the API and its WebSockets). */
    private static final String POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** Routes without a method: StaticHandler answers GET and HEAD and passes the rest on (to the API's 404). */
    void mount(Router router) {
        // A webjar's path names its version, so its files may be cached for as long as the browser likes.
        router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setMaxAgeSeconds(86_400));
        router.route("/*").handler(ctx -> {
            if (ctx.request().path().startsWith("/api/")) {
                ctx.next();
                return;
            }
            ctx.response().putHeader("Cache-Control", NO_CACHE).putHeader("Content-Security-Policy", POLICY)
                    .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
            ctx.next();
        });
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false).setIndexPage("index.html"));
    }
}
