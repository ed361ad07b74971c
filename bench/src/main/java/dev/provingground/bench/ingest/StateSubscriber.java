package dev.provingground.bench.ingest;

import dev.provingground.bench.SetUp;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

import java.util.concurrent.atomic.LongAdder;

/** The one subscriber of the Mosquitto baseline: counts every robot state the broker forwards to it. */
final class StateSubscriber implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final LongAdder received = new LongAdder();

    StateSubscriber(int port) {
        MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId("bench-ingest-subscriber")
                .setMaxMessageSize(256 * 1024).setKeepAliveInterval(60));
        client.publishHandler(m -> received.increment());
        try {
            SetUp.await(client.connect(port, "127.0.0.1").compose(ack -> client.subscribe("uagv/v2/+/+/state", 0)),
                    30, "the Mosquitto subscriber");
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    long received() {
        return received.sum();
    }

    @Override
    public void close() {
        SetUp.await(vertx.close(), 30, "closing the Mosquitto subscriber");
    }
}
