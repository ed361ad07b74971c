package dev.provingground.agent;

import dev.provingground.agent.support.AgentHarness;
import dev.provingground.agent.support.Eventually;
import dev.provingground.agent.support.TestBroker;
import dev.provingground.sim.ros.SimRosRobot;
import dev.provingground.sim.ros.SimRosbridgeServer;
import dev.provingground.vda5050.ActionStatus;
import dev.provingground.vda5050.Connection;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.EStop;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.Factsheet;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.VdaError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The agent between a simulated ROS robot (rosbridge over WebSocket) and an MQTT broker, all over loopback. */
class RobotAgentIT {

    @TempDir
    Path dir;

    static boolean hasError(State s, String type) {
        return s.errors().stream().anyMatch(e -> e.errorType().equals(type));
    }

    @Test
    void theAgentComesOnlineAndDrivesANav2RobotThroughAnOrder() {
        try (AgentHarness h = new AgentHarness(SimRosbridgeServer.Flavour.NAV2, dir, new JsonObject(), 0, 0)) {
            Eventually.until("ONLINE", () -> h.broker.on(h.topic(Topic.CONNECTION)).stream().anyMatch(m ->
                    AgentHarness.CODEC.decode(Connection.class, m.payload()).connectionState() == ConnectionState.ONLINE));
            h.awaitState("a state with the robot's position", s -> s.agvPosition() != null && !hasError(s, "rosbridgeDisconnected"));

            h.send(AgentHarness.straightOrder("o1", 0, 0, 2, 4));
            h.awaitState("the order finished", s -> s.orderId().equals("o1") && s.lastNodeId().equals("n2") && s.nodeStates().isEmpty());
            State done = h.latest();
            assertThat(done.agvPosition().x()).isCloseTo(4, within(0.1));
            assertThat(done.agvPosition().mapId()).isEqualTo("L1");
            assertThat(h.states()).as("a state while driving").anyMatch(State::driving);
            assertThat(h.states()).as("a state between the nodes").anyMatch(s -> s.lastNodeId().equals("n0") && s.nodeStates().size() == 2);
            assertThat(h.broker.on(h.topic(Topic.VISUALIZATION))).isNotEmpty();

            h.instant("factsheetRequest", "f1");
            Eventually.until("the factsheet", () -> !h.broker.on(h.topic(Topic.FACTSHEET)).isEmpty());
            assertThat(AgentHarness.CODEC.decode(Factsheet.class, h.broker.on(h.topic(Topic.FACTSHEET)).get(0).payload())
                    .serialNumber()).isEqualTo(AgentHarness.SERIAL);
            h.assertEverythingPublishedValidates();
        }
    }

    @Test
    void pauseCancelsTheRosGoalAndHoldsAndResumeSendsItAgain() {
        try (AgentHarness h = new AgentHarness(SimRosbridgeServer.Flavour.NAV2, dir, new JsonObject(), 0, 0)) {
            h.awaitState("position", s -> s.agvPosition() != null);
            h.send(AgentHarness.straightOrder("o1", 0, 0, 12));
            Eventually.until("driving", () -> h.ros.odometerMetres() > 1);
            h.instant("startPause", "p1");
            h.awaitState("paused", s -> Boolean.TRUE.equals(s.paused()) && !s.driving());
            double held = h.ros.odometerMetres();
            Eventually.until("the robot standing", () -> {
                double before = h.ros.odometerMetres();
                return sleepAndCheck(() -> h.ros.odometerMetres() == before);
            });
            assertThat(h.ros.odometerMetres() - held).as("it stops within a braking distance").isLessThan(1.5);
            assertThat(h.latest().nodeStates()).extracting(n -> n.nodeId()).containsExactly("n1");
            assertThat(h.latest().errors()).isEmpty();

            h.instant("stopPause", "p2");
            h.awaitState("the order finished after the resume", s -> s.lastNodeId().equals("n1") && !Boolean.TRUE.equals(s.paused()));
            assertThat(h.ros.pose()[0]).isCloseTo(12, within(0.1));
            assertThat(h.ros.goalsReceived()).isEqualTo(2);
            h.assertEverythingPublishedValidates();
        }
    }

