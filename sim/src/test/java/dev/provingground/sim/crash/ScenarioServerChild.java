package dev.provingground.sim.crash;

import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.TestServer;
import dev.provingground.sim.demo.DemoSite;

import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link ServerKilledMidScenarioTest}: a fleet server on the demo building with its MQTT
 * endpoint on a fixed port, so robots and lifts find it again after a restart. Prints its HTTP port and operator
 * token, then serves until it is killed.
 */
public final class ScenarioServerChild {

    public static void main(String[] args) throws Exception {
        TestServer server = TestServer.start(Path.of(args[0]), MqttConfig.defaults().withPort(Integer.parseInt(args[1])),
                List.of(DemoSite.load()));
        System.out.println("READY " + server.server.httpPort() + " " + server.operatorToken);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
