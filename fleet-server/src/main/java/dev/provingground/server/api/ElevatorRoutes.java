package dev.provingground.server.api;

import dev.provingground.server.elevator.ElevatorManager;
import dev.provingground.server.elevator.ElevatorService;
import dev.provingground.server.elevator.RulesJson;
import dev.provingground.site.ElevatorCar;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/v1/sites/{site}/elevators}: elevators, their cars and boarding rules; operators change the rules. */
final class ElevatorRoutes {

    private final ElevatorService elevators;

    ElevatorRoutes(ElevatorService elevators) {
        this.elevators = elevators;
    }

    void mount(Router router) {
        router.get("/api/v1/sites/:site/elevators").handler(this::list);
        router.put("/api/v1/sites/:site/elevators/:id/rules").handler(this::setRules);
    }

    private void list(RoutingContext ctx) {
        JsonArray out = new JsonArray();
        for (ElevatorManager m : elevators.elevators(ctx.pathParam("site"))) {
            JsonArray cars = new JsonArray();
            for (ElevatorCar c : m.elevator().cars())
                cars.add(new JsonObject().put("id", c.id()).put("levels", new JsonArray(c.levels()))
                        .put("capacityRobots", c.capacityRobots()).put("doorWaypoints", new JsonObject(
                                new java.util.LinkedHashMap<>(c.doorWaypoints()))));
            out.add(new JsonObject().put("id", m.elevator().id()).put("name", m.elevator().name()).put("cars", cars)
                    .put("rules", RulesJson.write(m.rules())).put("queue", new JsonArray(m.queue())));
        }
        ctx.json(new JsonObject().put("elevators", out));
    }

    private void setRules(RoutingContext ctx) {
        String actor = BearerAuth.requireOperator(ctx).actor();
        var rules = RulesJson.read(Bodies.object(ctx));
        Future.fromCompletionStage(elevators.setRules(ctx.pathParam("site"), ctx.pathParam("id"), rules, actor),
                        ctx.vertx().getOrCreateContext())
                .onSuccess(r -> ctx.json(RulesJson.write(r))).onFailure(ctx::fail);
    }
}