    @Test
    void aRobotOnARotatedOffsetMapIsPlacedAndDrivenInTheLevelFrameFromTwoPointPairs() {
        // The ROS map is turned 90° left of the level and shifted: level = R(90°)·ros + (20, 5).
        JsonArray pairs = new JsonArray()
                .add(pair(0, 0, 20, 5))
                .add(pair(10, 0, 20, 15));
        JsonObject settings = new JsonObject().put("maps", new JsonArray().add(new JsonObject()
                .put("rosMap", "map").put("levelMapId", "L1").put("pointPairs", pairs)));
        try (AgentHarness h = new AgentHarness(SimRosbridgeServer.Flavour.NAV2, dir, settings, 2, 0)) {
            h.awaitState("the position on the level", s -> s.agvPosition() != null);
            assertThat(h.latest().agvPosition().x()).isCloseTo(20, within(1e-6));
            assertThat(h.latest().agvPosition().y()).isCloseTo(7, within(1e-6));
            assertThat(h.latest().agvPosition().theta()).isCloseTo(Math.PI / 2, within(1e-6));

            // Level (20, 7) → (17, 7) is ROS (2, 0) → (2, 3).
            h.send(AgentHarness.straightOrder("o1", 7, 20, 17));
            h.awaitState("arrived", s -> s.lastNodeId().equals("n1") && s.nodeStates().isEmpty());
            assertThat(h.ros.pose()[0]).isCloseTo(2, within(0.1));
            assertThat(h.ros.pose()[1]).isCloseTo(3, within(0.1));
            assertThat(h.latest().agvPosition().x()).isCloseTo(17, within(0.1));
            assertThat(h.latest().agvPosition().y()).isCloseTo(7, within(0.1));
            assertThat(h.config.mapFrames().first().fit().rmsResidual()).isCloseTo(0, within(1e-9));
        }
    }

    @Test
    void anEStopAndADiagnosticsErrorShowUpAsVdaErrors() {
        try (AgentHarness h = new AgentHarness(SimRosbridgeServer.Flavour.NAV2, dir, new JsonObject(), 0, 0)) {
            h.awaitState("position", s -> s.agvPosition() != null);
            Eventually.result(h.ros.inject(r -> r.eStop(true)));
            h.awaitState("the e-stop", s -> s.safetyState().eStop() == EStop.MANUAL);
            Eventually.result(h.ros.inject(r -> r.eStop(false)));
            h.awaitState("the e-stop released", s -> s.safetyState().eStop() == EStop.NONE);

            Eventually.result(h.ros.inject(r -> r.diagnostic("lidar", 2, "no scan for 2 s")));
            h.awaitState("the diagnostics error", s -> hasError(s, "rosDiagnostic"));
            VdaError error = h.latest().errors().stream().filter(e -> e.errorType().equals("rosDiagnostic")).findFirst().orElseThrow();
            assertThat(error.errorLevel()).isEqualTo(ErrorLevel.FATAL);
            assertThat(error.errorDescription()).isEqualTo("lidar: no scan for 2 s");
            Eventually.result(h.ros.inject(r -> r.diagnostic("lidar", 0, "ok")));
            h.awaitState("the diagnostics error gone", s -> !hasError(s, "rosDiagnostic"));
            h.assertEverythingPublishedValidates();
        }
    }

