package dev.provingground.sim.robot;

import dev.provingground.profiles.HardwareProfile;
import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.ActionStatus;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.BatteryState;
import dev.provingground.vda5050.EStop;
import dev.provingground.vda5050.Edge;
import dev.provingground.vda5050.EdgeState;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.Info;
import dev.provingground.vda5050.InfoLevel;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Node;
import dev.provingground.vda5050.NodeState;
import dev.provingground.vda5050.OperatingMode;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.SafetyState;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.VdaError;
import dev.provingground.vda5050.Velocity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.provingground.vda5050.BlockingType;

/**
 * A simulated VDA 5050 vehicle: takes orders and instant actions, drives its released nodes in a straight line from
 * node to node with the acceleration, deceleration and speed cap of its hardware profile, drains and charges its
 * battery by the profile's energy model, and reports all of it as a {@link State}. Pure logic: time advances only
 * through {@link #advance(double)}, so tests drive it step by step and the MQTT client drives it on a timer.
 *
 * <p>Not thread-safe: one owner calls it (the fleet's timer).
 */
public final class SimRobot {

    /** A node counts as reached within this distance, metres. */
    static final double ARRIVAL_TOLERANCE = 0.05;
    /** errorType of the {@link #breakDown} fault. */
    public static final String BREAKDOWN = "driveUnitFailure";
    /** How long node actions the robot knows take, seconds. */
    static final Map<String, Double> ACTION_SECONDS = Map.of(
            "trayHandover", 4.0, "pick", 3.0, "drop", 3.0, "uvcLampOn", 1.0, "uvcLampOff", 1.0,
            "elevatorBoard", 3.0, "elevatorAlight", 3.0, "wait", 5.0);

    private final String manufacturer;
    private final String serialNumber;
    private final HardwareProfile profile;

    private String mapId;
    private double x;
    private double y;
    private double theta;
    private double speed;
    private double batteryWh;
    private boolean charging;
    /** Where the robot was when it started charging. */
    private double pluggedInX;
    private double pluggedInY;
    private static final double UNPLUGGED_AFTER_M = 0.5;
    private boolean paused;
    private OperatingMode operatingMode = OperatingMode.AUTOMATIC;
    private boolean uvcLampOn;

    private String orderId = "";
    private long orderUpdateId;
    private String lastNodeId = "";
    private long lastNodeSequenceId;
    private final List<Node> pendingNodes = new ArrayList<>();
    private final List<Edge> pendingEdges = new ArrayList<>();
    private final Map<String, RunningAction> actions = new LinkedHashMap<>();
    private final List<VdaError> errors = new ArrayList<>();
    private double distanceSinceLastNode;
    /** Fault mode: a point off the route the robot wrongly heads for before going on; null when behaving. */
    private double[] strayTarget;
    private double odometer;
    /** Something happened that VDA 5050 wants reported at once (order accepted, node reached, action changed). */
    private boolean reportDue;
    private LiftDoors lifts = LiftDoors.NONE;

    public SimRobot(String manufacturer, String serialNumber, HardwareProfile profile, String mapId, double x, double y,
                    double theta, double batteryPercent) {
        this.manufacturer = manufacturer;
        this.serialNumber = serialNumber;
        this.profile = profile;
        this.mapId = mapId;
        this.x = x;
        this.y = y;
        this.theta = theta;
        this.batteryWh = profile.service().batteryCapacityWh() * clamp(batteryPercent, 0, 100) / 100.0;
    }

    public String manufacturer() {
        return manufacturer;
    }

    /** The elevators this robot can step into. */
    public void useLifts(LiftDoors lifts) {
        this.lifts = lifts;
    }

    public String serialNumber() {
        return serialNumber;
    }

    public HardwareProfile profile() {
        return profile;
    }

    // ---- orders ----------------------------------------------------------------------------------------------

