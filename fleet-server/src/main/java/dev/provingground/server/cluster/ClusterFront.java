package dev.provingground.server.cluster;

import dev.provingground.server.config.HttpConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a node answers on its HTTP port: {@code GET /api/v1/cluster} (members, and who owns which site at which
 * epoch) and every site's REST API under {@code /site/{site}/api/v1/...}, whichever node owns the site: the request
 * crosses the event bus to the owner ({@link SiteApiRelay}) and its answer comes back unchanged.
 */
final class ClusterFront {

    static final String STATUS_PATH = "/api/v1/cluster";
    private static final Pattern SITE_PATH = Pattern.compile("^/site/([A-Za-z0-9][A-Za-z0-9._-]{0,63})(/api/.*)$");
    /**
     * Long enough for an export of a busy site; also how long a request caught on its way to an owner that just died
     * waits before it answers 504 (the cluster forgets a dead node's addresses within seconds, not at once).
     */
    private static final long FORWARD_TIMEOUT_MILLIS = 60_000;

    private final Vertx vertx;
    private final HttpConfig config;
    private final Set<String> sites;
    private final Supplier<JsonObject> status;
    private HttpServer server;

    ClusterFront(Vertx vertx, HttpConfig config, Set<String> sites, Supplier<JsonObject> status) {
        this.vertx = vertx;
        this.config = config;
        this.sites = Set.copyOf(sites);
        this.status = status;
    }

    Future<Integer> start() {
        server = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port()))
                .requestHandler(this::handle);
        return server.listen().map(HttpServer::actualPort);
    }

    private void handle(HttpServerRequest req) {
        if (req.path().equals(STATUS_PATH)) {
            // The status asks Hazelcast, which blocks.
            if (req.method().name().equals("GET")) vertx.executeBlocking(status::get)
                    .onSuccess(s -> answer(req, 200, s))
                    .onFailure(e -> answer(req, 503, error("cluster_unavailable", e.getMessage())));
            else answer(req, 405, error("method_not_allowed", "only GET " + STATUS_PATH));
            return;
        }
        Matcher m = SITE_PATH.matcher(req.path());
        if (!m.matches()) {
            answer(req, 404, error("not_found", "a cluster node answers " + STATUS_PATH
                    + " and each site's API under /site/{site}/api/v1/..."));
            return;
        }
        String site = m.group(1);
        if (!sites.contains(site)) {
            answer(req, 404, error("not_found", "no site '" + site + "' in this cluster; sites: "
                    + sites.stream().sorted().toList()));
            return;
        }
        String contentLength = req.getHeader("Content-Length");
        if (contentLength != null && contentLength.matches("[0-9]{1,18}")
                && Long.parseLong(contentLength) > config.maxBodyBytes()) {
            answer(req, 413, error("payload_too_large", "request body over " + config.maxBodyBytes() + " bytes"));
            return;
        }
        String uri = req.uri().substring(("/site/" + site).length());
        req.body().compose(body -> {
            if (body.length() > config.maxBodyBytes())
                return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 413,
                        "request body over " + config.maxBodyBytes() + " bytes"));
            return vertx.eventBus().<JsonObject>request(ClusterAddresses.http(site),
                    ForwardedRequest.request(req.method().name(), uri, req.headers(), body),
                    new DeliveryOptions().setSendTimeout(FORWARD_TIMEOUT_MILLIS));
        }).onSuccess(reply -> {
            JsonObject a = reply.body();
            req.response().setStatusCode(a.getInteger("status"));
            ForwardedRequest.copyHeaders(a, req.response().headers());
            req.response().end(ForwardedRequest.body(a));
        }).onFailure(e -> failed(req, site, e));
    }

    private void failed(HttpServerRequest req, String site, Throwable e) {
        if (e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS) {
            req.response().putHeader("Retry-After", "2");
            answer(req, 503, error("site_unavailable", "site '" + site
                    + "' has no owner right now (it is moving to another node); retry shortly"));
        } else if (e instanceof ReplyException r && r.failureCode() == 413) {
            answer(req, 413, error("payload_too_large", r.getMessage()));
        } else {
            answer(req, 504, error("site_unavailable", "site '" + site + "' did not answer: " + e.getMessage()));
        }
    }

    private static JsonObject error(String code, String message) {
        return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message)
                .put("details", new JsonObject()));
    }

    private static void answer(HttpServerRequest req, int status, JsonObject body) {
        req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    int port() {
        return server.actualPort();
    }

    Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