    @Test
    void badRosbridgeInputAndARejectedGoalBecomeVdaErrorsAndTheAgentCarriesOn() {
        try (AgentHarness h = new AgentHarness(SimRosbridgeServer.Flavour.NAV2, dir, new JsonObject(), 0, 0)) {
            h.awaitState("position", s -> s.agvPosition() != null);
            Eventually.result(h.ros.sendRaw("{\"op\": \"publish\", \"topic\": \"/odom\""));
            Eventually.result(h.ros.sendRaw("{\"op\": \"teleport\"}"));
            Eventually.result(h.ros.sendRaw("{\"op\": \"status\", \"level\": \"error\", \"msg\": \"rosbridge is unwell\"}"));
            Eventually.result(h.ros.sendRaw("{\"op\": \"publish\", \"topic\": \"/amcl_pose\", \"msg\": {\"pose\": 7}}"));
            h.awaitState("the bad messages reported", s -> hasError(s, "rosbridgeMessageError") && hasError(s, "rosbridgeStatus"));

            Eventually.result(h.ros.inject(SimRosRobot::rejectNextGoal));
            h.send(AgentHarness.straightOrder("o1", 0, 0, 3));
            h.awaitState("the rejected goal reported", s -> hasError(s, "navigationFailed"));
            VdaError error = h.latest().errors().stream().filter(e -> e.errorType().equals("navigationFailed")).findFirst().orElseThrow();
            assertThat(error.errorLevel()).isEqualTo(ErrorLevel.FATAL);
            assertThat(error.errorDescription()).contains("rejected");

            h.instant("cancelOrder", "c1");
            h.awaitState("the order canceled", s -> !hasError(s, "navigationFailed") && s.nodeStates().isEmpty());
            h.send(AgentHarness.straightOrder("o2", 0, 0, 2));
            h.awaitState("the next order done", s -> s.orderId().equals("o2") && s.lastNodeId().equals("n1"));
            h.assertEverythingPublishedValidates();
        }
    }

