package dev.provingground.server.api;

import dev.provingground.server.auth.Principal;
import dev.provingground.server.orders.OrderSender;
import dev.provingground.server.registry.DispatchMode;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /api/v1/robots}: registration, the registry's view, who dispatches each robot, and sending orders and
 * instant actions. A vendor token sees and changes only its own firm's robots.
 */
final class RobotRoutes {

    private final RobotRegistry registry;
    private final OrderSender orders;
    private final OrderRequests orderRequests;
    /** Keeps each robot's registration as written between requests for the list. */
    private final RobotListWriter listWriter = new RobotListWriter();

    RobotRoutes(RobotRegistry registry, OrderSender orders, OrderRequests orderRequests) {
        this.registry = registry;
        this.orders = orders;
        this.orderRequests = orderRequests;
    }

    void mount(Router router) {
        router.post("/api/v1/robots").handler(this::register);
        router.get("/api/v1/robots").handler(this::list);
        router.get("/api/v1/robots/:id").handler(this::get);
        router.post("/api/v1/robots/:id/credentials").handler(this::rotate);
        router.put("/api/v1/robots/:id/dispatch").handler(this::setDispatch);
        router.post("/api/v1/robots/:id/orders").handler(this::sendOrder);
        router.post("/api/v1/robots/:id/instant-actions").handler(this::sendInstantActions);
    }

    private void register(RoutingContext ctx) {
        Principal p = BearerAuth.principal(ctx);
        JsonObject body = Bodies.object(ctx);
        String firm = Bodies.string(body, "firm");
        if (firm == null && !p.isOperator()) firm = p.firm();
        if (firm != null && !p.mayActFor(firm))
            throw ApiError.forbidden("a vendor token of firm \"" + p.firm() + "\" cannot register robots for \"" + firm + "\"");
        String dispatch = Bodies.string(body, "dispatch");
        var registration = new RobotRegistry.Registration(Bodies.string(body, "manufacturer"),
                Bodies.string(body, "serialNumber"), firm, Bodies.string(body, "profile"), Bodies.string(body, "site"),
                dispatch == null ? DispatchMode.SERVER : DispatchMode.parse("dispatch", dispatch));
        Future.fromCompletionStage(registry.register(registration, p.actor()), ctx.vertx().getOrCreateContext())
                .onSuccess(issued -> {
                    Robot r = issued.value();
                    JsonObject out = RobotJson.of(r, registry.status(r.id()));
                    out.getJsonObject("mqtt").put("password", issued.secret());
                    ctx.response().setStatusCode(201).putHeader("content-type", "application/json")
                            .putHeader("Location", "/api/v1/robots/" + r.id())
                            .end(new JsonObject().put("robot", out)
                                    .put("note", "the MQTT password is shown only now; store it on the robot").encode());
                })
                .onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        Principal p = BearerAuth.principal(ctx);
        String site = ctx.queryParams().get("site");
        String firm = ctx.queryParams().get("firm");
        List<RobotJson.Listed> listed = new ArrayList<>();
        // Gathered on the event loop (each status is an immutable record), put in id order on the worker.
        for (Robot r : registry.unordered()) {
            if (!p.mayActFor(r.firm())) continue;
            if (site != null && !site.equals(r.site())) continue;
            if (firm != null && !firm.equals(r.firm())) continue;
            listed.add(new RobotJson.Listed(r, registry.status(r.id())));
        }
        // Thousands of robots take tens of milliseconds to write out: on a worker, not on the event loop.
        ctx.vertx().executeBlocking(() -> {
                    listed.sort(Comparator.comparing(l -> l.robot().id()));
                    return listWriter.write(listed);
                }, false)
                .onSuccess(json -> ctx.response().putHeader("content-type", "application/json").end(json))
                .onFailure(ctx::fail);
    }

    private Robot visibleRobot(RoutingContext ctx) {
        Robot r = registry.require(ctx.pathParam("id"));
        Principal p = BearerAuth.principal(ctx);
        if (!p.mayActFor(r.firm()))
            throw ApiError.forbidden("robot " + r.id() + " belongs to another firm");
        return r;
    }

    private void get(RoutingContext ctx) {
        Robot r = visibleRobot(ctx);
        ctx.json(RobotJson.of(r, registry.status(r.id())));
    }

    private void rotate(RoutingContext ctx) {
        Robot r = visibleRobot(ctx);
        Future.fromCompletionStage(registry.rotateCredentials(r.id(), BearerAuth.principal(ctx).actor()),
                        ctx.vertx().getOrCreateContext())
                .onSuccess(password -> ctx.json(new JsonObject().put("id", r.id())
                        .put("mqtt", new JsonObject().put("username", r.id()).put("password", password))))
                .onFailure(ctx::fail);
    }

    /** The robot's own firm or an operator decides whether the server's dispatcher gives it work. */
    private void setDispatch(RoutingContext ctx) {
        Robot r = visibleRobot(ctx);
        DispatchMode mode = DispatchMode.parse("dispatch", Bodies.string(Bodies.object(ctx), "dispatch"));
        Future.fromCompletionStage(registry.setDispatch(r.id(), mode, BearerAuth.principal(ctx).actor()),
                        ctx.vertx().getOrCreateContext())
                .onSuccess(updated -> ctx.json(RobotJson.of(updated, registry.status(updated.id()))))
                .onFailure(ctx::fail);
    }

    private void sendOrder(RoutingContext ctx) {
        Robot r = visibleRobot(ctx);
        var order = orderRequests.order(Bodies.object(ctx));
        orders.send(r, order)
                .onSuccess(sent -> ctx.response().setStatusCode(202).putHeader("content-type", "application/json")
                        .end(new JsonObject().put("robot", r.id()).put("orderId", sent.orderId())
                                .put("orderUpdateId", sent.orderUpdateId()).put("headerId", sent.headerId())
                                .put("nodes", sent.nodes().size()).encode()))
                .onFailure(ctx::fail);
    }

    private void sendInstantActions(RoutingContext ctx) {
        Robot r = visibleRobot(ctx);
        var actions = orderRequests.instantActions(Bodies.object(ctx));
        orders.send(r, actions)
                .onSuccess(sent -> ctx.response().setStatusCode(202).putHeader("content-type", "application/json")
                        .end(new JsonObject().put("robot", r.id()).put("headerId", sent.headerId())
                                .put("actions", new JsonArray(sent.actions().stream().map(a -> a.actionId()).toList()))
                                .encode()))
                .onFailure(ctx::fail);
    }
}
