package dev.provingground.server.api;

import dev.provingground.server.metrics.ServerMetrics;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * {@code /metrics}: every meter of {@link ServerMetrics} in the Prometheus text format. An operator token is required,
 * unless {@code auth.metricsOpenOnLoopback} lets a scraper on the same machine read it without one.
 */
final class MetricsRoutes {

    private final ServerMetrics metrics;
    private final BearerAuth auth;
    private final boolean openOnLoopback;

    MetricsRoutes(ServerMetrics metrics, BearerAuth auth, boolean openOnLoopback) {
        this.metrics = metrics;
        this.auth = auth;
        this.openOnLoopback = openOnLoopback;
    }

    void mount(Router router) {
        router.get("/metrics").handler(ctx -> {
            if (openOnLoopback && isLoopback(ctx.request().remoteAddress())) serve(ctx);
            else ctx.next();
        }).handler(auth).handler(ctx -> {
            BearerAuth.requireOperator(ctx);
            serve(ctx);
        });
    }

    /**
     * Scraped on a worker: reading every meter (gauges count thousands of robots) would otherwise hold up the event
     * loop a monitoring system polls, and with it robots' orders. The gauges read only concurrent state.
     */
    private void serve(RoutingContext ctx) {
        ctx.vertx().executeBlocking(metrics::scrape, false)
                .onSuccess(text -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(text))
                .onFailure(ctx::fail);
    }

    private static boolean isLoopback(SocketAddress remote) {
        if (remote == null || remote.hostAddress() == null) return false;
        try {
            // An address literal: no name lookup happens.
            return InetAddress.getByName(remote.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
