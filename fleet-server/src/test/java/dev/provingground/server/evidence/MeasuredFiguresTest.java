package dev.provingground.server.evidence;

import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.VerifyResult;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Velocity;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.provingground.server.support.Bundles.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Figures the server measures itself rather than taking the robot's word: speed from positions, implausible position
 * changes, robot clocks. A hand-driven indoor-delivery robot (speedMax 0.76 m/s, accelerationMax 0.5 m/s², so its
 * speed cap is 0.76 m/s) reports one state per second of virtual time.
 */
class MeasuredFiguresTest {

    private static final double CAP = 0.76;

    @TempDir
    Path data;
    private String acmeToken;

    private interface Drive {
        void run(VirtualServer virtual, InProcessRobot robot, State base) throws Exception;
    }

    private static State at(State s, double x, Velocity velocity) {
        return new State(s.headerId(), s.timestamp(), s.version(), s.manufacturer(), s.serialNumber(), s.maps(),
                s.orderId(), s.orderUpdateId(), s.zoneSetId(), s.lastNodeId(), s.lastNodeSequenceId(), s.driving(),
                s.paused(), s.newBaseRequest(), s.distanceSinceLastNode(), s.operatingMode(), s.nodeStates(),
                s.edgeStates(), AgvPosition.of(x, 0, 0, "L1"), velocity, s.loads(), s.actionStates(), s.batteryState(),
                s.errors(), s.information(), s.safetyState());
    }

    /** One state a second along x, from {@code fromX} at {@code speed} m/s, reporting {@code reported}. */
    private static double drive(VirtualServer virtual, InProcessRobot robot, State base, double fromX, double speed,
                                int seconds, Velocity reported) {
        double x = fromX;
        for (int i = 0; i < seconds; i++) {
            virtual.advance(Duration.ofSeconds(1));
            x += speed;
            robot.publish(at(base, x, reported));
        }
        return x;
    }

    private static List<JsonObject> events(TestServer server, String type) {
        return server.get("/api/v1/events?type=" + type, server.operatorToken).bodyAsJsonObject().getJsonArray("events")
                .stream().map(JsonObject.class::cast).toList();
    }

    private void withRobot(VirtualServer virtual, Drive drive) throws Exception {
        TestServer server = virtual.api();
        acmeToken = server.registerFirm("acme");
        JsonObject r = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
        try (InProcessRobot robot = virtual.robot("Acme", "A-1", r.getString("id"),
                r.getJsonObject("mqtt").getString("password"))) {
            robot.connectOnline();
            State base = robot.state("L1", 0, 0, 80);
            robot.publish(at(base, 0, Velocity.of(0, 0, 0)));
            drive.run(virtual, robot, base);
            robot.disconnectCleanly();
        }
        virtual.settle();
    }

    /** The KPIs of the firm's bundle, which must verify. */
    private Map<String, Double> kpis(TestServer server) throws Exception {
        String acme = acmeToken;
        var res = server.get("/api/v1/reports/export?site=test&firm=acme", acme);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        Path bundle = data.resolve("acme.zip");
        Files.write(bundle, res.body().getBytes());
        VerifierKey key = VerifierKey.parse(server.get("/api/v1/sites/test/log/key?firm=acme", acme).bodyAsString().trim());
        VerifyResult verified = new BundleVerifier().verify(bundle, key);
        assertThat(verified.ok()).as(verified.firstProblem()).isTrue();
        return new JsonObject(entry(bundle, "kpis.json")).getJsonArray("metrics").stream().map(JsonObject.class::cast)
                .filter(m -> m.getValue("value") != null)
                .collect(Collectors.toMap(m -> m.getString("name"), m -> m.getDouble("value")));
    }

    @Test
    void aRobotReportingAVelocityUnderTheCapWhilePositionsShowItThirtyPercentOverGetsOverspeedNamingTheComputedSpeed()
            throws Exception {
        try (VirtualServer virtual = VirtualServer.start(data)) {
            withRobot(virtual, (v, robot, base) -> {
                double x = drive(v, robot, base, 0, CAP * 1.3, 10, Velocity.of(0.5, 0, 0));
                drive(v, robot, base, x, 0, 3, Velocity.of(0, 0, 0));
            });
            List<JsonObject> overspeeds = events(virtual.api(), "overspeed");
            assertThat(overspeeds).hasSize(1);
            JsonObject overspeed = overspeeds.get(0);
            assertThat(overspeed.getString("source")).isEqualTo("COMPUTED");
            assertThat(overspeed.getDouble("computedSpeed")).isCloseTo(CAP * 1.3, within(1e-6));
            assertThat(overspeed.getDouble("reportedSpeed")).isEqualTo(0.5);
            assertThat(overspeed.getDouble("limit")).isEqualTo(CAP);
            assertThat(overspeed.getDouble("maxSpeed")).isCloseTo(CAP * 1.3, within(1e-6));
            assertThat(overspeed.getString("zone")).isEqualTo("profile-speed-cap");
            assertThat(events(virtual.api(), "position.jump")).as("30 % over its speed is driving, not a jump").isEmpty();
        }
    }

    @Test
    void aRobotThatReportsNoVelocityIsJudgedOnItsPositionsNotTakenAsStandingStill() throws Exception {
        try (VirtualServer virtual = VirtualServer.start(data)) {
            withRobot(virtual, (v, robot, base) -> {
                double x = drive(v, robot, base, 0, CAP * 1.3, 10, null);
                drive(v, robot, base, x, 0, 3, null);
            });
            List<JsonObject> overspeeds = events(virtual.api(), "overspeed");
            assertThat(overspeeds).singleElement().satisfies(o -> {
                assertThat(o.getString("source")).isEqualTo("COMPUTED");
                assertThat(o.containsKey("reportedSpeed")).as("no velocity reported, none recorded").isFalse();
            });
        }
    }

