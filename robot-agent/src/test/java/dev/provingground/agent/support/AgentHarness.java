package dev.provingground.agent.support;

import dev.provingground.agent.RobotAgent;
import dev.provingground.agent.config.AgentConfig;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.ros.SimRosRobot;
import dev.provingground.sim.ros.SimRosbridgeServer;
import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.BlockingType;
import dev.provingground.vda5050.Edge;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Node;
import dev.provingground.vda5050.NodePosition;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.StateBackfill;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.Vda5050Schemas;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One agent over real loopback sockets: a simulated ROS robot behind its rosbridge server, the agent, and a test
 * MQTT broker standing in for the fleet. Sends orders and instant actions as a fleet manager would and reads what the
 * agent published.
 */
public final class AgentHarness implements AutoCloseable {

    public static final String MANUFACTURER = "Acme";
    public static final String SERIAL = "R-1";
    public static final Vda5050Schemas SCHEMAS = Vda5050Schemas.fromClasspath();
    public static final Vda5050Codec CODEC = new Vda5050Codec(SCHEMAS);

    public final Vertx vertx = Vertx.vertx();
    public final TestBroker broker = TestBroker.start(vertx);
    public final SimRosbridgeServer ros;
    public final RobotAgent agent;
    public final AgentConfig config;
    private final HeaderCounter fleet = new HeaderCounter(MANUFACTURER, SERIAL);

    /**
     * @param flavour  NAV2 or MOVE_BASE
     * @param settings extra agent settings merged over the defaults (maps, ros, actions …)
     */
    public AgentHarness(SimRosbridgeServer.Flavour flavour, Path dataDir, JsonObject settings, double startX, double startY) {
        SimRobot robot = new SimRobot(MANUFACTURER, SERIAL, ProfileCatalog.builtIn().require("indoor-delivery"), "map",
                startX, startY, 0, 80);
        ros = new SimRosbridgeServer(new SimRosRobot(robot), new SimRosbridgeServer.Settings("127.0.0.1", 0, flavour, 20, 2.0));
        Eventually.result(vertx.deployVerticle(ros));
        JsonObject json = new JsonObject()
                .put("manufacturer", MANUFACTURER).put("serialNumber", SERIAL)
                .put("mqtt", new JsonObject().put("port", broker.port()).put("keepAliveSeconds", 5)
                        .put("reconnectSeconds", 0.1).put("maxReconnectSeconds", 0.5))
                .put("rosbridge", new JsonObject().put("uri", ros.uri()).put("maxReconnectSeconds", 0.5))
                .put("ros", new JsonObject().put("flavour", flavour.name()).put("estopTopic", "/estop"))
                .put("maps", new io.vertx.core.json.JsonArray().add(new JsonObject().put("rosMap", "map").put("levelMapId", "L1")))
                .put("stateIntervalSeconds", 0.25)
                .put("visualizationIntervalSeconds", 0.25)
                .put("backfill", new JsonObject().put("directory", dataDir.resolve("backlog").toString()));
        json.mergeIn(settings, true);
        config = AgentConfig.parse(json);
        agent = new RobotAgent(config, ProfileCatalog.builtIn().require("indoor-delivery"), CODEC, Clock.systemUTC());
        Eventually.result(vertx.deployVerticle(agent));
    }

    public String topic(Topic t) {
        return TopicAddress.of(MANUFACTURER, SERIAL, t).toString();
    }

    public String backfillTopic() {
        return StateBackfill.topic(MANUFACTURER, SERIAL);
    }

    public void send(Order order) {
        broker.publish(topic(Topic.ORDER), CODEC.encode(fleet.stamp(order)));
    }

    public void instant(String type, String id) {
        broker.publish(topic(Topic.INSTANT_ACTIONS), CODEC.encode(fleet.stamp(InstantActions.create(List.of(
                Action.instant(type, id, BlockingType.HARD, List.of()))))));
    }

    /** Every state the agent published on {@code state}, decoded, oldest first. */
    public List<State> states() {
        return broker.on(topic(Topic.STATE)).stream().map(m -> CODEC.decode(State.class, m.payload())).toList();
    }

    public List<State> backfill() {
        return broker.on(backfillTopic()).stream().map(m -> CODEC.decode(State.class, m.payload())).toList();
    }

    public State latest() {
        List<State> all = states();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    public void awaitState(String what, Predicate<State> condition) {
        Eventually.until(what, () -> {
            State s = latest();
            return s != null && condition.test(s);
        });
    }

    /** A straight order along x on level L1 from the first x through the others; every node released. */
    public static Order straightOrder(String id, double y, double... xs) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            nodes.add(Node.of("n" + i, 2L * i, true, NodePosition.of(xs[i], y, "L1"), List.of()));
            if (i > 0) edges.add(Edge.of("e" + i, 2L * i - 1, true, "n" + (i - 1), "n" + i, List.of()));
        }
        return Order.create(id, 0, nodes, edges);
    }

    /** Every message the agent published validates against the VDA 5050 2.1.0 schema of its topic. */
    public void assertEverythingPublishedValidates() {
        String prefix = TopicAddress.robotPrefix(MANUFACTURER, SERIAL);
        int checked = 0;
        for (TestBroker.Message m : broker.messages) {
            if (!m.topic().startsWith(prefix)) continue;
            String level = m.topic().substring(prefix.length());
            Topic topic = level.equals(StateBackfill.TOPIC_LEVEL) ? Topic.STATE : Topic.fromWire(level).orElseThrow();
            if (!topic.robotPublishes()) continue;
            assertThat(SCHEMAS.validate(topic, m.payload())).as(m.topic() + ": " + m.text()).isEmpty();
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Override
    public void close() {
        Eventually.result(vertx.close());
    }
}
