package dev.provingground.server.wiring;

import dev.provingground.server.config.HttpConfig;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.config.ServerConfig;
import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.InProcessLink;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.server.time.VirtualClock;
import dev.provingground.server.time.VirtualScheduler;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server whose start fails part-way stops the parts it had started and lets go of its data. */
class FailedStartTest {

    @TempDir
    Path data;
    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() {
        Await.result(vertx.close());
    }

    private FleetServer server(int httpPort) {
        VirtualScheduler scheduler = new VirtualScheduler(new VirtualClock(VirtualServer.MONDAY_MORNING));
        Environment environment = new Environment(scheduler.clock(), context -> scheduler, new InProcessLink(),
                new Random(VirtualServer.SEED));
        ServerConfig config = new ServerConfig(data, new HttpConfig("127.0.0.1", httpPort, 1 << 20),
                MqttConfig.defaults().withPort(0), List.of(), null, StoreConfig.defaults());
        return new FleetServer(vertx, config, environment, List.of(TestServer.testSite()));
    }

    @Test
    void aServerThatCannotListenForHttpLetsGoOfItsDataForTheNextStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            FleetServer refused = server(taken.getLocalPort());

            assertThatThrownBy(() -> Await.result(refused.start())).hasMessageContaining("is already in use");
        }

        FleetServer next = server(0);
        Await.result(next.start());
        try {
            assertThat(next.httpPort()).isPositive();
            assertThat(next.tasks().all()).isEmpty();
        } finally {
            Await.result(next.stop());
        }
    }
}
