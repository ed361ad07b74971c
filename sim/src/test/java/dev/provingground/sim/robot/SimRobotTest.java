package dev.provingground.sim.robot;

import dev.provingground.profiles.HardwareProfile;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.ActionStatus;
import dev.provingground.vda5050.BlockingType;
import dev.provingground.vda5050.Edge;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Node;
import dev.provingground.vda5050.NodePosition;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.State;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimRobotTest {

    static final HardwareProfile DELIVERY = ProfileCatalog.builtIn().require("indoor-delivery");
    static final HardwareProfile UVC = ProfileCatalog.builtIn().require("uvc-disinfection");

    static Order straightOrder(String id, double... xs) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            nodes.add(Node.of("n" + i, 2L * i, true, NodePosition.of(xs[i], 0, "L1"), List.of()));
            if (i > 0) edges.add(Edge.of("e" + i, 2L * i - 1, true, "n" + (i - 1), "n" + i, List.of()));
        }
        return Order.create(id, 0, nodes, edges);
    }

    static void run(SimRobot robot, double seconds) {
        for (int i = 0; i < Math.round(seconds * 10); i++) robot.advance(0.1);
    }

    @Test
    void robotDrivesItsOrderToTheLastNodeAndReportsItFinished() {
        SimRobot robot = new SimRobot("Acme", "A-1", DELIVERY, "L1", 0, 0, 0, 80);
        robot.accept(straightOrder("o1", 0, 5, 10));
        State accepted = robot.state();
        assertThat(accepted.orderId()).isEqualTo("o1");
        assertThat(accepted.lastNodeId()).isEqualTo("n0");
        assertThat(accepted.nodeStates()).extracting(n -> n.nodeId()).containsExactly("n1", "n2");
        assertThat(accepted.edgeStates()).hasSize(2);

        run(robot, 60);
        State done = robot.state();
        assertThat(done.lastNodeId()).isEqualTo("n2");
        assertThat(done.lastNodeSequenceId()).isEqualTo(4);
        assertThat(done.nodeStates()).isEmpty();
        assertThat(done.edgeStates()).isEmpty();
        assertThat(done.agvPosition().x()).isCloseTo(10.0, within(1e-9));
        assertThat(done.driving()).isFalse();
    }

    @Test
    void robotNeverExceedsItsProfileSpeedCap() {
        SimRobot robot = new SimRobot("Acme", "A-1", DELIVERY, "L1", 0, 0, 0, 80);
        robot.accept(straightOrder("o1", 0, 200));
        double max = 0;
        for (int i = 0; i < 600; i++) {
            robot.advance(0.1);
            max = Math.max(max, robot.speed());
        }
        assertThat(max).isLessThanOrEqualTo(DELIVERY.speedCapMps() + 1e-9).isGreaterThan(DELIVERY.speedCapMps() * 0.9);
    }

    @Test
    void edgeSpeedLimitSlowsTheRobot() {
        SimRobot robot = new SimRobot("Acme", "A-1", DELIVERY, "L1", 0, 0, 0, 80);
        Order o = straightOrder("o1", 0, 100);
        Edge slow = new Edge("e1", 1, null, true, "n0", "n1", 0.3, null, null, null, null, null, null, null, null, null,
                null, List.of());
        robot.accept(Order.create("o1", 0, o.nodes(), List.of(slow)));
        double max = 0;
        for (int i = 0; i < 200; i++) {
            robot.advance(0.1);
            max = Math.max(max, robot.speed());
        }
        assertThat(max).isLessThanOrEqualTo(0.3 + 1e-9);
    }

    @Test
    void drivingDrainsTheBatteryFasterThanStandingStill() {
        SimRobot idle = new SimRobot("Acme", "A-1", DELIVERY, "L1", 0, 0, 0, 80);
        SimRobot moving = new SimRobot("Acme", "A-2", DELIVERY, "L1", 0, 0, 0, 80);
        moving.accept(straightOrder("o1", 0, 1000));
        run(idle, 120);
        run(moving, 120);
        double idleUsedWh = (80 - idle.batteryPercent()) / 100 * DELIVERY.service().batteryCapacityWh();
        assertThat(idleUsedWh).isCloseTo(DELIVERY.energyWh(0, 120), within(1e-6));
        assertThat(moving.batteryPercent()).isLessThan(idle.batteryPercent());
    }

    @Test
    void pauseStopsTheRobotAndResumeContinues() {
        SimRobot robot = new SimRobot("Acme", "A-1", DELIVERY, "L1", 0, 0, 0, 80);
        robot.accept(straightOrder("o1", 0, 50));
        run(robot, 5);
        robot.instantActions(InstantActions.create(List.of(Action.instant("startPause", "p1", BlockingType.HARD, List.of()))));
        double x = robot.x();
        run(robot, 5);
        assertThat(robot.x()).isEqualTo(x);
        assertThat(robot.state().paused()).isTrue();
        robot.instantActions(InstantActions.create(List.of(Action.instant("stopPause", "p2", BlockingType.HARD, List.of()))));
        run(robot, 2);
        assertThat(robot.x()).isGreaterThan(x);
    }

    @Test
    void cancelOrderClearsTheRemainingNodes() {
        SimRobot robot = new SimRobot("Acme", "A-1", DELIVERY, "L1", 0, 0, 0, 80);
        robot.accept(straightOrder("o1", 0, 50, 100));
        run(robot, 3);
        robot.instantActions(InstantActions.create(List.of(Action.instant("cancelOrder", "c1", BlockingType.HARD, List.of()))));
        State s = robot.state();
        assertThat(s.nodeStates()).isEmpty();
        assertThat(s.actionStates()).anySatisfy(a -> {
            assertThat(a.actionId()).isEqualTo("c1");
            assertThat(a.actionStatus()).isEqualTo(ActionStatus.FINISHED);
        });
    }

    @Test
    void aNewOrderWhileBusyIsRefusedWithAnError() {
        SimRobot robot = new SimRobot("Acme", "A-1", DELIVERY, "L1", 0, 0, 0, 80);
        robot.accept(straightOrder("o1", 0, 50));
        robot.accept(straightOrder("o2", 0, 20));
        State s = robot.state();
        assertThat(s.orderId()).isEqualTo("o1");
        assertThat(s.errors()).anySatisfy(e -> assertThat(e.errorType()).isEqualTo("orderError"));
    }

    @Test
    void nodeActionsRunOnArrivalAndFinish() {
        SimRobot robot = new SimRobot("Acme", "A-1", DELIVERY, "L1", 0, 0, 0, 80);
        Action handover = Action.of("trayHandover", "h1", BlockingType.HARD, List.of());
        robot.accept(Order.create("o1", 0, List.of(
                Node.of("n0", 0, true, NodePosition.of(0, 0, "L1"), List.of()),
                Node.of("n1", 2, true, NodePosition.of(3, 0, "L1"), List.of(handover))),
                List.of(Edge.of("e1", 1, true, "n0", "n1", List.of()))));
        assertThat(robot.state().actionStates()).singleElement()
                .satisfies(a -> assertThat(a.actionStatus()).isEqualTo(ActionStatus.WAITING));
        run(robot, 30);
        assertThat(robot.state().actionStates()).singleElement()
                .satisfies(a -> assertThat(a.actionStatus()).isEqualTo(ActionStatus.FINISHED));
    }

    @Test
    void chargingAtAStandstillFillsTheBattery() {
        SimRobot robot = new SimRobot("Acme", "A-1", DELIVERY, "L1", 0, 0, 0, 20);
        robot.instantActions(InstantActions.create(List.of(Action.instant("startCharging", "c", BlockingType.HARD, List.of()))));
        run(robot, 600);
        assertThat(robot.batteryPercent()).isGreaterThan(20);
        assertThat(robot.state().batteryState().charging()).isTrue();
    }

    @Test
    void drivingOffTheChargerEndsCharging() {
        SimRobot robot = new SimRobot("Acme", "A-1", DELIVERY, "L1", 0, 0, 0, 20);
        robot.instantActions(InstantActions.create(List.of(Action.instant("startCharging", "c", BlockingType.HARD, List.of()))));
        run(robot, 60);
        robot.accept(straightOrder("o1", 0, 10));
        run(robot, 2);
        assertThat(robot.state().batteryState().charging()).isFalse();

        double afterDriving = robot.batteryPercent();
        run(robot, 600);
        assertThat(robot.batteryPercent()).as("no charging where it stopped").isLessThan(afterDriving);
    }

    @Test
    void uvcLampWorksOnlyOnADisinfectionRobot() {
        SimRobot uvc = new SimRobot("Clean", "C-1", UVC, "L3", 0, 0, 0, 80);
        uvc.instantActions(InstantActions.create(List.of(Action.instant("uvcLampOn", "u1", BlockingType.HARD, List.of()))));
        assertThat(uvc.isUvcLampOn()).isTrue();
        SimRobot delivery = new SimRobot("Acme", "A-1", DELIVERY, "L1", 0, 0, 0, 80);
        delivery.instantActions(InstantActions.create(List.of(Action.instant("uvcLampOn", "u1", BlockingType.HARD, List.of()))));
        assertThat(delivery.isUvcLampOn()).isFalse();
        assertThat(delivery.state().actionStates()).singleElement()
                .satisfies(a -> assertThat(a.actionStatus()).isEqualTo(ActionStatus.FAILED));
    }
}
