package dev.provingground.server.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * The owner's end of REST forwarding: takes the site's requests from the event bus and asks the site's own server,
 * which listens on loopback only, so its authentication, validation and answers are exactly those of a single
 * server; the answer goes back the same way.
 */
final class SiteApiRelay {

    private final Vertx vertx;
    private final String site;
    private final int sitePort;
    private final HttpClient http;
    private MessageConsumer<JsonObject> consumer;

    SiteApiRelay(Vertx vertx, String site, int sitePort) {
        this.vertx = vertx;
        this.site = site;
        this.sitePort = sitePort;
        this.http = vertx.createHttpClient();
    }

    Future<Void> start() {
        consumer = vertx.eventBus().consumer(ClusterAddresses.http(site), this::relay);
        return consumer.completion();
    }

    private void relay(Message<JsonObject> msg) {
        JsonObject req = msg.body();
        RequestOptions options = new RequestOptions().setHost("127.0.0.1").setPort(sitePort)
                .setMethod(HttpMethod.valueOf(req.getString("method"))).setURI(req.getString("uri"));
        http.request(options).compose(r -> {
            ForwardedRequest.copyHeaders(req, r.headers());
            return r.send(ForwardedRequest.body(req));
        }).compose(res -> res.body().map(body -> ForwardedRequest.answer(res.statusCode(), res.headers(), body)))
                .onSuccess(msg::reply)
                .onFailure(e -> msg.fail(502, "site " + site + " did not answer: " + e.getMessage()));
    }

    Future<Void> stop() {
        Future<Void> unregistered = consumer == null ? Future.succeededFuture() : consumer.unregister();
        return unregistered.eventually(http::close);
    }
}
