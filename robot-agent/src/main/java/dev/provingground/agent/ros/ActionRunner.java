package dev.provingground.agent.ros;

import dev.provingground.agent.config.AgentConfig;
import dev.provingground.agent.rosbridge.RosbridgeClient;
import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.ActionParameter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Runs VDA 5050 actions as the configured ROS service calls or ROS 2 action goals. A service answering with a
 * {@code success} field (e.g. {@code std_srvs/Trigger}) fails when it is false.
 */
public final class ActionRunner {

    private final RosbridgeClient ros;
    private final Map<String, AgentConfig.ActionMapping> mappings;

    public ActionRunner(RosbridgeClient ros, Map<String, AgentConfig.ActionMapping> mappings) {
        this.ros = ros;
        this.mappings = mappings;
    }

    /** Completes with null on success, fails with the reason otherwise. */
    public Future<Void> run(Action action) {
        AgentConfig.ActionMapping m = mappings.get(action.actionType());
        if (m == null) return Future.failedFuture("no mapping for " + action.actionType());
        JsonObject args = m.args() == null ? new JsonObject() : m.args().copy();
        if (m.passParameters())
            for (ActionParameter p : action.actionParameters()) args.put(p.key(), JsonObject.of("v", p.value()).getValue("v"));
        if (m.service() != null) {
            return ros.callService(m.service(), m.serviceType(), args).compose(values -> {
                if (Boolean.FALSE.equals(values.getValue("success")))
                    return Future.failedFuture(m.service() + ": " + values.getString("message", "success false"));
                return Future.succeededFuture();
            });
        }
        return ros.sendActionGoal(m.action(), m.actionType(), args, null).result().compose(r -> r.succeeded()
                ? Future.succeededFuture()
                : Future.failedFuture(m.action() + ": goal ended with status " + r.status()));
    }
}
