package dev.provingground.agent.state;

import dev.provingground.agent.order.OrderExecution;
import dev.provingground.agent.ros.RosMessages;
import dev.provingground.agent.rosbridge.RosbridgeProblem;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.EStop;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.Vda5050Schemas;
import dev.provingground.vda5050.VdaError;
import dev.provingground.vda5050.Velocity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StateAssemblyTest {

    static final Vda5050Schemas SCHEMAS = Vda5050Schemas.fromClasspath();
    static final dev.provingground.vda5050.Vda5050Codec CODEC = new dev.provingground.vda5050.Vda5050Codec(SCHEMAS);

    static JsonObject diagnostic(String name, Object level, String message) {
        return new JsonObject().put("name", name).put("level", level).put("message", message).put("hardware_id", "hw1");
    }

    @Test
    void aStateBeforeTheRobotSaidAnythingStillValidatesAndSaysWhatIsMissing() {
        StateAssembler a = new StateAssembler("Acme", "R-1");
        State s = a.assemble(new OrderExecution(new OrderExecution.Settings(Set.of(), false, 0.5)).progress(),
                RobotReadings.initial(), List.of());
        byte[] json = CODEC.encode(new HeaderCounter("Acme", "R-1").stamp(s));
        assertThat(SCHEMAS.validate(Topic.STATE, json)).isEmpty();
        assertThat(s.errors()).extracting(VdaError::errorType).containsExactly(StateAssembler.ROSBRIDGE_DOWN);
        assertThat(s.information()).extracting(i -> i.infoType()).containsExactly("batteryUnknown");
    }

    @Test
    void aDiagnosticErrorIsAFatalErrorUntilTheSameNameReportsOk() {
        DiagnosticErrors d = new DiagnosticErrors(false);
        JsonObject array = new JsonObject().put("status", new JsonArray()
                .add(diagnostic("lidar", 2, "no scan for 2 s")).add(diagnostic("motors", 1, "warm")));
        assertThat(d.update(RosMessages.diagnostics(array))).isTrue();
        assertThat(d.errors()).singleElement().satisfies(e -> {
            assertThat(e.errorLevel()).isEqualTo(ErrorLevel.FATAL);
            assertThat(e.errorDescription()).isEqualTo("lidar: no scan for 2 s");
        });
        assertThat(d.update(RosMessages.diagnostics(new JsonObject().put("status", new JsonArray()
                .add(diagnostic("motors", 0, "ok")))))).as("a name not mentioned keeps its level").isFalse();
        assertThat(d.update(RosMessages.diagnostics(new JsonObject().put("status", new JsonArray()
                .add(diagnostic("lidar", 0, "ok")))))).isTrue();
        assertThat(d.errors()).isEmpty();
    }

    @Test
    void diagnosticLevelsAreReadAsRosbridgeWritesBytes() {
        DiagnosticErrors d = new DiagnosticErrors(true);
        d.update(RosMessages.diagnostics(new JsonObject().put("status", new JsonArray()
                .add(diagnostic("a", "\u0002", "")).add(diagnostic("b", "AQ==", "")).add(diagnostic("c", 3, "stale")))));
        assertThat(d.errors()).extracting(VdaError::errorLevel)
                .containsExactly(ErrorLevel.FATAL, ErrorLevel.WARNING, ErrorLevel.WARNING);
    }

    @Test
    void aBadRosbridgeMessageIsReportedForAWhileThenClears() {
        MutableClock clock = new MutableClock();
        ProblemErrors p = new ProblemErrors(clock, Duration.ofSeconds(30));
        assertThat(p.note(new RosbridgeProblem(RosbridgeProblem.Kind.UNKNOWN_OP, "op \"dance\"", null))).isTrue();
        assertThat(p.note(new RosbridgeProblem(RosbridgeProblem.Kind.STATUS_ERROR, "unknown service", "call_service:3"))).isTrue();
        assertThat(p.note(new RosbridgeProblem(RosbridgeProblem.Kind.STATUS_WARNING, "slow", null))).isFalse();
        assertThat(p.errors()).extracting(VdaError::errorType)
                .containsExactly(ProblemErrors.MESSAGE_ERROR, ProblemErrors.STATUS_ERROR);
        clock.now = clock.now.plusSeconds(29);
        assertThat(p.expire()).isFalse();
        clock.now = clock.now.plusSeconds(2);
        assertThat(p.expire()).isTrue();
        assertThat(p.errors()).isEmpty();
    }

    @Test
    void aFullStateWithPositionErrorsAndEStopValidatesAgainstTheSchema() {
        StateAssembler a = new StateAssembler("Acme", "R-1");
        RobotReadings r = RobotReadings.initial().withRosbridgeUp(true)
                .withPosition(new AgvPosition(1, 2, 0.5, "L1", null, true, null, 0.05))
                .withVelocity(Velocity.of(0.4, 0, 0.1)).withBattery(77, 24.1, true).withEStop(EStop.MANUAL);
        List<VdaError> errors = new ArrayList<>(new DiagnosticErrors(false).errors());
        errors.add(VdaError.of("rosDiagnostic", ErrorLevel.FATAL, "lidar: dead"));
        State s = a.assemble(new OrderExecution(new OrderExecution.Settings(Set.of(), false, 0.5)).progress(), r, errors);
        assertThat(s.driving()).isTrue();
        assertThat(s.safetyState().eStop()).isEqualTo(EStop.MANUAL);
        assertThat(SCHEMAS.validate(Topic.STATE, CODEC.encode(new HeaderCounter("Acme", "R-1").stamp(s)))).isEmpty();
    }

    @Test
    void posesOdometryAndBatteryAreReadFromTheirRosbridgeJson() {
        JsonObject amcl = new JsonObject().put("header", new JsonObject().put("frame_id", "map"))
                .put("pose", new JsonObject().put("pose", new JsonObject()
                        .put("position", new JsonObject().put("x", 1.5).put("y", -2.0).put("z", 0))
                        .put("orientation", RosMessages.quaternion(Math.PI / 2)))
                        .put("covariance", new JsonArray(List.of(0.04, 0, 0, 0, 0, 0, 0, 0.01))));
        var pose = RosMessages.pose(amcl);
        assertThat(pose.x()).isEqualTo(1.5);
        assertThat(pose.yaw()).isCloseTo(Math.PI / 2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(pose.deviation()).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
        double[] v = RosMessages.odomVelocity(new JsonObject().put("twist", new JsonObject().put("twist", new JsonObject()
                .put("linear", new JsonObject().put("x", 0.5).put("y", 0)).put("angular", new JsonObject().put("z", 0.2)))));
        assertThat(v).containsExactly(0.5, 0.0, 0.2);
        double[] b = RosMessages.battery(new JsonObject().put("percentage", null).put("charge", 5.0).put("capacity", 20.0)
                .put("voltage", 24.0).put("power_supply_status", 1));
        assertThat(b).containsExactly(25.0, 24.0, 1.0);
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-05-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