    @Test
    void aDroppedRosbridgeLinkIsReportedAndTheGoalIsSentAgainOnceItIsBack() {
        try (AgentHarness h = new AgentHarness(SimRosbridgeServer.Flavour.NAV2, dir, new JsonObject(), 0, 0)) {
            h.awaitState("position", s -> s.agvPosition() != null && !hasError(s, "rosbridgeDisconnected"));
            h.send(AgentHarness.straightOrder("o1", 0, 0, 8));
            Eventually.until("driving", () -> h.ros.odometerMetres() > 0.5);
            Eventually.result(h.ros.dropConnections());
            Eventually.until("the drop reported", () -> h.states().stream().anyMatch(s -> hasError(s, "rosbridgeDisconnected")));
            h.awaitState("the order finished after the reconnect", s -> s.lastNodeId().equals("n1") && s.errors().isEmpty());
            assertThat(h.ros.pose()[0]).isCloseTo(8, within(0.1));
            assertThat(h.ros.goalsReceived()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aNodeActionRunsAsItsConfiguredRosServiceAndFailsWhenTheServiceSaysSo() {
        JsonObject settings = new JsonObject().put("actions", new JsonObject().put("trayHandover",
                new JsonObject().put("service", "/tray/handover").put("serviceType", "std_srvs/srv/Trigger")));
        try (AgentHarness h = new AgentHarness(SimRosbridgeServer.Flavour.NAV2, dir, settings, 0, 0)) {
            h.awaitState("position", s -> s.agvPosition() != null);
            h.send(withAction(AgentHarness.straightOrder("o1", 0, 0, 2), "trayHandover", "hand-1"));
            h.awaitState("the handover finished", s -> actionStatus(s, "hand-1") == ActionStatus.FINISHED);
            assertThat(h.latest().lastNodeId()).isEqualTo("n1");

            Eventually.result(h.ros.inject(r -> r.eStop(true)));
            h.awaitState("the e-stop", s -> s.safetyState().eStop() == EStop.MANUAL);
            h.send(withAction(AgentHarness.straightOrder("o2", 0, 2), "trayHandover", "hand-2"));
            h.awaitState("the handover failed", s -> actionStatus(s, "hand-2") == ActionStatus.FAILED);
            assertThat(h.latest().errors()).anyMatch(e -> e.errorType().equals("actionFailed")
                    && e.errorDescription().contains("e-stop pressed"));
            h.assertEverythingPublishedValidates();
        }
    }

    private static dev.provingground.vda5050.Order withAction(dev.provingground.vda5050.Order o, String type, String id) {
        List<dev.provingground.vda5050.Node> nodes = new java.util.ArrayList<>(o.nodes());
        dev.provingground.vda5050.Node last = nodes.remove(nodes.size() - 1);
        nodes.add(new dev.provingground.vda5050.Node(last.nodeId(), last.sequenceId(), null, true, last.nodePosition(),
                List.of(dev.provingground.vda5050.Action.of(type, id, dev.provingground.vda5050.BlockingType.HARD, List.of()))));
        return dev.provingground.vda5050.Order.create(o.orderId(), o.orderUpdateId(), nodes, o.edges());
    }

    private static ActionStatus actionStatus(State s, String actionId) {
        return s.actionStates().stream().filter(a -> a.actionId().equals(actionId)).map(a -> a.actionStatus())
                .findFirst().orElse(null);
    }

    @Test
    void aMoveBaseRobotIsDrivenPausedAndResumedThroughItsActionlibTopics() {
        try (AgentHarness h = new AgentHarness(SimRosbridgeServer.Flavour.MOVE_BASE, dir, new JsonObject(), 0, 0)) {
            h.awaitState("position", s -> s.agvPosition() != null);
            h.send(AgentHarness.straightOrder("o1", 0, 0, 2, 4));
            h.awaitState("the order finished", s -> s.lastNodeId().equals("n2") && s.nodeStates().isEmpty());
            assertThat(h.ros.pose()[0]).isCloseTo(4, within(0.1));
            assertThat(h.ros.goalsReceived()).as("one goal per node").isEqualTo(2);

            // Pause cancels the move_base goal on {ns}/cancel and holds; resume sends it again.
            h.send(AgentHarness.straightOrder("o2", 0, 4, 14));
            Eventually.until("driving", () -> h.ros.pose()[0] > 5);
            h.instant("startPause", "p1");
            h.awaitState("paused and standing", s -> Boolean.TRUE.equals(s.paused()) && !s.driving());
            assertThat(h.ros.pose()[0]).isLessThan(13);
            h.instant("stopPause", "p2");
            h.awaitState("o2 finished", s -> s.orderId().equals("o2") && s.lastNodeId().equals("n1") && s.nodeStates().isEmpty());
            assertThat(h.ros.pose()[0]).isCloseTo(14, within(0.1));
            assertThat(h.ros.goalsReceived()).isEqualTo(4);
            h.assertEverythingPublishedValidates();
        }
    }

    @Test
    void whileMqttIsDownEveryStateIsKeptAndAfterTheReconnectTheCurrentStateComesFirstThenTheBacklog() {
        try (AgentHarness h = new AgentHarness(SimRosbridgeServer.Flavour.NAV2, dir, new JsonObject(), 0, 0)) {
            h.awaitState("position", s -> s.agvPosition() != null);
            h.send(AgentHarness.straightOrder("o1", 0, 0, 30));
            Eventually.until("driving", () -> h.ros.odometerMetres() > 0.5);
            long queuedBefore = h.agent.statesQueued();
            Instant cut = Instant.now();
            h.broker.cut();
            Eventually.until("the will published", () -> h.broker.on(h.topic(Topic.CONNECTION)).stream().anyMatch(TestBroker.Message::fromWill));
            Eventually.until("states kept on disk", () -> h.agent.statesQueued() >= queuedBefore + 8);
            long statesBefore = h.states().size();
            h.broker.restore();
            Eventually.until("the agent back online", h.agent::isMqttUp);
            Instant restored = Instant.now();
            Eventually.until("the backlog sent", () -> h.agent.backlogSize() == 0 && h.backfill().size() >= 8);

            List<State> backfill = h.backfill();
            assertThat(backfill).hasSize((int) h.agent.backfillPublished());
            // States from before the first connect are kept too; those of the outage cover it sample by sample.
            assertThat(backfill).extracting(State::timestamp).isSorted().allMatch(t -> !t.isAfter(restored));
            long ofTheOutage = backfill.stream().filter(s -> !s.timestamp().isBefore(cut.minusMillis(300))).count();
            assertThat(ofTheOutage).isGreaterThanOrEqualTo(8);
            assertThat(backfill).extracting(State::headerId).doesNotHaveDuplicates();
            List<State> ofOutage = backfill.stream().filter(s -> !s.timestamp().isBefore(cut.minusMillis(300))).toList();
            assertThat(ofOutage).allMatch(s -> s.agvPosition() != null);
            assertThat(ofOutage.get(ofOutage.size() - 1).agvPosition().x()).as("the robot drove on during the outage")
                    .isGreaterThan(ofOutage.get(0).agvPosition().x());
            // The first message after the reconnect is ONLINE, then the current state, then the backlog.
            // A copy: the agent goes on publishing while the test reads.
            List<TestBroker.Message> received = List.copyOf(h.broker.messages);
            List<TestBroker.Message> after = received.subList(indexOfLastWill(received) + 1, received.size());
            List<String> topics = after.stream().map(TestBroker.Message::topic).toList();
            int firstState = topics.indexOf(h.topic(Topic.STATE));
            int firstBackfill = topics.indexOf(h.backfillTopic());
            assertThat(firstState).isGreaterThanOrEqualTo(0).isLessThan(firstBackfill);
            State current = AgentHarness.CODEC.decode(State.class, after.get(firstState).payload());
            assertThat(current.timestamp()).isAfterOrEqualTo(backfill.get(backfill.size() - 1).timestamp());
            assertThat(h.states().size()).isGreaterThan((int) statesBefore);
            h.assertEverythingPublishedValidates();
        }
    }

    @Test
    void aLinkThatSilentlyStopsCarryingPacketsIsNoticedByItsPingsAndNoStateIsLost() {
        JsonObject settings = new JsonObject().put("mqtt", new JsonObject().put("keepAliveSeconds", 1));
        try (AgentHarness h = new AgentHarness(SimRosbridgeServer.Flavour.NAV2, dir, settings, 0, 0)) {
            h.awaitState("position", s -> s.agvPosition() != null);
            h.send(AgentHarness.straightOrder("o1", 0, 0, 30));
            Eventually.until("driving", () -> h.ros.odometerMetres() > 0.5);
            long published = h.agent.statesPublished();
            h.broker.freeze();
            Eventually.until("the agent to notice and come back", () -> h.broker.on(h.topic(Topic.CONNECTION)).stream()
                    .filter(m -> AgentHarness.CODEC.decode(Connection.class, m.payload()).connectionState() == ConnectionState.ONLINE)
                    .count() >= 2);
            Eventually.until("the backlog sent", () -> h.agent.isMqttUp() && h.agent.backlogSize() == 0 && !h.backfill().isEmpty());
            assertThat(h.agent.statesPublished()).as("states went into the silent link").isGreaterThan(published);

            java.util.Set<Long> ids = new java.util.TreeSet<>();
            h.states().forEach(s -> ids.add(s.headerId()));
            h.backfill().forEach(s -> ids.add(s.headerId()));
            long first = ids.iterator().next();
            long last = java.util.Collections.max(ids);
            List<Long> missing = java.util.stream.LongStream.rangeClosed(first, last).boxed().filter(i -> !ids.contains(i)).toList();
            assertThat(missing).as("states neither delivered live nor backfilled").isEmpty();
            h.assertEverythingPublishedValidates();
        }
    }

    private static int indexOfLastWill(List<TestBroker.Message> all) {
        for (int i = all.size() - 1; i >= 0; i--) if (all.get(i).fromWill()) return i;
        throw new AssertionError("no will");
    }

    private static JsonObject pair(double rosX, double rosY, double levelX, double levelY) {
        return new JsonObject().put("ros", new JsonObject().put("x", rosX).put("y", rosY))
                .put("level", new JsonObject().put("x", levelX).put("y", levelY));
    }

    private static boolean sleepAndCheck(java.util.function.BooleanSupplier check) {
        try {
            // What is checked is that nothing happens: it can only be looked at again after a pause.
            Thread.sleep(200);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return check.getAsBoolean();
    }
}