    @Test
    void aRobotOverTheCapByBothMeasuresIsNamedOnBoth() throws Exception {
        try (VirtualServer virtual = VirtualServer.start(data)) {
            withRobot(virtual, (v, robot, base) -> {
                double x = drive(v, robot, base, 0, CAP * 1.3, 10, Velocity.of(CAP * 1.2, 0, 0));
                drive(v, robot, base, x, 0, 3, Velocity.of(0, 0, 0));
            });
            assertThat(events(virtual.api(), "overspeed")).singleElement()
                    .satisfies(o -> assertThat(o.getString("source")).isEqualTo("BOTH"));
        }
    }

    @Test
    void aRobotTeleportingTwentyMetresInOneSecondGetsAPositionJumpAndTheDistanceExcludesIt() throws Exception {
        try (VirtualServer virtual = VirtualServer.start(data)) {
            withRobot(virtual, (v, robot, base) -> {
                double x = drive(v, robot, base, 0, 0.5, 10, Velocity.of(0.5, 0, 0));
                v.advance(Duration.ofSeconds(1));
                robot.publish(at(base, x + 20, Velocity.of(0.5, 0, 0)));
                drive(v, robot, base, x + 20, 0.5, 10, Velocity.of(0.5, 0, 0));
            });
            List<JsonObject> jumps = events(virtual.api(), "position.jump");
            assertThat(jumps).singleElement().satisfies(j -> {
                assertThat(j.getDouble("fromX")).isEqualTo(5.0);
                assertThat(j.getDouble("toX")).isEqualTo(25.0);
                assertThat(j.getString("mapId")).isEqualTo("L1");
                assertThat(j.getDouble("elapsedSeconds")).isEqualTo(1.0);
                assertThat(j.getDouble("displacement")).isEqualTo(20.0);
                // From 0.5 m/s, accelerating at 0.5 m/s² up to 0.76 m/s over 1 s plus 1 s allowance, plus 1 m.
                assertThat(j.getDouble("plausibleLimit")).isCloseTo(2.4524, within(1e-3));
            });
            assertThat(events(virtual.api(), "overspeed")).as("a jump is no speed").isEmpty();
            Map<String, Double> kpis = kpis(virtual.api());
            assertThat(kpis.get("distance.total_km") * 1000).as("5 m driven before, 5 m after").isCloseTo(10, within(1.0));
            assertThat(kpis.get("distance.total_km")).isEqualTo(0.01);
            assertThat(kpis.get("distance.unexplained_km")).isEqualTo(0.02);
            assertThat(kpis.get("position.jumps")).isEqualTo(1.0);
        }
    }

    @Test
    void everyLinkLossIsOnTheRecordWithItsOutageAndTheKpisSayWhatTheyCover() throws Exception {
        try (VirtualServer virtual = VirtualServer.start(data)) {
            withRobot(virtual, (v, robot, base) -> {
                double x = drive(v, robot, base, 0, 0.5, 10, Velocity.of(0.5, 0, 0));
                robot.dropLink();
                v.advance(Duration.ofSeconds(90));
                robot.connectOnline();
                drive(v, robot, base, x, 0.5, 10, Velocity.of(0.5, 0, 0));
            });
            List<JsonObject> links = events(virtual.api(), "robot.link");
            assertThat(links).extracting(l -> l.getString("state"))
                    .containsSubsequence("LINK_LOST", "CONNECTED", "DISCONNECTED");
            JsonObject back = links.get(links.stream().map(l -> l.getString("state")).toList().indexOf("LINK_LOST") + 1);
            assertThat(back.getDouble("outageSeconds")).isEqualTo(90.0);
            Map<String, Double> kpis = kpis(virtual.api());
            assertThat(kpis.get("link.lost.count")).isEqualTo(1.0);
            assertThat(kpis.get("link.restored")).isEqualTo(1.0);
            assertThat(kpis.get("link.outage_hours") * 3600).isCloseTo(90, within(0.01));
            assertThat(kpis.get("coverage.span_hours") * 3600).as("first to last sample").isCloseTo(110, within(0.01));
            assertThat(kpis.get("operating.hours") * 3600).as("the outage was not sampled").isCloseTo(19, within(0.01));
        }
    }

    @Test
    void aRobotWhoseClockRunsTenMinutesFastGetsOneSkewEventAndItsHoursOnServerTime() throws Exception {
        try (VirtualServer virtual = VirtualServer.start(data)) {
            withRobot(virtual, (v, robot, base) -> {
                robot.runClockAhead(Duration.ofMinutes(10));
                double x = drive(v, robot, base, 0, 0.5, 60, Velocity.of(0.5, 0, 0));
                robot.runClockAhead(Duration.ZERO);
                drive(v, robot, base, x, 0.5, 5, Velocity.of(0.5, 0, 0));
            });
            List<JsonObject> skews = events(virtual.api(), "clock.skew");
            assertThat(skews).extracting(s -> s.getString("phase")).containsExactly("STARTED", "CLEARED");
            assertThat(skews.get(0).getDouble("skewSeconds")).isEqualTo(600.0);
            assertThat(skews.get(0).getDouble("thresholdSeconds")).isEqualTo(5.0);
            assertThat(skews.get(1).getDouble("durationSeconds")).isEqualTo(60.0);
            Map<String, Double> kpis = kpis(virtual.api());
            assertThat(kpis.get("operating.hours") * 3600).as("65 s of server time driven, whatever the robot's clock said")
                    .isCloseTo(65, within(0.01));
            assertThat(kpis.get("clock.skew_episodes")).isEqualTo(1.0);
            assertThat(kpis.get("coverage.sampled_share")).isEqualTo(1.0);
        }
    }
}
