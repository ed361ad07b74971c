package dev.provingground.server.evidence;

import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.VerifyResult;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.ErrorReference;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.VdaError;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.provingground.server.support.Bundles.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** Errors robots report in their VDA 5050 state become robot.error evidence, debounced and bounded. */
class RobotErrorEventsTest {

    @TempDir
    Path data;
    @TempDir
    Path out;

    private static final VdaError LIDAR = new VdaError("rosDiagnostic",
            List.of(new ErrorReference("diagnosticName", "lidar")), "lidar: no scans", null, ErrorLevel.FATAL);

    private static State with(State s, List<VdaError> errors) {
        return new State(s.headerId(), s.timestamp(), s.version(), s.manufacturer(), s.serialNumber(), s.maps(),
                s.orderId(), s.orderUpdateId(), s.zoneSetId(), s.lastNodeId(), s.lastNodeSequenceId(), s.driving(),
                s.paused(), s.newBaseRequest(), s.distanceSinceLastNode(), s.operatingMode(), s.nodeStates(),
                s.edgeStates(), s.agvPosition(), s.velocity(), s.loads(), s.actionStates(), s.batteryState(), errors,
                s.information(), s.safetyState());
    }

    private static List<JsonObject> errors(TestServer server) {
        return server.get("/api/v1/events?type=robot.error", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast).toList();
    }

    private interface Trial {
        void run(VirtualServer virtual, InProcessRobot robot, State base) throws Exception;
    }

    /** Runs {@code trial} with a connected robot of firm acme; gives back the firm's token. */
    private static String withRobot(VirtualServer virtual, Trial trial) throws Exception {
        TestServer server = virtual.api();
        String token = server.registerFirm("acme");
        JsonObject r = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
        try (InProcessRobot robot = virtual.robot("Acme", "A-1", r.getString("id"),
                r.getJsonObject("mqtt").getString("password"))) {
            robot.connectOnline();
            trial.run(virtual, robot, robot.state("L1", 1, 1, 80));
        }
        return token;
    }

    @Test
    void anErrorRaisedAndClearedIsRecordedInTheFirmsLogWithItsDurationAndTheBundleVerifies() throws Exception {
        try (VirtualServer virtual = VirtualServer.start(data)) {
            TestServer server = virtual.api();
            String acme = withRobot(virtual, (v, robot, base) -> {
                robot.publish(with(base, List.of(LIDAR)));
                v.advance(Duration.ofSeconds(4));
                robot.publish(with(base, List.of(LIDAR)));
                v.advance(Duration.ofMillis(2500));
                robot.publish(with(base, List.of()));
                assertThat(errors(server)).as("the clear waits for the debounce").hasSize(1);
                v.advance(RobotErrorEvents.DEBOUNCE);
            });
            List<JsonObject> recorded = errors(server);
            assertThat(recorded).extracting(e -> e.getString("phase")).containsExactly("RAISED", "CLEARED");
            JsonObject raised = recorded.get(0);
            assertThat(raised.getString("errorType")).isEqualTo("rosDiagnostic");
            assertThat(raised.getString("level")).isEqualTo("FATAL");
            assertThat(raised.getString("description")).isEqualTo("lidar: no scans");
            assertThat(raised.getJsonArray("references").getJsonObject(0).getString("value")).isEqualTo("lidar");
            JsonObject cleared = recorded.get(1);
            assertThat(cleared.getDouble("durationSeconds")).isEqualTo(6.5);
            assertThat(cleared.getInteger("recurrences")).isZero();

            var res = server.get("/api/v1/reports/export?site=test&firm=acme", acme);
            assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
            Path bundle = out.resolve("acme.zip");
            Files.write(bundle, res.body().getBytes());
            VerifierKey key = VerifierKey.parse(server.get("/api/v1/sites/test/log/key?firm=acme", acme)
                    .bodyAsString().trim());
            VerifyResult verified = new BundleVerifier().verify(bundle, key);
            assertThat(verified.ok()).as(verified.firstProblem()).isTrue();
            assertThat(entry(bundle, "events.jsonl")).contains("\"type\":\"robot.error\"")
                    .contains("\"phase\":\"RAISED\"").contains("\"durationSeconds\":6.5,");
        }
    }

    @Test
    void anErrorFlappingEveryStateIsOneRaisedAndOneClearedCountingItsReturns() throws Exception {
        try (VirtualServer virtual = VirtualServer.start(data)) {
            TestServer server = virtual.api();
            withRobot(virtual, (v, robot, base) -> {
                for (int i = 0; i < 20; i++) {
                    robot.publish(with(base, i % 2 == 0 ? List.of(LIDAR) : List.of()));
                    v.advance(Duration.ofSeconds(1));
                }
                v.advance(RobotErrorEvents.DEBOUNCE);
            });
            List<JsonObject> recorded = errors(server);
            assertThat(recorded).extracting(e -> e.getString("phase")).containsExactly("RAISED", "CLEARED");
            assertThat(recorded.get(1).getInteger("recurrences")).isEqualTo(9);
            assertThat(recorded.get(1).getDouble("durationSeconds")).isEqualTo(19.0);
        }
    }

    @Test
    void aChangingDescriptionOfTheSameReferencedErrorIsStillOneError() throws Exception {
        try (VirtualServer virtual = VirtualServer.start(data)) {
            TestServer server = virtual.api();
            withRobot(virtual, (v, robot, base) -> {
                for (int celsius = 70; celsius < 75; celsius++) {
                    robot.publish(with(base, List.of(new VdaError("rosDiagnostic",
                            List.of(new ErrorReference("diagnosticName", "motor")), "motor: " + celsius + " C", null,
                            ErrorLevel.WARNING))));
                    v.advance(Duration.ofSeconds(1));
                }
            });
            assertThat(errors(server)).extracting(e -> e.getString("description")).containsExactly("motor: 70 C");
        }
    }

    @Test
    void whatTheRobotSendsIsCutToBoundsAndOnlySoManyErrorsAreTracked() throws Exception {
        try (VirtualServer virtual = VirtualServer.start(data)) {
            TestServer server = virtual.api();
            withRobot(virtual, (v, robot, base) -> {
                List<VdaError> many = new ArrayList<>();
                many.add(new VdaError("x".repeat(300), List.of(), "line one\nline two " + "y".repeat(1000), null,
                        ErrorLevel.FATAL));
                IntStream.range(0, 100).forEach(i -> many.add(VdaError.of("e" + i, ErrorLevel.WARNING, null)));
                robot.publish(with(base, many));
            });
            List<JsonObject> recorded = errors(server);
            assertThat(recorded).hasSize(RobotErrorEvents.MAX_OPEN);
            JsonObject first = recorded.get(0);
            assertThat(first.getString("errorType")).hasSize(64).endsWith("…");
            assertThat(first.getString("description")).hasSize(200).startsWith("line one line two").endsWith("…");
        }
    }
}
