package dev.provingground.agent.order;

import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.ActionState;
import dev.provingground.vda5050.ActionStatus;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.BlockingType;
import dev.provingground.vda5050.Edge;
import dev.provingground.vda5050.EdgeState;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.ErrorReference;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Node;
import dev.provingground.vda5050.NodePosition;
import dev.provingground.vda5050.NodeState;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.VdaError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs VDA 5050 orders and instant actions on a robot that only knows navigation goals: VDA 5050 in, navigation goals
 * and action starts out, VDA 5050 order state back. Pure: no I/O, no clock, no threads — the agent feeds it what the
 * fleet and the robot say and carries out the {@link Command}s it returns.
 *
 * <p>Released nodes become goals, one per node, or (with {@code throughPoses}) one per run of nodes up to the next
 * node with actions or the next change of map. Order updates extend the base at its last released node. Node and edge
 * actions of a type the robot is configured for are started when their node is reached (edge actions when the goal
 * over the edge is sent); others fail with an {@code actionNotSupported} error, as VDA 5050 asks. {@code startPause}
 * cancels the running goal and holds; {@code stopPause} sends it again. A goal lost with the rosbridge link is sent
 * again when the link is back.
 *
 * <p>Not thread-safe: the agent calls it from its one context.
 */
public final class OrderExecution {

    /**
     * @param supportedActions   action types the robot is configured to run (node, edge or instant)
     * @param throughPoses       drive a run of action-free nodes as one goal (Nav2 NavigateThroughPoses)
     * @param firstNodeTolerance a new order's first node counts as reached when the robot is this close (metres)
     */
    public record Settings(Set<String> supportedActions, boolean throughPoses, double firstNodeTolerance) {
        public Settings {
            supportedActions = Set.copyOf(supportedActions);
        }
    }

    private enum GoalState { ACTIVE, CANCELING_TO_PAUSE, CANCELING_ORDER }

    private static final class ActiveGoal {
        final long id;
        final List<Node> nodes;
        GoalState state = GoalState.ACTIVE;

        ActiveGoal(long id, List<Node> nodes) {
            this.id = id;
            this.nodes = nodes;
        }
    }

    private static final class RunningAction {
        final Action action;
        final boolean instant;
        ActionStatus status = ActionStatus.WAITING;
        String result;

        RunningAction(Action action, boolean instant) {
            this.action = action;
            this.instant = instant;
        }

        boolean done() {
            return status == ActionStatus.FINISHED || status == ActionStatus.FAILED;
        }

        ActionState state() {
            return new ActionState(action.actionId(), action.actionType(), action.actionDescription(), status, result);
        }
    }

    private final Settings settings;
    private String orderId = "";
    private long orderUpdateId;
    private String lastNodeId = "";
    private long lastNodeSequenceId;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<String, RunningAction> actions = new LinkedHashMap<>();
    private final List<VdaError> errors = new ArrayList<>();
    private boolean paused;
    /** A navigation goal failed: the order waits for the fleet to cancel it or send a new one. */
    private boolean stuck;
    /** The goal was lost with the rosbridge link: send it again once the link is back. */
    private boolean linkDown;
    private ActiveGoal goal;
    private long nextGoalId = 1;
    /** The cancelOrder instant action waiting for the robot to stop. */
    private RunningAction pendingCancel;

    public OrderExecution(Settings settings) {
        this.settings = settings;
    }

    // ---- from the fleet ----------------------------------------------------------------------------------------

    /**
     * A new order or an update of the current one.
     *
     * @param position          where the robot is (level frame), or null when it does not know
     * @param refusal           why the robot takes no order now (e.g. a person has it in MANUAL), or null
     */
    public List<Command> order(Order order, AgvPosition position, String refusal) {
        List<Command> out = new ArrayList<>();
        if (refusal != null) {
            orderError("orderError", order, refusal);
            return out;
        }
        if (order.nodes().isEmpty()) {
            orderError("validationError", order, "an order needs at least one node");
            return out;
        }
        for (Node n : order.nodes()) {
            if (n.released() && n.nodePosition() == null) {
                orderError("validationError", order, "node " + n.nodeId() + " has no nodePosition");
                return out;
            }
        }
        if (order.orderId().equals(orderId)) {
            update(order, out);
        } else {
            if (isActive()) {
                orderError("orderError", order, "order " + orderId + " is still running; cancel it first");
                return out;
            }
            start(order, position, out);
        }
        advance(out);
        return out;
    }

