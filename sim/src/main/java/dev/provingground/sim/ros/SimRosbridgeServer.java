package dev.provingground.sim.ros;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * A rosbridge v2 server (docs/reference/rosbridge/ROSBRIDGE_PROTOCOL.md) in front of one {@link SimRosRobot}: what a
 * ROS robot running rosbridge_server looks like to a client. Topics (subscribe with throttle_rate and fragment_size,
 * unsubscribe, advertise, publish — delivered to every subscriber, as a topic bus), services (call_service with
 * service_response), ROS 2 actions (send_action_goal with feedback, cancel_action_goal, action_result) and status
 * messages for what it cannot do. The robot publishes {@code /odom} at 50 Hz, {@code /amcl_pose} at 10 Hz,
 * {@code /battery_state}, {@code /diagnostics} and {@code /estop} at 1 Hz. In {@link Flavour#NAV2} it serves
 * {@code /navigate_to_pose} and {@code /navigate_through_poses}; in {@link Flavour#MOVE_BASE} it is a ROS 1 move_base,
 * listening on {@code /move_base/goal} and {@code /move_base/cancel} and answering on {@code /move_base/result} and
 * {@code /move_base/feedback}. It also serves {@code /tray/handover} ({@code std_srvs/srv/Trigger}; fails while the
 * e-stop is pressed), {@code /elevator/board} and {@code /elevator/alight} (step into or out of a simulated car at the
 * robot's floor, its ROS map frame) and {@code /unresponsive}, which never answers.
 *
 * <p>Runs as a verticle: everything happens on its context; tests reach the robot through {@link #inject}.
 */
public final class SimRosbridgeServer extends VerticleBase {

    private static final Logger LOG = Logger.getLogger(SimRosbridgeServer.class.getName());

    /** Which navigation stack the simulated robot runs. */
    public enum Flavour { NAV2, MOVE_BASE }

    /**
     * @param port      0 for any free port
     * @param timeScale simulated seconds per real second (1 for real time)
     */
    public record Settings(String host, int port, Flavour flavour, long tickMillis, double timeScale) {
        public static Settings onLoopback(Flavour flavour) {
            return new Settings("127.0.0.1", 0, flavour, 20, 1.0);
        }
    }

    private static final class Client {
        final ServerWebSocket socket;
        final Map<String, JsonObject> subscriptions = new HashMap<>();
        final Map<String, Long> lastSent = new HashMap<>();
        final Set<String> advertised = new LinkedHashSet<>();

        Client(ServerWebSocket socket) {
            this.socket = socket;
        }
    }

    private record ActionGoalRef(Client client, String id, String action, boolean feedback, int fragmentSize) {
    }

    private final SimRosRobot robot;
    private final Settings settings;
    private final List<Client> clients = new ArrayList<>();
    private final Map<String, ActionGoalRef> actionGoals = new LinkedHashMap<>();
    private final Set<String> moveBaseGoals = new LinkedHashSet<>();
    private HttpServer server;
    private long ticks;
    private long fragmentIds;
    private boolean slowTopicsDue;
    private volatile int actualPort;
    private volatile double odometer;
    private volatile int connectionCount;
    private volatile long goalsReceived;
    private volatile double[] pose = new double[3];

    public SimRosbridgeServer(SimRosRobot robot, Settings settings) {
        this.robot = robot;
        this.settings = settings;
    }

    @Override
    public Future<?> start() {
        server = vertx.createHttpServer(new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
                .setMaxWebSocketMessageSize(16 * 1024 * 1024));
        server.webSocketHandler(this::onConnect);
        vertx.setPeriodic(settings.tickMillis(), t -> tick());
        return server.listen().map(s -> {
            actualPort = s.actualPort();
            LOG.info("simulated " + settings.flavour() + " robot " + robot.robot().serialNumber() + ": rosbridge on "
                    + settings.host() + ":" + actualPort);
            return null;
        });
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    public int port() {
        return actualPort;
    }

    public String uri() {
        return "ws://" + settings.host() + ":" + actualPort;
    }

    // ---- what tests can do -------------------------------------------------------------------------------------

    /** Runs {@code change} on the robot, on the server's context; completes once done. */
    public Future<Void> inject(Consumer<SimRosRobot> change) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            try {
                change.accept(robot);
                done.complete();
            } catch (RuntimeException e) {
                done.fail(e);
            }
        });
        return done.future();
    }

    /** Closes every client's WebSocket, as a Wi-Fi drop or a restarted rosbridge would. */
    public Future<Void> dropConnections() {
        return onContext(() -> List.copyOf(clients).forEach(c -> c.socket.close()));
    }

    /** Sends {@code text} as it is to every client: for malformed JSON, unknown ops and status messages. */
    public Future<Void> sendRaw(String text) {
        return onContext(() -> clients.forEach(c -> c.socket.writeTextMessage(text)));
    }

    private Future<Void> onContext(Runnable r) {
        return inject(robot -> r.run());
    }

    /** Metres the robot drove since it started. */
    public double odometerMetres() {
        return odometer;
    }

    public int connections() {
        return connectionCount;
    }

    public long goalsReceived() {
        return goalsReceived;
    }

    /** The robot's pose in its ROS map now: {@code [x, y, yaw]}. */
    public double[] pose() {
        return pose.clone();
    }

    // ---- protocol ----------------------------------------------------------------------------------------------

    private void onConnect(ServerWebSocket ws) {
        Client c = new Client(ws);
        clients.add(c);
        connectionCount = clients.size();
        ws.textMessageHandler(text -> onText(c, text));
        ws.closeHandler(v -> {
            clients.remove(c);
            connectionCount = clients.size();
            // rosbridge cancels the goals of a client that went away.
            actionGoals.values().removeIf(g -> {
                if (g.client() != c) return false;
                robot.cancel(g.id());
                robot.takeEnded();
                return true;
            });
        });
    }

    private void onText(Client c, String text) {
        JsonObject msg;
        try {
            Object parsed = Json.decodeValue(text);
            if (!(parsed instanceof JsonObject o)) throw new DecodeException("not an object");
            msg = o;
        } catch (DecodeException e) {
            status(c, "error", null, "Unable to load the JSON message: " + e.getMessage());
            return;
        }
        String id = msg.getValue("id") == null ? null : String.valueOf(msg.getValue("id"));
        String op = msg.getValue("op") instanceof String s ? s : null;
        if (op == null) {
            status(c, "error", id, "Received a message without an op");
            return;
        }
        switch (op) {
            case "subscribe" -> {
                c.subscriptions.put(msg.getString("topic"), msg);
                // A new subscriber hears the slow topics at the next tick, as from a robot whose drivers latch them,
                // rather than up to a second later.
                slowTopicsDue = true;
            }
            case "unsubscribe" -> c.subscriptions.remove(msg.getString("topic"));
            case "advertise" -> c.advertised.add(msg.getString("topic"));
            case "unadvertise" -> c.advertised.remove(msg.getString("topic"));
            case "publish" -> onPublish(c, id, msg);
            case "call_service" -> onCallService(c, id, msg);
            case "send_action_goal" -> onActionGoal(c, id, msg);
            case "cancel_action_goal" -> {
                ActionGoalRef g = actionGoals.get(id);
                if (g == null || !robot.cancel(id)) status(c, "warning", id, "no goal " + id + " to cancel");
            }
            case "set_level" -> { }
            default -> status(c, "error", id, "Unknown operation: " + op);
        }
    }

    private void onPublish(Client c, String id, JsonObject msg) {
        String topic = msg.getString("topic");
        JsonObject body = msg.getJsonObject("msg");
        if (topic == null || body == null) {
            status(c, "error", id, "publish needs topic and msg");
            return;
        }
        if (!c.advertised.contains(topic)) status(c, "warning", id, "publishing on " + topic + " without advertise");
        if (settings.flavour() == Flavour.MOVE_BASE && topic.equals("/move_base/goal")) {
            String goalId = body.getJsonObject("goal_id", new JsonObject()).getString("id", "goal-" + ticks);
            String refusal = robot.navigate(goalId, List.of(body.getJsonObject("goal").getJsonObject("target_pose")));
            goalsReceived = robot.goalsReceived();
            if (refusal != null) publishTopic("/move_base/result", moveBaseResult(goalId, 5, refusal));
            else moveBaseGoals.add(goalId);
        } else if (settings.flavour() == Flavour.MOVE_BASE && topic.equals("/move_base/cancel")) {
            robot.cancel(body.getString("id", ""));
        }
        publishTopic(topic, body);
    }

    private void onCallService(Client c, String id, JsonObject msg) {
        String service = msg.getString("service");
        JsonObject response = new JsonObject().put("op", "service_response").put("service", service);
        if (id != null) response.put("id", id);
        if ("/unresponsive".equals(service)) {
            return; // a service whose server hangs: callers must time out
        }
        if ("/elevator/board".equals(service) || "/elevator/alight".equals(service)) {
            // What a robot's own elevator behaviour would do: drive into (or out of) the car if it stands open here.
            JsonObject args = msg.getValue("args") instanceof JsonObject a ? a : new JsonObject();
            String car = args.getString("liftName", "");
            String who = args.getString("robotId", robot.robot().serialNumber());
            boolean ok = service.endsWith("board") ? robot.board(car, who) : robot.alight(car, who);
            response.put("values", new JsonObject().put("success", ok).put("message", ok ? "done"
                    : "car " + car + " is not standing open at " + robot.robot().mapId())).put("result", true);
        } else if ("/tray/handover".equals(service)) {
            response.put("values", new JsonObject().put("success", !robot.eStopPressed())
                    .put("message", robot.eStopPressed() ? "e-stop pressed" : "tray handed over")).put("result", true);
        } else {
            status(c, "error", id, "call_service " + service + ": Service " + service + " does not exist");
            response.put("values", "Service " + service + " does not exist").put("result", false);
        }
        send(c, response, 0);
    }

    private void onActionGoal(Client c, String id, JsonObject msg) {
        String action = msg.getString("action", "");
        JsonObject args = msg.getValue("args") instanceof JsonObject a ? a : new JsonObject();
        int fragmentSize = msg.getValue("fragment_size") instanceof Number n ? n.intValue() : 0;
        String refusal;
        List<JsonObject> poses = new ArrayList<>();
        if (settings.flavour() == Flavour.NAV2 && action.equals("/navigate_to_pose")) {
            poses.add(args.getJsonObject("pose"));
            refusal = robot.navigate(id, poses);
        } else if (settings.flavour() == Flavour.NAV2 && action.equals("/navigate_through_poses")) {
            args.getJsonArray("poses", new JsonArray()).forEach(p -> poses.add((JsonObject) p));
            refusal = robot.navigate(id, poses);
        } else {
            refusal = "Action " + action + " does not exist";
        }
        goalsReceived = robot.goalsReceived();
        if (refusal != null) {
            // What rosbridge_library does when a goal cannot be sent or is not accepted.
            status(c, "error", id, "send_action_goal Exception: " + refusal);
            JsonObject result = new JsonObject().put("op", "action_result").put("action", action)
                    .put("values", refusal).put("result", false);
            if (id != null) result.put("id", id);
            send(c, result, 0);
            return;
        }
        actionGoals.put(id, new ActionGoalRef(c, id, action, Boolean.TRUE.equals(msg.getBoolean("feedback")), fragmentSize));
        endGoals();
    }

    // ---- time --------------------------------------------------------------------------------------------------

    private void tick() {
        ticks++;
        robot.advance(settings.tickMillis() / 1000.0 * settings.timeScale());
        odometer = robot.robot().odometerMetres();
        pose = new double[]{robot.robot().x(), robot.robot().y(), robot.robot().agvPosition().theta()};
        double now = System.currentTimeMillis() / 1000.0;
        long perSecond = Math.max(1, 1000 / settings.tickMillis());
        publishTopic("/odom", robot.odometry(now));
        if (ticks % Math.max(1, perSecond / 10) == 0) {
            publishTopic("/amcl_pose", robot.amclPose(now));
            if (robot.activeGoal() != null) sendFeedback(now);
        }
        if (ticks % perSecond == 0 || slowTopicsDue) {
            slowTopicsDue = false;
            publishTopic("/battery_state", robot.battery(now));
            publishTopic("/diagnostics", robot.diagnosticArray(now));
            publishTopic("/estop", new JsonObject().put("data", robot.eStopPressed()));
        }
        endGoals();
    }

    private void sendFeedback(double now) {
        SimRosRobot.Goal g = robot.activeGoal();
        JsonObject feedback = robot.feedback(now);
        ActionGoalRef ref = actionGoals.get(g.id);
        if (ref != null && ref.feedback()) {
            send(ref.client(), new JsonObject().put("op", "action_feedback").put("id", ref.id()).put("action", ref.action())
                    .put("values", feedback), ref.fragmentSize());
        } else if (moveBaseGoals.contains(g.id)) {
            publishTopic("/move_base/feedback", new JsonObject()
                    .put("status", new JsonObject().put("goal_id", new JsonObject().put("id", g.id)).put("status", 1))
                    .put("feedback", new JsonObject().put("base_position", feedback.getJsonObject("current_pose"))));
        }
    }

    private void endGoals() {
        for (SimRosRobot.Goal g : robot.takeEnded()) {
            ActionGoalRef ref = actionGoals.remove(g.id);
            if (ref != null) {
                JsonObject result = new JsonObject().put("op", "action_result").put("id", ref.id()).put("action", ref.action())
                        .put("values", new JsonObject()).put("status", g.end().status)
                        .put("result", g.end() == SimRosRobot.GoalEnd.SUCCEEDED);
                send(ref.client(), result, ref.fragmentSize());
            } else if (moveBaseGoals.remove(g.id)) {
                int status = switch (g.end()) {
                    case SUCCEEDED -> 3;
                    case CANCELED -> 2;
                    case ABORTED -> 4;
                };
                publishTopic("/move_base/result", moveBaseResult(g.id, status, robot.goalEndText(g)));
            }
        }
    }

    private static JsonObject moveBaseResult(String goalId, int status, String text) {
        return new JsonObject().put("header", SimRosRobot.header(System.currentTimeMillis() / 1000.0, ""))
                .put("status", new JsonObject().put("goal_id", new JsonObject().put("id", goalId)).put("status", status)
                        .put("text", text == null ? "" : text))
                .put("result", new JsonObject());
    }

    // ---- sending -----------------------------------------------------------------------------------------------

    private void publishTopic(String topic, JsonObject body) {
        long nowNanos = System.nanoTime();
        for (Client c : clients) {
            JsonObject sub = c.subscriptions.get(topic);
            if (sub == null) continue;
            int throttle = sub.getValue("throttle_rate") instanceof Number n ? n.intValue() : 0;
            Long last = c.lastSent.get(topic);
            if (throttle > 0 && last != null && nowNanos - last < throttle * 1_000_000L) continue;
            c.lastSent.put(topic, nowNanos);
            int fragmentSize = sub.getValue("fragment_size") instanceof Number n ? n.intValue() : 0;
            send(c, new JsonObject().put("op", "publish").put("topic", topic).put("msg", body), fragmentSize);
        }
    }

    private void status(Client c, String level, String id, String text) {
        JsonObject msg = new JsonObject().put("op", "status").put("level", level).put("msg", text);
        if (id != null) msg.put("id", id);
        send(c, msg, 0);
    }

    /** Sends one message, split into {@code fragment} messages when longer than {@code fragmentSize} (0: never). */
    private void send(Client c, JsonObject msg, int fragmentSize) {
        String text = msg.encode();
        if (fragmentSize <= 0 || text.length() <= fragmentSize) {
            c.socket.writeTextMessage(text);
            return;
        }
        String id = "fragment-" + (++fragmentIds);
        int total = (text.length() + fragmentSize - 1) / fragmentSize;
        for (int i = 0; i < total; i++) {
            String part = text.substring(i * fragmentSize, Math.min(text.length(), (i + 1) * fragmentSize));
            c.socket.writeTextMessage(new JsonObject().put("op", "fragment").put("id", id).put("data", part)
                    .put("num", i).put("total", total).encode());
        }
    }
}