    /** Accepts a new order when idle, or an update of the current one; anything else is reported as an error. */
    public void accept(Order order) {
        reportDue = true;
        errors.removeIf(e -> e.errorType().startsWith("order"));
        if (!operatingMode.fleetInControl()) {
            orderError("orderError", "operatingMode " + operatingMode + ": the robot is being handled by a person");
            return;
        }
        boolean update = order.orderId().equals(orderId);
        if (update) {
            if (order.orderUpdateId() < orderUpdateId) {
                orderError("orderUpdateError", "orderUpdateId " + order.orderUpdateId() + " is older than "
                        + orderUpdateId);
                return;
            }
            if (order.orderUpdateId() == orderUpdateId) return; // a resend: VDA 5050 says ignore it
        } else if (!pendingNodes.isEmpty()) {
            orderError("orderError", "order " + orderId + " is still running; cancel it first");
            return;
        }
        for (Node n : order.nodes()) {
            if (n.nodePosition() == null) {
                orderError("validationError", "node " + n.nodeId() + " has no nodePosition");
                return;
            }
        }
        if (!update) {
            actions.values().removeIf(RunningAction::isDone);
        }
        orderId = order.orderId();
        orderUpdateId = order.orderUpdateId();
        pendingNodes.clear();
        pendingEdges.clear();
        for (Node n : order.nodes()) {
            if (update && n.sequenceId() <= lastNodeSequenceId) continue;
            pendingNodes.add(n);
            n.actions().forEach(a -> actions.put(a.actionId(), new RunningAction(a)));
        }
        for (Edge e : order.edges()) {
            if (update && e.sequenceId() < lastNodeSequenceId) continue;
            pendingEdges.add(e);
            e.actions().forEach(a -> actions.put(a.actionId(), new RunningAction(a)));
        }
        if (!update && !pendingNodes.isEmpty()) {
            Node first = pendingNodes.get(0);
            // The first node of a new order is where the robot stands; VDA 5050 counts it as reached on acceptance.
            if (first.nodePosition().mapId().equals(mapId) && distanceTo(first) <= 0.5) reach(first);
        }
    }

    private void orderError(String type, String description) {
        errors.add(new VdaError(type, List.of(), description, null, ErrorLevel.WARNING));
    }

    public void instantActions(InstantActions message) {
        reportDue = true;
        for (Action a : message.actions()) {
            RunningAction running = new RunningAction(a);
            actions.put(a.actionId(), running);
            running.status = ActionStatus.FINISHED;
            switch (a.actionType()) {
                case "startPause" -> paused = true;
                case "stopPause" -> paused = false;
                case "cancelOrder" -> cancelOrder();
                case "startCharging" -> {
                    if (speed > 0.01) fail(running, "cannot charge while driving");
                    else plugIn();
                }
                case "stopCharging" -> charging = false;
                case "stateRequest", "factsheetRequest" -> { }
                case "uvcLampOn" -> setLamp(running, true);
                case "uvcLampOff" -> setLamp(running, false);
                default -> fail(running, "action " + a.actionType() + " is not supported by this robot");
            }
        }
    }

    private void cancelOrder() {
        strayTarget = null;
        for (RunningAction r : actions.values())
            if (!r.isDone()) {
                r.status = ActionStatus.FAILED;
                r.result = "order canceled";
            }
        pendingNodes.clear();
        pendingEdges.clear();
    }

    private void setLamp(RunningAction running, boolean on) {
        if (profile.service().uvcIrradianceAt1mMicroWattPerCm2() == null) fail(running, "this robot has no UV-C lamp");
        else uvcLampOn = on;
    }

    private static void fail(RunningAction running, String why) {
        running.status = ActionStatus.FAILED;
        running.result = why;
    }

    // ---- time ------------------------------------------------------------------------------------------------

    /** Moves the simulation on by {@code dt} seconds. */
    public void advance(double dt) {
        if (dt <= 0) return;
        boolean moving = drive(dt);
        if (!isBrokenDown()) runActions(dt);
        updateBattery(dt, moving);
    }

    /**
     * Fault mode: the robot leaves its route, heading {@code metres} to the left of where it is going, then returns
     * to the route. What a localisation fault or a bad obstacle detour looks like; enforcement should catch it.
     */
    public void strayOnce(double metres) {
        Node target = nextDriveTarget();
        if (target == null) return;
        double heading = Math.atan2(target.nodePosition().y() - y, target.nodePosition().x() - x);
        strayTarget = new double[]{x + Math.cos(heading) * metres / 2 - Math.sin(heading) * metres,
                y + Math.sin(heading) * metres / 2 + Math.cos(heading) * metres};
    }

    /**
     * Fault mode: the robot reports a {@code FATAL} error and stands where it is, its order left unfinished, until
     * {@link #repair()}. What a failed drive unit or a lost localisation looks like to the fleet server.
     */
    public void breakDown(String description) {
        reportDue = true;
        errors.removeIf(e -> e.errorType().equals(BREAKDOWN));
        errors.add(VdaError.of(BREAKDOWN, ErrorLevel.FATAL, description));
    }

    /** Clears a {@link #breakDown}; the robot drives on with whatever order it then has. */
    public void repair() {
        reportDue = true;
        errors.removeIf(e -> e.errorType().equals(BREAKDOWN));
    }

    /**
     * Fault mode: a person takes the robot over through its HMI (VDA 5050 operatingMode MANUAL). Its order is cleared,
     * as VDA 5050 requires on entering MANUAL, and it takes no orders until {@link #handBack()}.
     */
    public void takeOverByHand() {
        reportDue = true;
        operatingMode = OperatingMode.MANUAL;
        cancelOrder();
        speed = 0;
    }

