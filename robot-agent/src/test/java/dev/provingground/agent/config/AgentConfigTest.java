package dev.provingground.agent.config;

import dev.provingground.agent.frames.MapFrames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AgentConfigTest {

    static JsonObject minimal() {
        return new JsonObject().put("manufacturer", "Acme").put("serialNumber", "R-1")
                .put("maps", new JsonArray().add(new JsonObject().put("rosMap", "floor1").put("levelMapId", "L1")));
    }

    @Test
    void aMinimalFileGetsSensibleDefaultsForANav2Robot() {
        AgentConfig c = AgentConfig.parse(minimal());
        assertThat(c.ros().flavour()).isEqualTo(AgentConfig.Flavour.NAV2);
        assertThat(c.ros().poseTopic()).isEqualTo("/amcl_pose");
        assertThat(c.ros().poseType()).isEqualTo("geometry_msgs/msg/PoseWithCovarianceStamped");
        assertThat(c.ros().throughPoses()).isTrue();
        assertThat(c.mqtt().port()).isEqualTo(1883);
        assertThat(c.rosbridge().uri()).isEqualTo("ws://127.0.0.1:9090");
        assertThat(c.stateIntervalSeconds()).isEqualTo(1.0);
        assertThat(c.backfill().maxSamples()).isEqualTo(100_000);
        assertThat(c.mapFrames().first().transform().scale()).isEqualTo(1.0);
    }

    @Test
    void aMoveBaseRobotGetsRosOneTypesAndDrivesOnePoseAtATime() {
        AgentConfig c = AgentConfig.parse(minimal().put("ros", new JsonObject().put("flavour", "move_base")));
        assertThat(c.ros().poseType()).isEqualTo("geometry_msgs/PoseWithCovarianceStamped");
        assertThat(c.ros().throughPoses()).isFalse();
        assertThatThrownBy(() -> AgentConfig.parse(minimal().put("ros", new JsonObject().put("flavour", "MOVE_BASE")
                .put("throughPoses", true)))).hasMessageContaining("ros.throughPoses");
    }

    @Test
    void aMapGivenByTwoPointPairsIsFittedAtLoadAndKeepsItsResidual() {
        JsonArray pairs = new JsonArray()
                .add(new JsonObject().put("ros", new JsonObject().put("x", 0).put("y", 0)).put("level", new JsonObject().put("x", 10).put("y", 5)))
                .add(new JsonObject().put("ros", new JsonObject().put("x", 4).put("y", 0)).put("level", new JsonObject().put("x", 10).put("y", 9)));
        JsonObject json = minimal().put("maps", new JsonArray().add(new JsonObject().put("rosMap", "f1")
                .put("levelMapId", "L1").put("pointPairs", pairs)));
        MapFrames.RosMap map = AgentConfig.parse(json).mapFrames().first();
        assertThat(map.transform().yaw()).isCloseTo(Math.PI / 2, within(1e-9));
        assertThat(map.transform().x()).isCloseTo(10, within(1e-9));
        assertThat(map.fit().rmsResidual()).isCloseTo(0, within(1e-9));
    }

    @Test
    void theLinkIsPlainMqttUnlessTlsIsAskedForAndACaFileTurnsTlsOn() throws Exception {
        assertThat(AgentConfig.parse(minimal()).mqtt().tls()).isEqualTo(AgentConfig.Tls.none());
        assertThat(AgentConfig.parse(minimal().put("mqtt", new JsonObject().put("tls", new JsonObject()
                .put("enabled", true)))).mqtt().tls()).isEqualTo(new AgentConfig.Tls(true, null));
        Path ca = Path.of(getClass().getResource("/tls/ca.pem").toURI());
        assertThat(AgentConfig.parse(minimal().put("mqtt", new JsonObject().put("tls", new JsonObject()
                .put("caFile", ca.toString())))).mqtt().tls()).isEqualTo(new AgentConfig.Tls(true, ca));
    }

    @Test
    void aCaFileThatIsMissingOrHoldsNoCertificateIsRefusedAtLoadNamingTheSetting(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("absent.pem");
        assertThatThrownBy(() -> AgentConfig.parse(withCaFile(missing)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mqtt.tls.caFile: cannot read")
                .hasMessageContaining("absent.pem");
        Path notPem = Files.writeString(dir.resolve("robot.json"), "{\"not\": \"a certificate\"}");
        assertThatThrownBy(() -> AgentConfig.parse(withCaFile(notPem)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mqtt.tls.caFile");
        Path ca = Path.of(getClass().getResource("/tls/ca.pem").toURI());
        assertThatThrownBy(() -> AgentConfig.parse(minimal().put("mqtt", new JsonObject().put("tls", new JsonObject()
                .put("enabled", false).put("caFile", ca.toString())))))
                .hasMessageContaining("mqtt.tls.enabled is false but mqtt.tls.caFile is set");
    }

    private static JsonObject withCaFile(Path caFile) {
        return minimal().put("mqtt", new JsonObject().put("tls", new JsonObject().put("caFile", caFile.toString())));
    }

    @Test
    void wrongSettingsAreNamedWithTheirPath() {
        assertThatThrownBy(() -> AgentConfig.parse(minimal().put("mqtt", new JsonObject().put("prot", 1))))
                .hasMessageContaining("unknown setting mqtt.prot");
        assertThatThrownBy(() -> AgentConfig.parse(minimal().put("mqtt", new JsonObject().put("port", "x"))))
                .hasMessageContaining("mqtt.port must be a whole number");
        assertThatThrownBy(() -> AgentConfig.parse(minimal().remove("serialNumber") == null ? null : minimal().put("serialNumber", "")))
                .hasMessageContaining("serialNumber is required");
        assertThatThrownBy(() -> AgentConfig.parse(minimal().put("rosbridge", new JsonObject().put("uri", "http://robot:9090"))))
                .hasMessageContaining("rosbridge.uri must be ws://");
        assertThatThrownBy(() -> AgentConfig.parse(minimal().put("maps", new JsonArray())))
                .hasMessageContaining("maps is required");
        assertThatThrownBy(() -> AgentConfig.parse(minimal().put("actions", new JsonObject()
                .put("trayHandover", new JsonObject().put("service", "/s").put("action", "/a")))))
                .hasMessageContaining("actions.trayHandover");
        JsonObject onePair = minimal().put("maps", new JsonArray().add(new JsonObject().put("rosMap", "f1").put("levelMapId", "L1")
                .put("pointPairs", new JsonArray().add(new JsonObject().put("ros", new JsonObject().put("x", 0).put("y", 0))
                        .put("level", new JsonObject().put("x", 0).put("y", 0))))));
        assertThatThrownBy(() -> AgentConfig.parse(onePair)).hasMessageContaining("at least two pairs");
    }

    @Test
    void theHelpNamesEverySettingTheReaderKnows() {
        String table = ConfigHelp.table();
        for (String name : new String[]{"mqtt.host", "mqtt.password", "rosbridge.uri", "ros.poseTopic", "ros.estopTopic",
                "ros.operatingModeTopic", "ros.moveBaseNamespace", "mqtt.tls.caFile", "maps[].pointPairs", "actions.<actionType>.service",
                "stateIntervalSeconds", "visualizationIntervalSeconds", "backfill.maxSamples", "problemErrorSeconds"}) {
            assertThat(table).contains(name);
        }
        assertThat(ConfigHelp.SETTINGS).hasSize(53);
    }
}
