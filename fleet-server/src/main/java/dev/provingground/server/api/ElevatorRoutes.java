package dev.provingground.server.api;

import dev.provingground.server.elevator.ElevatorManager;
import dev.provingground.server.elevator.ElevatorService;
import dev.provingground.server.elevator.LiftCredentials;
import dev.provingground.server.elevator.RulesJson;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.lift.LiftState;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * {@code /api/v1/sites/{site}/elevators}: elevators, their cars with the state each last reported, and boarding
 * rules; operators change the rules and issue the cars' controller logins.
 */
final class ElevatorRoutes {

    private final ElevatorService elevators;
    private final LiftCredentials liftCredentials;

    ElevatorRoutes(ElevatorService elevators, LiftCredentials liftCredentials) {
        this.elevators = elevators;
        this.liftCredentials = liftCredentials;
    }

    void mount(Router router) {
        router.get("/api/v1/sites/:site/elevators").handler(this::list);
        router.put("/api/v1/sites/:site/elevators/:id/rules").handler(this::setRules);
        router.post("/api/v1/sites/:site/elevators/:id/cars/:car/credentials").handler(this::issueCredentials);
    }

    private void list(RoutingContext ctx) {
        String site = ctx.pathParam("site");
        JsonArray out = new JsonArray();
        for (ElevatorManager m : elevators.elevators(site)) {
            JsonArray cars = new JsonArray();
            for (ElevatorCar c : m.elevator().cars())
                cars.add(new JsonObject().put("id", c.id()).put("levels", new JsonArray(c.levels()))
                        .put("capacityRobots", c.capacityRobots()).put("doorWaypoints", new JsonObject(
                                new LinkedHashMap<>(c.doorWaypoints())))
                        .put("state", m.carState(c.id()).map(s -> stateJson(s, elevators.stateReceivedAt(site, c.id())
                                .orElse(null))).orElse(null)));
            out.add(new JsonObject().put("id", m.elevator().id()).put("name", m.elevator().name()).put("cars", cars)
                    .put("rules", RulesJson.write(m.rules())).put("queue", new JsonArray(m.queue())));
        }
        ctx.json(new JsonObject().put("elevators", out));
    }

    /** What the car's controller last reported, named as the API names things; null fields are left out. */
    private static JsonObject stateJson(LiftState s, Instant receivedAt) {
        JsonObject out = new JsonObject().put("mode", s.currentMode().name()).put("floor", s.currentFloor())
                .put("destinationFloor", s.destinationFloor()).put("doors", s.doorState().name())
                .put("motion", s.motionState().name()).put("session", s.sessionId())
                .put("robots", new JsonArray(s.robots())).put("reportedAt", s.liftTime().toString());
        if (s.passengers() != null) out.put("passengers", s.passengers());
        if (receivedAt != null) out.put("receivedAt", receivedAt.toString());
        return out;
    }

    private void issueCredentials(RoutingContext ctx) {
        String actor = BearerAuth.requireOperator(ctx).actor();
        Future.fromCompletionStage(liftCredentials.issue(ctx.pathParam("site"), ctx.pathParam("id"),
                        ctx.pathParam("car"), actor), ctx.vertx().getOrCreateContext())
                .onSuccess(issued -> ctx.response().setStatusCode(201).putHeader("content-type", "application/json")
                        .end(new JsonObject().put("username", issued.value().username()).put("password", issued.secret())
                                .put("note", "the password is shown only now; calling again replaces it").encode()))
                .onFailure(ctx::fail);
    }

    private void setRules(RoutingContext ctx) {
        String actor = BearerAuth.requireOperator(ctx).actor();
        var rules = RulesJson.read(ctx.body().buffer().getBytes());
        Future.fromCompletionStage(elevators.setRules(ctx.pathParam("site"), ctx.pathParam("id"), rules, actor),
                        ctx.vertx().getOrCreateContext())
                .onSuccess(r -> ctx.json(RulesJson.write(r))).onFailure(ctx::fail);
    }
}
