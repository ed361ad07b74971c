package dev.provingground.app;

import dev.provingground.server.wiring.RunningServer;
import dev.provingground.app.demo.DemoLauncher;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.Executables;
import dev.provingground.server.support.RequiredPeer;
import dev.provingground.server.support.TestServer;
import dev.provingground.sim.demo.DemoFleet;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server started with {@code --tls-cert}/{@code --tls-key} (a CA and a server certificate made by openssl for this
 * run), and the demo started with {@code --tls} (a certificate it makes itself), serve HTTPS and MQTTS on real loopback
 * sockets: {@code curl --cacert} and {@code mosquitto_pub --cafile} connect and are served, the demo's own robots, lift
 * cars and operator connect trusting its CA, while plain HTTP and plain MQTT to the same ports get no answer.
 */
class TlsIT {

    @TempDir
    Path dir;
    RunningServer running;
    Path ca;
    String https;
    int mqttPort;
    String operatorToken;

    @BeforeEach
    void needsTheClients() {
        for (String tool : List.of("openssl", "curl", "mosquitto_pub"))
            RequiredPeer.assume(Executables.find(tool, Path.of("/usr/bin", tool)).isPresent(), tool + " (on PATH)",
                    "apt-get install " + (tool.startsWith("mosquitto") ? "mosquitto-clients" : tool));
    }