    /** Ends a {@link #takeOverByHand}: the fleet's orders drive the robot again (its order is cleared once more). */
    public void handBack() {
        reportDue = true;
        operatingMode = OperatingMode.AUTOMATIC;
        cancelOrder();
    }

    public boolean isBrokenDown() {
        return errors.stream().anyMatch(e -> e.errorType().equals(BREAKDOWN));
    }

    public boolean isStraying() {
        return strayTarget != null;
    }

    private boolean drive(double dt) {
        Node target = nextDriveTarget();
        if (strayTarget != null && target != null && !paused && batteryWh > 0 && !isBrokenDown()) return driveOffRoute(dt);
        double cap = speedCap();
        if (target == null || paused || batteryWh <= 0 || blockedByAction() || isBrokenDown()
                || !operatingMode.fleetInControl()) {
            speed = 0;
            return false;
        }
        double remaining = distanceTo(target);
        double brake = profile.factsheet().physicalParameters().decelerationMax();
        double stopDistance = speed * speed / (2 * brake);
        double toStop = distanceToStop();
        if (toStop <= stopDistance + 1e-9) speed = Math.max(0.05, speed - brake * dt);
        else speed = Math.min(cap, speed + profile.factsheet().physicalParameters().accelerationMax() * dt);
        double step = Math.min(speed * dt, remaining);
        if (remaining > 1e-9) {
            double dx = target.nodePosition().x() - x;
            double dy = target.nodePosition().y() - y;
            theta = Math.atan2(dy, dx);
            x += dx / remaining * step;
            y += dy / remaining * step;
        }
        odometer += step;
        distanceSinceLastNode += step;
        if (distanceTo(target) <= ARRIVAL_TOLERANCE) {
            x = target.nodePosition().x();
            y = target.nodePosition().y();
            reach(target);
            if (pendingNodes.isEmpty()) speed = 0;
        }
        return step > 0;
    }

    private boolean driveOffRoute(double dt) {
        double dx = strayTarget[0] - x;
        double dy = strayTarget[1] - y;
        double remaining = Math.hypot(dx, dy);
        speed = Math.min(speedCap(), speed + profile.factsheet().physicalParameters().accelerationMax() * dt);
        double step = Math.min(speed * dt, remaining);
        if (remaining > 1e-9) {
            theta = Math.atan2(dy, dx);
            x += dx / remaining * step;
            y += dy / remaining * step;
        }
        odometer += step;
        distanceSinceLastNode += step;
        if (remaining - step <= ARRIVAL_TOLERANCE) strayTarget = null;
        return step > 0;
    }

    /** The node driven to: the next pending node, if it and the edge to it are released. */
    private Node nextDriveTarget() {
        if (pendingNodes.isEmpty()) return null;
        Node next = pendingNodes.get(0);
        if (!next.released()) return null;
        if (!next.nodePosition().mapId().equals(mapId)) {
            // A level change (elevator ride) is not modelled here: the robot appears on the next level.
            mapId = next.nodePosition().mapId();
            x = next.nodePosition().x();
            y = next.nodePosition().y();
        }
        return next;
    }

    /** Distance to where the robot must stand still: the end of the released base. */
    private double distanceToStop() {
        double d = 0;
        double px = x;
        double py = y;
        for (Node n : pendingNodes) {
            if (!n.released()) break;
            d += Math.hypot(n.nodePosition().x() - px, n.nodePosition().y() - py);
            px = n.nodePosition().x();
            py = n.nodePosition().y();
            if (!n.actions().isEmpty()) break; // node actions are run standing
        }
        return d;
    }

    private double speedCap() {
        double cap = profile.speedCapMps();
        if (!pendingEdges.isEmpty() && pendingEdges.get(0).maxSpeed() != null)
            cap = Math.min(cap, pendingEdges.get(0).maxSpeed());
        return cap;
    }

    private void reach(Node node) {
        pendingNodes.remove(node);
        if (!pendingEdges.isEmpty() && pendingEdges.get(0).endNodeId().equals(node.nodeId())) pendingEdges.remove(0);
        lastNodeId = node.nodeId();
        lastNodeSequenceId = node.sequenceId();
        distanceSinceLastNode = 0;
        reportDue = true;
        for (Action a : node.actions()) {
            RunningAction r = actions.get(a.actionId());
            if (r != null && r.status == ActionStatus.WAITING) start(r);
        }
    }

    private void start(RunningAction r) {
        r.status = ActionStatus.RUNNING;
        r.remainingSeconds = ACTION_SECONDS.getOrDefault(r.action.actionType(), 1.0);
        switch (r.action.actionType()) {
            case "startCharging" -> plugIn();
            case "stopCharging" -> charging = false;
            case "uvcLampOn" -> setLamp(r, true);
            case "uvcLampOff" -> setLamp(r, false);
            case "elevatorBoard" -> {
                if (!lifts.board(parameter(r, "liftName"), mapId, liftIdentity(r)))
                    fail(r, "car " + parameter(r, "liftName") + " is not standing open at " + mapId);
            }
            case "elevatorAlight" -> {
                if (!lifts.alight(parameter(r, "liftName"), mapId, liftIdentity(r)))
                    fail(r, "cannot leave car " + parameter(r, "liftName") + " at " + mapId);
            }
            default -> { }
        }
        reportDue = true;
    }

