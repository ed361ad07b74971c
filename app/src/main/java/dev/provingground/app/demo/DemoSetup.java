package dev.provingground.app.demo;

import dev.provingground.sim.demo.DemoFleet;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.site.Elevator;
import dev.provingground.site.Site;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Puts the demo on the server over its REST API, as a trial-zone manager and the vendors would: the operator registers
 * the demo's firms (each gets its vendor token), draws the demo's zones and sets its elevator rules; each firm
 * registers its robots with its own token and gets their MQTT logins. A restart finds it all registered: the zones and
 * rules a manager may have changed since are kept, and each robot gets a fresh password (only hashes are stored).
 * Blocks its caller, so it runs on the launcher's thread, never on an event loop.
 */
final class DemoSetup {

    private static final Logger LOG = Logger.getLogger(DemoSetup.class.getName());
    private static final long TIMEOUT_SECONDS = 30;

    /** A demo robot as the server registered it, with the MQTT login it answered. */
    record RegisteredRobot(String id, DemoFleet.RobotPlan plan, String password) {
    }

    private final DemoApi api;
    private final Site site;

    DemoSetup(DemoApi api, Site site) {
        this.api = api;
        this.site = site;
    }

    /** Registers what is missing and answers the demo's robots, one per plan, with fresh MQTT passwords. */
    List<RegisteredRobot> run(int robots) {
        return run(DemoFleet.plan(site, robots));
    }

    /** Like {@link #run(int)}, for these robots: the simulated fleet's and any others the demo runs. */
    List<RegisteredRobot> run(List<DemoFleet.RobotPlan> plans) {
        Map<String, String> vendorTokens = registerFirms();
        if (siteHasNoZones()) {
            // A fresh site: a manager's later edits are kept, so the demo's own rules go only into a site without any.
            await(api.call(HttpMethod.PUT, "/api/v1/sites/" + site.id() + "/zones", api.operatorToken(), DemoSite.zones(), 200));
            for (Elevator e : site.elevators())
                await(api.call(HttpMethod.PUT, "/api/v1/sites/" + site.id() + "/elevators/" + e.id() + "/rules",
                        api.operatorToken(), DemoElevators.rules(e), 200));
        }
        List<RegisteredRobot> out = new ArrayList<>();
        for (DemoFleet.RobotPlan plan : plans)
            out.add(register(plan, vendorTokens.getOrDefault(plan.firm().id(), api.operatorToken())));
        return out;
    }

    /**
     * Each new firm's vendor token, by firm id. A firm registered on an earlier start has none here (a token is shown
     * only once); the operator then acts for it.
     */
    private Map<String, String> registerFirms() {
        Map<String, String> tokens = new HashMap<>();
        for (DemoFleet.FirmSpec f : DemoFleet.firms()) {
            DemoApi.Answer answer = await(api.send(HttpMethod.POST, "/api/v1/firms", api.operatorToken(),
                    new JsonObject().put("id", f.id()).put("name", f.name())));
            if (answer.status() == 201) tokens.put(f.id(), answer.body().getString("token"));
            else if (answer.status() != 409) throw refused("registering firm " + f.id(), answer);
        }
        return tokens;
    }

    private boolean siteHasNoZones() {
        JsonObject zones = await(api.get("/api/v1/sites/" + site.id() + "/zones"));
        return zones.getJsonArray("features", new JsonArray()).isEmpty();
    }

    /** Registers the robot with its firm's token, or, registered before, gives it a new password. */
    private RegisteredRobot register(DemoFleet.RobotPlan plan, String token) {
        DemoApi.Answer answer = await(api.send(HttpMethod.POST, "/api/v1/robots", token, new JsonObject()
                .put("manufacturer", plan.firm().manufacturer()).put("serialNumber", plan.serialNumber())
                .put("firm", plan.firm().id()).put("profile", plan.profile()).put("site", site.id())
                .put("dispatch", "SERVER")));
        if (answer.status() == 201) {
            JsonObject robot = answer.body().getJsonObject("robot");
            return new RegisteredRobot(robot.getString("id"), plan, robot.getJsonObject("mqtt").getString("password"));
        }
        if (answer.status() != 409) throw refused("registering robot " + plan.serialNumber(), answer);
        String id = existingId(plan, token);
        JsonObject login = await(api.call(HttpMethod.POST, "/api/v1/robots/" + id + "/credentials", token, null, 200));
        LOG.fine(() -> plan.serialNumber() + " was registered before as " + id + "; new MQTT password issued");
        return new RegisteredRobot(id, plan, login.getJsonObject("mqtt").getString("password"));
    }

    private String existingId(DemoFleet.RobotPlan plan, String token) {
        JsonObject robots = await(api.call(HttpMethod.GET, "/api/v1/robots?site=" + site.id() + "&firm="
                + plan.firm().id(), token, null, 200));
        return robots.getJsonArray("robots").stream().map(JsonObject.class::cast)
                .filter(r -> plan.firm().manufacturer().equals(r.getString("manufacturer"))
                        && plan.serialNumber().equals(r.getString("serialNumber")))
                .map(r -> r.getString("id")).findFirst()
                .orElseThrow(() -> new IllegalStateException("robot " + plan.firm().manufacturer() + "/"
                        + plan.serialNumber() + " is registered, but not at site " + site.id() + " for firm "
                        + plan.firm().id()));
    }

    private static IllegalStateException refused(String what, DemoApi.Answer answer) {
        return new IllegalStateException(what + ": the server answered " + answer.status()
                + (answer.body() == null ? "" : " " + answer.body().encode()));
    }

    /** Waits for an API call on the launcher's thread. */
    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up the demo", e);
        } catch (Exception e) {
            throw new IllegalStateException("the server did not answer in " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