    /** {@code serve} with a CA and a server certificate made by openssl for this run. */
    private void serveWithOpensslCertificates() throws Exception {
        ca = dir.resolve("ca.pem");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Proving Ground test CA",
                "-keyout", dir.resolve("ca.key").toString(), "-out", ca.toString());
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                "-keyout", dir.resolve("server.key").toString(), "-out", dir.resolve("server.csr").toString());
        Files.writeString(dir.resolve("san.cnf"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        run("openssl", "x509", "-req", "-days", "2", "-in", dir.resolve("server.csr").toString(),
                "-CA", ca.toString(), "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial",
                "-extfile", dir.resolve("san.cnf").toString(), "-out", dir.resolve("server.pem").toString());

        ServerOptions options = new ServerOptions();
        new CommandLine(options).parseArgs("--data", dir.resolve("data").toString(), "--bind", "127.0.0.1",
                "--http-port", "0", "--mqtt-port", "0", "--tls-cert", dir.resolve("server.pem").toString(),
                "--tls-key", dir.resolve("server.key").toString());
        running = RunningServer.start(options.resolve(Map.of()), List.of(TestServer.testSite()));
        https = "https://localhost:" + running.server().httpPort();
        mqttPort = running.server().mqttPort();
        operatorToken = Files.readString(running.server().operatorTokenFile()).trim();
    }

    @Test
    void curlAndMosquittoPubConnectWithTheCaWhilePlainConnectionsToTheTlsPortsAreRefused() throws Exception {
        serveWithOpensslCertificates();
        Result health = run("curl", "-sS", "--cacert", ca.toString(), https + "/api/v1/health");
        assertThat(new JsonObject(health.out()).getString("status")).isEqualTo("UP");

        Result firm = curlJson("POST", "/api/v1/firms", new JsonObject().put("id", "acme").put("name", "Acme"));
        assertThat(firm.exit()).isZero();
        JsonObject robot = new JsonObject(curlJson("POST", "/api/v1/robots", new JsonObject().put("manufacturer", "Acme")
                .put("serialNumber", "A-1").put("firm", "acme").put("profile", "indoor-delivery").put("site", "test"))
                .out()).getJsonObject("robot");
        String connection = new JsonObject().put("headerId", 1).put("timestamp", Instant.now().toString())
                .put("version", "2.1.0").put("manufacturer", "Acme").put("serialNumber", "A-1")
                .put("connectionState", "ONLINE").encode();
        publishOverTlsAndSeePlainConnectionsRefused(robot.getJsonObject("mqtt"), "uagv/v2/Acme/A-1/connection",
                connection, "the server handled the message sent over MQTTS", () -> handledMessages().equals("1"));
        assertThat(handledMessages()).as("the refused plain MQTT client never got as far as a message").isEqualTo("1");
    }

    /** Each test's server (and the demo's robots, cars and agents on it) stops with the test: left running, it would
     *  keep the fork's cores busy and write into a deleted temporary directory through the tests that follow. */
    @AfterEach
    void stop() {
        if (running != null) running.stop();
    }

    @Test
    void theDemoWithItsOwnCertificateServesItsFleetAndCurlAndMosquittoPubOverTlsAndRefusesPlainConnections()
            throws Exception {
        DemoCommand command = new DemoCommand();
        new CommandLine(command).parseArgs("--tls", "--data", dir.resolve("data").toString(), "--http-port", "0",
                "--mqtt-port", "0", "--robots", "3", "--stray-every", "0");
        DemoCommand.RunningDemo demo = command.start();
        running = demo.running();
        ca = demo.endpoint().caFile();
        assertThat(ca).isEqualTo(dir.resolve("data").resolve("tls").resolve("ca.pem").toAbsolutePath().normalize());
        https = "https://localhost:" + running.server().httpPort();
        mqttPort = running.server().mqttPort();
        operatorToken = demo.endpoint().operatorToken();

        // The demo's own clients trust its CA: every robot it registered (simulated, and ROS robots through the
        // agent) is online over MQTTS, and both lift cars report over MQTTS.
        Await.until("every demo robot online over MQTTS", Duration.ofSeconds(60), () -> robots().stream()
                .filter(r -> "ONLINE".equals(r.getString("connection"))).map(r -> r.getString("id")).toList()
                .containsAll(demo.demo().robotIds()));
        assertThat(demo.demo().robotIds()).hasSize(3 + DemoLauncher.ROS_ROBOTS);
        Await.until("both lift cars reporting over MQTTS", Duration.ofSeconds(30), () -> liftCarModes().size() == 2);

        assertThat(new JsonObject(run("curl", "-sS", "--cacert", ca.toString(), https + "/api/v1/health").out())
                .getString("status")).isEqualTo("UP");
        curlJson("POST", "/api/v1/firms", new JsonObject().put("id", "acme").put("name", "Acme"));
        JsonObject mqtt = new JsonObject(curlJson("POST", "/api/v1/robots", new JsonObject().put("manufacturer", "Acme")
                .put("serialNumber", "A-1").put("firm", "acme").put("profile", "indoor-delivery").put("site", "demo"))
                .out()).getJsonObject("robot").getJsonObject("mqtt");
        String robotId = mqtt.getString("username");
        DemoFleet.RobotPlan spot = DemoFleet.plan(demo.site(), 1).get(0);
        SimRobot robot = new SimRobot("Acme", "A-1", ProfileCatalog.builtIn().require("indoor-delivery"), spot.level(),
                spot.start().x() + 0.25, spot.start().y(), 0, 70);
        String state = new String(new Vda5050Codec().encode(robot.state().withHeader(
                new HeaderCounter("Acme", "A-1", Clock.systemUTC()).next(Topic.STATE))), StandardCharsets.UTF_8);
        publishOverTlsAndSeePlainConnectionsRefused(mqtt, "uagv/v2/Acme/A-1/state", state,
                "the position sent over MQTTS on the robot's record", () -> positionX(robotId) == spot.start().x() + 0.25);
    }

    /**
     * {@code mosquitto_pub --cafile} publishes {@code message} with the robot's login and it arrives; the same without
     * {@code --cafile} (plain MQTT), plain HTTP to the HTTPS port, and HTTPS without trusting the CA are refused.
     */
    private void publishOverTlsAndSeePlainConnectionsRefused(JsonObject login, String topic, String message,
                                                             String arrival, BooleanSupplier arrived) throws Exception {
        List<String> publish = List.of("mosquitto_pub", "-h", "localhost", "-p", String.valueOf(mqttPort), "-q", "1",
                "-i", "tls-it-A-1", "-u", login.getString("username"), "-P", login.getString("password"), "-t", topic,
                "-m", message);
        List<String> overTls = new ArrayList<>(publish);
        overTls.addAll(List.of("--cafile", ca.toString()));
        Result published = exec(overTls);
        assertThat(published.exit()).as("mosquitto_pub --cafile: %s", published.out()).isZero();
        Await.until(arrival, Duration.ofSeconds(10), arrived);

        assertThat(exec(publish).exit()).as("plain MQTT to the MQTTS port").isNotZero();
        assertThat(exec(List.of("curl", "-sS", "-m", "10", "http://127.0.0.1:" + running.server().httpPort()
                + "/api/v1/health")).exit()).as("plain HTTP to the HTTPS port").isNotZero();
        assertThat(exec(List.of("curl", "-sS", "-m", "10", https + "/api/v1/health")).exit())
                .as("HTTPS without trusting the CA").isNotZero();
    }

    private List<JsonObject> robots() {
        try {
            return new JsonObject(run("curl", "-sS", "--cacert", ca.toString(), "-H", "Authorization: Bearer "
                    + operatorToken, https + "/api/v1/robots").out()).getJsonArray("robots").stream()
                    .map(JsonObject.class::cast).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The x of the robot's last position on record, NaN while it has none. */
    private double positionX(String robotId) {
        return robots().stream().filter(r -> r.getString("id").equals(robotId) && r.getJsonObject("position") != null)
                .mapToDouble(r -> r.getJsonObject("position").getDouble("x")).findFirst().orElse(Double.NaN);
    }

    /** The demo site's lift cars that have reported a state, with the mode they report. */
    private Map<String, String> liftCarModes() {
        try {
            Map<String, String> modes = new HashMap<>();
            new JsonObject(run("curl", "-sS", "--cacert", ca.toString(), "-H", "Authorization: Bearer " + operatorToken,
                    https + "/api/v1/sites/demo/elevators").out()).getJsonArray("elevators").stream()
                    .map(JsonObject.class::cast).flatMap(e -> e.getJsonArray("cars").stream())
                    .map(JsonObject.class::cast).filter(c -> c.getJsonObject("state") != null)
                    .forEach(c -> modes.put(c.getString("id"), c.getJsonObject("state").getString("mode")));
            return modes;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** {@code pg_mqtt_message_handling_seconds_count} as {@code /metrics} shows it over HTTPS. */
    private String handledMessages() {
        try {
            String metrics = run("curl", "-sS", "--cacert", ca.toString(), "-H", "Authorization: Bearer " + operatorToken,
                    https + "/metrics").out();
            Matcher m = Pattern.compile("(?m)^pg_mqtt_message_handling_seconds_count (\\S+)$").matcher(metrics);
            return m.find() ? m.group(1).replaceAll("\\.0$", "") : "absent";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Result curlJson(String method, String path, JsonObject body) throws Exception {
        return run("curl", "-sS", "--fail-with-body", "--cacert", ca.toString(), "-X", method,
                "-H", "Authorization: Bearer " + operatorToken, "-H", "Content-Type: application/json",
                "--data", body.encode(), https + path);
    }

    private record Result(int exit, String out) {
    }

    /** Runs a command that must succeed. */
    private Result run(String... command) throws Exception {
        Result r = exec(List.of(command));
        if (r.exit() != 0) throw new AssertionError(String.join(" ", command) + " exited " + r.exit() + ": " + r.out());
        return r;
    }

    private Result exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