    private static String parameter(RunningAction r, String key) {
        for (var p : r.action.actionParameters()) if (p.key().equals(key)) return String.valueOf(p.value());
        return "";
    }

    /** The name the lift knows the robot by: the fleet's id when the order gives it, else the serial number. */
    private String liftIdentity(RunningAction r) {
        String id = parameter(r, "robotId");
        return id.isEmpty() ? serialNumber : id;
    }

    private boolean blockedByAction() {
        for (RunningAction r : actions.values())
            if (r.status == ActionStatus.RUNNING && r.action.blockingType() != BlockingType.NONE)
                return true;
        return false;
    }

    private void runActions(double dt) {
        for (RunningAction r : actions.values()) {
            if (r.status != ActionStatus.RUNNING) continue;
            r.remainingSeconds -= dt;
            if (r.remainingSeconds <= 0) {
                r.status = ActionStatus.FINISHED;
                reportDue = true;
            }
        }
    }

    private void plugIn() {
        charging = true;
        pluggedInX = x;
        pluggedInY = y;
    }

    private void updateBattery(double dt, boolean moving) {
        var service = profile.service();
        // A robot that drives away from where it plugged in is unplugged: it charges again only when told to.
        if (charging && Math.hypot(x - pluggedInX, y - pluggedInY) > UNPLUGGED_AFTER_M) charging = false;
        if (charging && !moving) {
            batteryWh = Math.min(service.batteryCapacityWh(), batteryWh + service.chargePowerW() * dt / 3600.0);
        } else {
            batteryWh = Math.max(0, batteryWh - profile.energyWh(moving ? dt : 0, moving ? 0 : dt));
        }
    }

    // ---- reporting -------------------------------------------------------------------------------------------

    /** True once after something happened that should be reported without waiting for the periodic state. */
    public boolean takeReportDue() {
        boolean due = reportDue;
        reportDue = false;
        return due;
    }

    /** The robot's state now, header left empty for the sender to stamp. */
    public State state() {
        List<NodeState> nodeStates = pendingNodes.stream()
                .map(n -> new NodeState(n.nodeId(), n.sequenceId(), n.nodeDescription(), n.released(), n.nodePosition()))
                .toList();
        List<EdgeState> edgeStates = pendingEdges.stream()
                .map(e -> new EdgeState(e.edgeId(), e.sequenceId(), e.edgeDescription(), e.released(), e.trajectory()))
                .toList();
        double percent = batteryPercent();
        List<VdaError> allErrors = new ArrayList<>(errors);
        if (batteryWh <= 0) allErrors.add(new VdaError("batteryEmpty", List.of(), "battery empty", null, ErrorLevel.FATAL));
        // VDA 5050 has no field for a UV-C lamp: it is reported as information of type uvcLamp (docs/SERVICE-ROBOTS.md).
        List<Info> information = profile.service().uvcIrradianceAt1mMicroWattPerCm2() == null ? List.of()
                : List.of(new Info("uvcLamp", List.of(), uvcLampOn ? "on" : "off", InfoLevel.INFO));
        return new State(0, null, null, manufacturer, serialNumber, List.of(), orderId, orderUpdateId, null, lastNodeId,
                lastNodeSequenceId, speed > 0.001, paused, false, distanceSinceLastNode, operatingMode,
                nodeStates, edgeStates, agvPosition(), velocity(), List.of(),
                actions.values().stream().map(RunningAction::state).toList(),
                new BatteryState(percent, null, null, charging, null), allErrors, information,
                new SafetyState(EStop.NONE, false));
    }

    public AgvPosition agvPosition() {
        return new AgvPosition(x, y, theta, mapId, null, true, null, null);
    }

    public Velocity velocity() {
        return Velocity.of(speed * Math.cos(theta), speed * Math.sin(theta), 0);
    }

    public double batteryPercent() {
        return 100.0 * batteryWh / profile.service().batteryCapacityWh();
    }

    public boolean isIdle() {
        return pendingNodes.isEmpty();
    }

    public boolean isPaused() {
        return paused;
    }

    public boolean isCharging() {
        return charging;
    }

    public boolean isUvcLampOn() {
        return uvcLampOn;
    }

    public double odometerMetres() {
        return odometer;
    }

    public String mapId() {
        return mapId;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public double speed() {
        return speed;
    }

    private double distanceTo(Node n) {
        return Math.hypot(n.nodePosition().x() - x, n.nodePosition().y() - y);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