    private void start(Order order, AgvPosition position, List<Command> out) {
        clearOrderErrors();
        stuck = false;
        actions.values().removeIf(RunningAction::done);
        orderId = order.orderId();
        orderUpdateId = order.orderUpdateId();
        nodes.clear();
        edges.clear();
        nodes.addAll(order.nodes());
        edges.addAll(order.edges());
        addActions(order.nodes(), order.edges());
        Node first = nodes.get(0);
        if (first.released() && standsAt(first, position)) reach(first, out);
    }

    private void update(Order order, List<Command> out) {
        if (order.orderUpdateId() < orderUpdateId) {
            orderError("orderUpdateError", order, "orderUpdateId " + order.orderUpdateId() + " is older than "
                    + orderUpdateId);
            return;
        }
        if (order.orderUpdateId() == orderUpdateId) return; // a resend: VDA 5050 says ignore it
        long baseEnd = baseEndSequenceId();
        Node stitch = order.nodes().get(0);
        if (stitch.sequenceId() != baseEnd) {
            orderError("orderUpdateError", order, "the update starts at node " + stitch.nodeId() + " (sequenceId "
                    + stitch.sequenceId() + "), not at the end of the base (sequenceId " + baseEnd + ")");
            return;
        }
        clearOrderErrors();
        orderUpdateId = order.orderUpdateId();
        // The old horizon is replaced by the update; the released base stays.
        nodes.removeIf(n -> !n.released());
        edges.removeIf(e -> !e.released());
        List<Node> newNodes = order.nodes().stream().filter(n -> n.sequenceId() > baseEnd).toList();
        List<Edge> newEdges = order.edges().stream().filter(e -> e.sequenceId() > baseEnd).toList();
        nodes.addAll(newNodes);
        edges.addAll(newEdges);
        addActions(newNodes, newEdges);
    }

    /** The sequenceId of the last released node: the stitching node of the next update. */
    private long baseEndSequenceId() {
        long end = lastNodeSequenceId;
        for (Node n : nodes) if (n.released()) end = Math.max(end, n.sequenceId());
        return end;
    }

    private void addActions(List<Node> newNodes, List<Edge> newEdges) {
        newNodes.forEach(n -> n.actions().forEach(a -> actions.put(a.actionId(), new RunningAction(a, false))));
        newEdges.forEach(e -> e.actions().forEach(a -> actions.put(a.actionId(), new RunningAction(a, false))));
    }

    private boolean standsAt(Node node, AgvPosition position) {
        if (position == null) return true; // a robot that does not know where it is cannot argue
        NodePosition p = node.nodePosition();
        if (!p.mapId().equals(position.mapId())) return false;
        double tolerance = Math.max(settings.firstNodeTolerance(),
                p.allowedDeviationXY() == null ? 0 : p.allowedDeviationXY());
        return Math.hypot(p.x() - position.x(), p.y() - position.y()) <= tolerance;
    }

    public List<Command> instantActions(InstantActions message) {
        List<Command> out = new ArrayList<>();
        for (Action a : message.actions()) {
            RunningAction r = new RunningAction(a, true);
            actions.put(a.actionId(), r);
            switch (a.actionType()) {
                case "startPause" -> {
                    paused = true;
                    if (goal != null && goal.state == GoalState.ACTIVE) {
                        goal.state = GoalState.CANCELING_TO_PAUSE;
                        out.add(new Command.CancelGoal(goal.id));
                    }
                    r.status = ActionStatus.FINISHED;
                }
                case "stopPause" -> {
                    paused = false;
                    r.status = ActionStatus.FINISHED;
                }
                case "cancelOrder" -> cancelOrder(r, out);
                case "stateRequest" -> {
                    r.status = ActionStatus.FINISHED;
                    out.add(new Command.PublishState());
                }
                case "factsheetRequest" -> {
                    r.status = ActionStatus.FINISHED;
                    out.add(new Command.PublishFactsheet());
                }
                default -> start(r, out);
            }
        }
        advance(out);
        return out;
    }

