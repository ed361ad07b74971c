package dev.provingground.agent.order;

import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.ActionState;
import dev.provingground.vda5050.ActionStatus;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.BlockingType;
import dev.provingground.vda5050.Edge;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Node;
import dev.provingground.vda5050.NodePosition;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.VdaError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OrderExecutionTest {

    static final AgvPosition AT_ORIGIN = AgvPosition.of(0, 0, 0, "L1");

    static OrderExecution execution(boolean throughPoses) {
        return new OrderExecution(new OrderExecution.Settings(Set.of("trayHandover"), throughPoses, 0.5));
    }

    /** Nodes n0..n(k-1) at x = 0, 5, 10 … on L1, all released; actions by node index. */
    static Order order(String id, long updateId, int first, int count, int released, Action... actionsOnLast) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            boolean isReleased = i < first + released;
            List<Action> actions = i == first + count - 1 ? List.of(actionsOnLast) : List.of();
            nodes.add(Node.of("n" + i, 2L * i, isReleased, NodePosition.of(5.0 * i, 0, "L1"), actions));
            if (i > first) edges.add(Edge.of("e" + i, 2L * i - 1, isReleased, "n" + (i - 1), "n" + i, List.of()));
        }
        return Order.create(id, updateId, nodes, edges);
    }

    static InstantActions instant(String type, String id) {
        return InstantActions.create(List.of(Action.instant(type, id, BlockingType.HARD, List.of())));
    }

    static Command.SendGoal onlyGoal(List<Command> commands) {
        List<Command.SendGoal> goals = commands.stream().filter(c -> c instanceof Command.SendGoal)
                .map(c -> (Command.SendGoal) c).toList();
        assertThat(goals).hasSize(1);
        return goals.get(0);
    }

    static ActionState action(OrderExecution e, String id) {
        return e.progress().actionStates().stream().filter(a -> a.actionId().equals(id)).findFirst().orElseThrow();
    }

    static List<String> errorTypes(OrderExecution e) {
        return e.progress().errors().stream().map(VdaError::errorType).toList();
    }

    @Test
    void theFirstNodeIsReachedOnAcceptanceAndEachReleasedNodeBecomesAGoal() {
        OrderExecution e = execution(false);
        Command.SendGoal g = onlyGoal(e.order(order("o1", 0, 0, 3, 3), AT_ORIGIN, null));
        assertThat(e.progress().lastNodeId()).isEqualTo("n0");
        assertThat(g.poses()).extracting(NodePosition::x).containsExactly(5.0);

        Command.SendGoal next = onlyGoal(e.navigationEnded(g.goal(), NavigationOutcome.SUCCEEDED, null));
        assertThat(e.progress().lastNodeId()).isEqualTo("n1");
        assertThat(e.progress().nodeStates()).extracting(n -> n.nodeId()).containsExactly("n2");
        assertThat(e.progress().edgeStates()).extracting(x -> x.edgeId()).containsExactly("e2");
        assertThat(next.poses()).extracting(NodePosition::x).containsExactly(10.0);

        assertThat(e.navigationEnded(next.goal(), NavigationOutcome.SUCCEEDED, null)).isEmpty();
        assertThat(e.progress().lastNodeSequenceId()).isEqualTo(4);
        assertThat(e.progress().nodeStates()).isEmpty();
        assertThat(e.progress().edgeStates()).isEmpty();
    }

    @Test
    void aRunOfNodesWithoutActionsIsOneGoalThroughPosesAndFeedbackReachesTheNodesOnTheWay() {
        OrderExecution e = execution(true);
        Action handover = Action.of("trayHandover", "a1", BlockingType.HARD, List.of());
        Command.SendGoal g = onlyGoal(e.order(order("o1", 0, 0, 4, 4, handover), AT_ORIGIN, null));
        assertThat(g.poses()).extracting(NodePosition::x).containsExactly(5.0, 10.0, 15.0);

        e.navigationProgress(g.goal(), 2);
        assertThat(e.progress().lastNodeId()).isEqualTo("n1");
        e.navigationProgress(g.goal(), 0);
        assertThat(e.progress().lastNodeId()).as("the last node only on success").isEqualTo("n2");

        List<Command> arrived = e.navigationEnded(g.goal(), NavigationOutcome.SUCCEEDED, null);
        assertThat(arrived).containsExactly(new Command.StartAction(handover));
        assertThat(e.progress().lastNodeId()).isEqualTo("n3");
        assertThat(action(e, "a1").actionStatus()).isEqualTo(ActionStatus.RUNNING);
    }

    @Test
    void aHardNodeActionHoldsTheRobotUntilItEnds() {
        OrderExecution e = execution(false);
        Action handover = Action.of("trayHandover", "a1", BlockingType.HARD, List.of());
        Order o = order("o1", 0, 0, 2, 2, handover);
        // Node n1 with the action, then n2 after it: add one more node by an update later.
        Command.SendGoal g = onlyGoal(e.order(o, AT_ORIGIN, null));
        assertThat(e.navigationEnded(g.goal(), NavigationOutcome.SUCCEEDED, null)).containsExactly(new Command.StartAction(handover));
        List<Command> update = e.order(order("o1", 1, 1, 2, 2), AT_ORIGIN, null);
        assertThat(update).as("no goal while the HARD action runs").isEmpty();
        Command.SendGoal after = onlyGoal(e.actionEnded("a1", true, null));
        assertThat(after.poses()).extracting(NodePosition::x).containsExactly(10.0);
        assertThat(action(e, "a1").actionStatus()).isEqualTo(ActionStatus.FINISHED);
    }

    @Test
    void anActionTheRobotIsNotConfiguredForFailsWithAVdaError() {
        OrderExecution e = execution(false);
        Action lamp = Action.of("uvcLampOn", "a9", BlockingType.NONE, List.of());
        Command.SendGoal g = onlyGoal(e.order(order("o1", 0, 0, 2, 2, lamp), AT_ORIGIN, null));
        assertThat(e.navigationEnded(g.goal(), NavigationOutcome.SUCCEEDED, null)).isEmpty();
        assertThat(action(e, "a9").actionStatus()).isEqualTo(ActionStatus.FAILED);
        assertThat(errorTypes(e)).containsExactly("actionNotSupported");
        assertThat(e.progress().errors().get(0).errorReferences()).extracting(r -> r.referenceValue()).contains("a9", "uvcLampOn");
    }

    @Test
    void anOrderUpdateExtendsTheBaseAtItsLastReleasedNodeAndReplacesTheHorizon() {
        OrderExecution e = execution(false);
        Command.SendGoal g = onlyGoal(e.order(order("o1", 0, 0, 4, 2), AT_ORIGIN, null));
        assertThat(e.progress().nodeStates()).extracting(n -> n.nodeId() + (n.released() ? "" : "?"))
                .containsExactly("n1", "n2?", "n3?");
        assertThat(e.navigationEnded(g.goal(), NavigationOutcome.SUCCEEDED, null)).as("the base ends at n1").isEmpty();

        Command.SendGoal extended = onlyGoal(e.order(order("o1", 1, 1, 3, 3), AT_ORIGIN, null));
        assertThat(extended.poses()).extracting(NodePosition::x).containsExactly(10.0);
        assertThat(e.progress().orderUpdateId()).isEqualTo(1);
        assertThat(e.progress().nodeStates()).extracting(n -> n.nodeId()).containsExactly("n2", "n3");
    }

    @Test
    void anOlderUpdateIsRefusedAndARepeatedOneIgnored() {
        OrderExecution e = execution(false);
        e.order(order("o1", 3, 0, 3, 3), AT_ORIGIN, null);
        assertThat(e.order(order("o1", 3, 0, 3, 3), AT_ORIGIN, null)).isEmpty();
        assertThat(errorTypes(e)).isEmpty();
        e.order(order("o1", 2, 0, 3, 3), AT_ORIGIN, null);
        assertThat(errorTypes(e)).containsExactly("orderUpdateError");
    }

    @Test
    void anUpdateThatDoesNotStartAtTheEndOfTheBaseIsRefused() {
        OrderExecution e = execution(false);
        e.order(order("o1", 0, 0, 3, 2), AT_ORIGIN, null);
        assertThat(e.order(order("o1", 1, 2, 2, 2), AT_ORIGIN, null)).isEmpty();
        assertThat(errorTypes(e)).containsExactly("orderUpdateError");
        assertThat(e.progress().orderUpdateId()).isZero();
    }

    @Test
    void aNewOrderWhileOneRunsIsRefused() {
        OrderExecution e = execution(false);
        e.order(order("o1", 0, 0, 3, 3), AT_ORIGIN, null);
        assertThat(e.order(order("o2", 0, 0, 3, 3), AT_ORIGIN, null)).isEmpty();
        assertThat(e.progress().orderId()).isEqualTo("o1");
        assertThat(errorTypes(e)).containsExactly("orderError");
    }

    @Test
    void aRobotInManualModeTakesNoOrder() {
        OrderExecution e = execution(false);
        assertThat(e.order(order("o1", 0, 0, 3, 3), AT_ORIGIN, "operatingMode MANUAL")).isEmpty();
        assertThat(e.progress().orderId()).isEmpty();
        assertThat(errorTypes(e)).containsExactly("orderError");
    }

    @Test
    void pauseCancelsTheGoalAndHoldsAndResumeSendsTheSamePosesAgain() {
        OrderExecution e = execution(false);
        Command.SendGoal g = onlyGoal(e.order(order("o1", 0, 0, 2, 2), AT_ORIGIN, null));
        assertThat(e.instantActions(instant("startPause", "p1"))).containsExactly(new Command.CancelGoal(g.goal()));
        assertThat(e.progress().paused()).isTrue();
        assertThat(e.navigationEnded(g.goal(), NavigationOutcome.CANCELED, null)).isEmpty();
        assertThat(errorTypes(e)).as("a pause is no failure").isEmpty();

        Command.SendGoal again = onlyGoal(e.instantActions(instant("stopPause", "p2")));
        assertThat(again.goal()).isNotEqualTo(g.goal());
        assertThat(again.poses()).isEqualTo(g.poses());
        assertThat(e.progress().paused()).isFalse();
        assertThat(action(e, "p1").actionStatus()).isEqualTo(ActionStatus.FINISHED);
    }

    @Test
    void cancelOrderStopsTheRobotAndFinishesOnceTheGoalHasEnded() {
        OrderExecution e = execution(false);
        Action handover = Action.of("trayHandover", "a1", BlockingType.HARD, List.of());
        Command.SendGoal g = onlyGoal(e.order(order("o1", 0, 0, 3, 3, handover), AT_ORIGIN, null));
        assertThat(e.instantActions(instant("cancelOrder", "c1"))).containsExactly(new Command.CancelGoal(g.goal()));
        assertThat(action(e, "c1").actionStatus()).isEqualTo(ActionStatus.RUNNING);
        assertThat(action(e, "a1").actionStatus()).isEqualTo(ActionStatus.FAILED);
        assertThat(e.progress().nodeStates()).isEmpty();
        e.navigationEnded(g.goal(), NavigationOutcome.CANCELED, null);
        assertThat(action(e, "c1").actionStatus()).isEqualTo(ActionStatus.FINISHED);
        assertThat(errorTypes(e)).isEmpty();
        assertThat(onlyGoal(e.order(order("o2", 0, 0, 2, 2), AT_ORIGIN, null)).poses()).hasSize(1);
    }

    @Test
    void cancelOrderWithoutAnOrderFailsWithNoOrderToCancel() {
        OrderExecution e = execution(false);
        e.instantActions(instant("cancelOrder", "c1"));
        assertThat(action(e, "c1").actionStatus()).isEqualTo(ActionStatus.FAILED);
        assertThat(errorTypes(e)).containsExactly("noOrderToCancel");
    }

    @Test
    void aFailedGoalIsAFatalErrorAndTheOrderWaitsUntilCanceled() {
        OrderExecution e = execution(false);
        Command.SendGoal g = onlyGoal(e.order(order("o1", 0, 0, 3, 3), AT_ORIGIN, null));
        assertThat(e.navigationEnded(g.goal(), NavigationOutcome.FAILED, "goal rejected")).isEmpty();
        VdaError error = e.progress().errors().get(0);
        assertThat(error.errorType()).isEqualTo("navigationFailed");
        assertThat(error.errorLevel()).isEqualTo(ErrorLevel.FATAL);
        assertThat(error.errorDescription()).contains("n1", "goal rejected");
        assertThat(e.progress().nodeStates()).hasSize(2);
        e.instantActions(instant("cancelOrder", "c1"));
        assertThat(errorTypes(e)).isEmpty();
        assertThat(action(e, "c1").actionStatus()).isEqualTo(ActionStatus.FINISHED);
    }

    @Test
    void aGoalLostWithTheRosbridgeLinkIsSentAgainWhenTheLinkIsBack() {
        OrderExecution e = execution(false);
        Command.SendGoal g = onlyGoal(e.order(order("o1", 0, 0, 2, 2), AT_ORIGIN, null));
        e.linkLost();
        assertThat(e.navigationEnded(g.goal(), NavigationOutcome.LINK_LOST, null)).isEmpty();
        assertThat(errorTypes(e)).isEmpty();
        assertThat(onlyGoal(e.linkRestored()).poses()).isEqualTo(g.poses());
    }

    @Test
    void stateAndFactsheetRequestsAskForAnImmediateMessage() {
        OrderExecution e = execution(false);
        assertThat(e.instantActions(instant("stateRequest", "s1"))).containsExactly(new Command.PublishState());
        assertThat(e.instantActions(instant("factsheetRequest", "f1"))).containsExactly(new Command.PublishFactsheet());
        assertThat(action(e, "s1").actionStatus()).isEqualTo(ActionStatus.FINISHED);
    }

    @Test
    void anUnknownInstantActionFailsAndAConfiguredOneIsStarted() {
        OrderExecution e = execution(false);
        e.instantActions(instant("selfDestruct", "x1"));
        assertThat(action(e, "x1").actionStatus()).isEqualTo(ActionStatus.FAILED);
        assertThat(errorTypes(e)).containsExactly("actionNotSupported");
        Action handover = Action.instant("trayHandover", "t1", BlockingType.HARD, List.of());
        assertThat(e.instantActions(InstantActions.create(List.of(handover)))).containsExactly(new Command.StartAction(handover));
    }

    @Test
    void aRobotFarFromTheFirstNodeDrivesToItFirst() {
        OrderExecution e = execution(false);
        Command.SendGoal g = onlyGoal(e.order(order("o1", 0, 0, 2, 2), AgvPosition.of(-3, 0, 0, "L1"), null));
        assertThat(g.poses()).extracting(NodePosition::x).containsExactly(0.0);
        assertThat(e.progress().lastNodeId()).isEmpty();
    }
}
