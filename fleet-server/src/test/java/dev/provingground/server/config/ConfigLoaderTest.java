package dev.provingground.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsRunAnEmbeddedServer() {
        ServerConfig c = new ConfigLoader().load(null, Map.of());
        assertThat(c).isEqualTo(ServerConfig.defaults());
        assertThat(c.mqtt().mode()).isEqualTo(MqttConfig.Mode.EMBEDDED);
        assertThat(c.mqtt().port()).isEqualTo(1883);
        assertThat(c.mqtt().maxMessageSize()).isEqualTo(256 * 1024);
        assertThat(c.http().port()).isEqualTo(8080);
    }

    @Test
    void robotLanesDefaultToOnePerCoreAndABadCountIsNamed() {
        assertThat(ServerConfig.defaults().mqtt().robotLanes()).isZero();
        assertThat(ServerConfig.defaults().mqtt().lanesFor(8)).isEqualTo(8);
        assertThat(ServerConfig.defaults().mqtt().lanesFor(1)).isEqualTo(1);
        ServerConfig one = new ConfigLoader().load(null, Map.of("PG_MQTT_ROBOT_LANES", "1"));
        assertThat(one.mqtt().lanesFor(8)).isEqualTo(1);
        assertThat(one.mqtt().withPort(1884).withHost("::1").robotLanes()).as("kept by the other withers").isEqualTo(1);
        assertThatThrownBy(() -> new ConfigLoader().load(null, Map.of("PG_MQTT_ROBOT_LANES", "-2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mqtt.robotLanes")
                .hasMessageContaining("got -2");
    }

    @Test
    void fileOverridesDefaultsAndEnvironmentOverridesTheFile() throws Exception {
        Path file = dir.resolve("pg.json");
        Files.writeString(file, """
                {"dataDir": "/srv/pg", "mqtt": {"mode": "EXTERNAL", "host": "broker", "port": 1884},
                 "sites": ["a.json"]}
                """);
        ServerConfig c = new ConfigLoader().load(file, Map.of("PG_MQTT_PORT", "2883", "PG_MQTT_MAX_MESSAGE_SIZE",
                "65536", "PG_SITES", "b.json, c.json"));
        assertThat(c.dataDir()).isEqualTo(Path.of("/srv/pg"));
        assertThat(c.mqtt().mode()).isEqualTo(MqttConfig.Mode.EXTERNAL);
        assertThat(c.mqtt().host()).isEqualTo("broker");
        assertThat(c.mqtt().port()).isEqualTo(2883);
        assertThat(c.mqtt().maxMessageSize()).isEqualTo(65536);
        assertThat(c.sites()).containsExactly(Path.of("b.json"), Path.of("c.json"));
        assertThat(c.http().port()).isEqualTo(8080);
    }

    @Test
    void tlsAndTokenSettingsComeFromTheEnvironmentAndACertificateWithoutItsKeyIsNamed() {
        ServerConfig c = new ConfigLoader().load(null, Map.of("PG_TLS_CERT_FILE", "/etc/pg/cert.pem",
                "PG_TLS_KEY_FILE", "/etc/pg/key.pem", "PG_AUTH_TOKEN_LIFETIME_DAYS", "30",
                "PG_AUTH_METRICS_OPEN_ON_LOOPBACK", "true"));
        assertThat(c.tls()).isEqualTo(new TlsConfig(Path.of("/etc/pg/cert.pem"), Path.of("/etc/pg/key.pem")));
        assertThat(c.auth()).isEqualTo(new AuthConfig(30, true));
        assertThat(ServerConfig.defaults().tls().enabled()).isFalse();
        assertThatThrownBy(() -> new ConfigLoader().load(null, Map.of("PG_TLS_CERT_FILE", "/etc/pg/cert.pem")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tls").hasMessageContaining("keyFile");
    }

    @Test
    void environmentNamesFollowTheSettingPath() {
        assertThat(ConfigLoader.envName("mqtt.maxMessageSize")).isEqualTo("PG_MQTT_MAX_MESSAGE_SIZE");
        assertThat(ConfigLoader.envName("dataDir")).isEqualTo("PG_DATA_DIR");
    }

    @Test
    void unknownSettingIsNamed() throws Exception {
        Path file = dir.resolve("pg.json");
        Files.writeString(file, "{\"mqtt\": {\"prot\": 1}}");
        assertThatThrownBy(() -> new ConfigLoader().load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("pg.json").hasMessageContaining("mqtt.prot").hasMessageContaining("unknown setting");
    }

    @Test
    void badValuesAreNamed() throws Exception {
        assertThatThrownBy(() -> new ConfigLoader().load(null, Map.of("PG_MQTT_PORT", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mqtt.port");
        assertThatThrownBy(() -> new ConfigLoader().load(null, Map.of("PG_HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.port");
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"dataDir\": ");
        assertThatThrownBy(() -> new ConfigLoader().load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("broken.json").hasMessageContaining("line 1");
    }
}