    private void cancelOrder(RunningAction r, List<Command> out) {
        if (!isActive()) {
            r.status = ActionStatus.FAILED;
            r.result = "no order to cancel";
            errors.add(new VdaError("noOrderToCancel", List.of(new ErrorReference("actionId", r.action.actionId())),
                    "cancelOrder with no order running", null, ErrorLevel.WARNING));
            return;
        }
        for (RunningAction other : actions.values()) {
            if (!other.instant && !other.done()) {
                other.status = ActionStatus.FAILED;
                other.result = "order canceled";
            }
        }
        nodes.clear();
        edges.clear();
        stuck = false;
        errors.removeIf(e -> e.errorType().equals("navigationFailed"));
        if (goal != null) {
            // cancelOrder is done once the robot stands: when the goal's end comes back.
            if (goal.state != GoalState.CANCELING_TO_PAUSE) out.add(new Command.CancelGoal(goal.id));
            goal.state = GoalState.CANCELING_ORDER;
            r.status = ActionStatus.RUNNING;
            pendingCancel = r;
        } else {
            r.status = ActionStatus.FINISHED;
        }
    }

    // ---- from the robot ----------------------------------------------------------------------------------------

    /** The navigation goal {@code goalId} ended. */
    public List<Command> navigationEnded(long goalId, NavigationOutcome outcome, String detail) {
        List<Command> out = new ArrayList<>();
        if (goal == null || goal.id != goalId) return out; // a goal already given up on
        ActiveGoal ended = goal;
        goal = null;
        if (ended.state == GoalState.CANCELING_ORDER) {
            if (pendingCancel != null) {
                pendingCancel.status = ActionStatus.FINISHED;
                pendingCancel = null;
            }
        } else if (outcome == NavigationOutcome.SUCCEEDED) {
            for (Node n : ended.nodes) if (nodes.contains(n)) reach(n, out);
        } else if (outcome == NavigationOutcome.LINK_LOST) {
            linkDown = true; // sent again by linkRestored
        } else if (ended.state == GoalState.CANCELING_TO_PAUSE && outcome == NavigationOutcome.CANCELED) {
            // held as asked; stopPause sends the goal again
        } else {
            stuck = true;
            Node target = ended.nodes.get(ended.nodes.size() - 1);
            errors.add(new VdaError("navigationFailed", List.of(new ErrorReference("orderId", orderId),
                    new ErrorReference("nodeId", target.nodeId())),
                    "navigation to node " + target.nodeId() + " " + (outcome == NavigationOutcome.CANCELED
                            ? "was canceled on the robot" : "failed") + (detail == null ? "" : ": " + detail),
                    "cancel the order, help the robot and send a new one", ErrorLevel.FATAL));
        }
        advance(out);
        return out;
    }

    /** Feedback of a goal over several poses: nodes before the remaining ones are reached. */
    public List<Command> navigationProgress(long goalId, int posesRemaining) {
        List<Command> out = new ArrayList<>();
        if (goal == null || goal.id != goalId || goal.state != GoalState.ACTIVE) return out;
        int reached = goal.nodes.size() - posesRemaining;
        // The last node is reached only when the goal succeeds: the robot must also stand there.
        for (int i = 0; i < Math.min(reached, goal.nodes.size() - 1); i++) {
            Node n = goal.nodes.get(i);
            if (nodes.contains(n)) reach(n, out);
        }
        return out;
    }

    /** A node, edge or instant action the agent started has ended. */
    public List<Command> actionEnded(String actionId, boolean succeeded, String detail) {
        List<Command> out = new ArrayList<>();
        RunningAction r = actions.get(actionId);
        if (r == null || r.done()) return out;
        r.status = succeeded ? ActionStatus.FINISHED : ActionStatus.FAILED;
        r.result = detail;
        if (!succeeded) {
            errors.add(new VdaError("actionFailed", List.of(new ErrorReference("actionId", actionId),
                    new ErrorReference("actionType", r.action.actionType())),
                    r.action.actionType() + " failed" + (detail == null ? "" : ": " + detail), null, ErrorLevel.WARNING));
        }
        advance(out);
        return out;
    }

    /** The rosbridge link is back: a goal it took down is sent again. */
    public List<Command> linkRestored() {
        List<Command> out = new ArrayList<>();
        linkDown = false;
        advance(out);
        return out;
    }

    /** The rosbridge link dropped: goals can be neither sent nor canceled until it is back. */
    public void linkLost() {
        linkDown = true;
    }

