package dev.provingground.app;

import dev.provingground.server.config.ConfigLoader;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.config.ServerConfig;
import dev.provingground.server.config.TlsConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Server options shared by {@code serve} and {@code demo}. Precedence: defaults, then {@code --config} file, then
 * {@code PG_*} environment variables, then these flags.
 */
public final class ServerOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "JSON configuration file (see docs/CONFIGURATION.md)")
    public Path configFile;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: ./data)")
    public Path data;

    @Option(names = "--http-port", paramLabel = "N", description = "HTTP port for the API (default: 8080)")
    public Integer httpPort;

    @Option(names = "--mqtt-port", paramLabel = "N", description = "embedded MQTT endpoint port, or the broker's port with --mqtt-broker (default: 1883)")
    public Integer mqttPort;

    @Option(names = "--robot-lanes", paramLabel = "N", description = "event loops robot traffic is spread over, each robot on one (default: one per core; 1 keeps everything on one event loop)")
    public Integer robotLanes;

    @Option(names = "--mqtt-broker", paramLabel = "HOST", description = "use an external MQTT broker at HOST instead of the embedded endpoint")
    public String mqttBroker;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "interface the HTTP API and the embedded MQTT endpoint listen on, e.g. 127.0.0.1 (serve default: 0.0.0.0, every interface, so robots on the LAN reach it; demo default: 127.0.0.1)")
    public String bind;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "serve HTTPS and MQTTS with this certificate chain (PEM, leaf first); needs --tls-key")
    public Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "private key of --tls-cert (PEM, PKCS#8 or PKCS#1)")
    public Path tlsKey;

    @Option(names = "--site", paramLabel = "FILE", description = "a site file to load (repeatable)")
    public List<Path> siteFiles = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "log details")
    public boolean verbose;

    public ServerConfig resolve(Map<String, String> env) {
        ServerConfig c = new ConfigLoader().load(configFile, env);
        if (data != null) c = c.withDataDir(data);
        if (httpPort != null) c = c.withHttp(c.http().withPort(httpPort));
        if (mqttBroker != null) {
            MqttConfig m = c.mqtt();
            c = c.withMqtt(new MqttConfig(MqttConfig.Mode.EXTERNAL, mqttBroker, m.port(), m.maxMessageSize(),
                    m.username(), m.password(), m.clientId(), m.reconnectMillis(), m.maxConnections(), m.robotLanes()));
        }
        if (mqttPort != null) c = c.withMqtt(c.mqtt().withPort(mqttPort));
        if (robotLanes != null) c = c.withMqtt(c.mqtt().withRobotLanes(robotLanes));
        if (bind != null) {
            c = c.withHttp(c.http().withHost(bind));
            // With a broker, mqtt.host is where the broker is, not where the server listens.
            if (c.mqtt().mode() == MqttConfig.Mode.EMBEDDED) c = c.withMqtt(c.mqtt().withHost(bind));
        }
        if (tlsCert != null || tlsKey != null) c = c.withTls(new TlsConfig(tlsCert, tlsKey));
        if (!siteFiles.isEmpty()) {
            List<Path> all = new ArrayList<>(c.sites());
            all.addAll(siteFiles);
            c = c.withSites(all);
        }
        return c;
    }
}