    // ---- driving -----------------------------------------------------------------------------------------------

    private void advance(List<Command> out) {
        if (paused || stuck || linkDown || goal != null || nodes.isEmpty() || blockedByActions()) return;
        List<Node> run = new ArrayList<>();
        String map = null;
        for (Node n : nodes) {
            if (!n.released()) break;
            if (map != null && !map.equals(n.nodePosition().mapId())) break;
            map = n.nodePosition().mapId();
            run.add(n);
            if (!n.actions().isEmpty() || !settings.throughPoses()) break;
        }
        if (run.isEmpty()) return; // the base is done; the horizon waits for an update
        goal = new ActiveGoal(nextGoalId++, List.copyOf(run));
        for (Edge e : edges) {
            if (e.released() && run.stream().anyMatch(n -> n.nodeId().equals(e.endNodeId())))
                e.actions().forEach(a -> {
                    RunningAction r = actions.get(a.actionId());
                    if (r != null && r.status == ActionStatus.WAITING) start(r, out);
                });
        }
        out.add(new Command.SendGoal(goal.id, run.stream().map(Node::nodePosition).toList()));
    }

    private void reach(Node node, List<Command> out) {
        int at = nodes.indexOf(node);
        if (at < 0) return;
        nodes.subList(0, at + 1).clear();
        edges.removeIf(e -> e.sequenceId() < node.sequenceId());
        lastNodeId = node.nodeId();
        lastNodeSequenceId = node.sequenceId();
        for (Action a : node.actions()) {
            RunningAction r = actions.get(a.actionId());
            if (r != null && r.status == ActionStatus.WAITING) start(r, out);
        }
    }

    private void start(RunningAction r, List<Command> out) {
        if (!settings.supportedActions().contains(r.action.actionType())) {
            r.status = ActionStatus.FAILED;
            r.result = "action " + r.action.actionType() + " is not supported by this robot";
            errors.add(new VdaError("actionNotSupported", List.of(new ErrorReference("actionId", r.action.actionId()),
                    new ErrorReference("actionType", r.action.actionType())),
                    r.result, "configure a ROS service or action for it in the agent's actions", ErrorLevel.WARNING));
            return;
        }
        r.status = ActionStatus.RUNNING;
        out.add(new Command.StartAction(r.action));
    }

    /** A running HARD or SOFT action keeps the robot standing (VDA 5050 blockingType). */
    private boolean blockedByActions() {
        for (RunningAction r : actions.values())
            if (r.status == ActionStatus.RUNNING && r.action.blockingType() != BlockingType.NONE) return true;
        return false;
    }

    private boolean isActive() {
        return !nodes.isEmpty() || goal != null;
    }

    private void orderError(String type, Order order, String why) {
        errors.removeIf(e -> e.errorType().equals(type));
        errors.add(new VdaError(type, List.of(new ErrorReference("orderId", order.orderId()),
                new ErrorReference("orderUpdateId", Long.toString(order.orderUpdateId()))), why, null,
                ErrorLevel.WARNING));
    }

    private void clearOrderErrors() {
        errors.removeIf(e -> switch (e.errorType()) {
            case "orderError", "orderUpdateError", "validationError", "noOrderToCancel", "actionNotSupported",
                 "actionFailed", "navigationFailed" -> true;
            default -> false;
        });
    }

    // ---- reporting ---------------------------------------------------------------------------------------------

    public OrderProgress progress() {
        List<NodeState> nodeStates = nodes.stream().map(n -> new NodeState(n.nodeId(), n.sequenceId(),
                n.nodeDescription(), n.released(), n.nodePosition())).toList();
        List<EdgeState> edgeStates = edges.stream().map(e -> new EdgeState(e.edgeId(), e.sequenceId(),
                e.edgeDescription(), e.released(), e.trajectory())).toList();
        List<ActionState> actionStates = actions.values().stream().map(RunningAction::state).toList();
        return new OrderProgress(orderId, orderUpdateId, lastNodeId, lastNodeSequenceId, nodeStates, edgeStates,
                actionStates, List.copyOf(errors), paused, goal != null && goal.state == GoalState.ACTIVE);
    }

    /** The goal being driven, or -1: for the agent to match feedback and results. */
    public long activeGoal() {
        return goal == null ? -1 : goal.id;
    }

    public boolean isPaused() {
        return paused;
    }
}
