package dev.provingground.server.mqtt;

import dev.provingground.server.lifecycle.Lifecycle;
import dev.provingground.server.registry.Robot;
import dev.provingground.vda5050.Topic;
import io.vertx.core.Future;

/**
 * The way messages reach robots and come back from them: the embedded MQTT endpoint or an external broker.
 * Everything above it (pipeline, registry, order sending) is the same in both modes.
 */
public interface RobotTransport extends Lifecycle {

    /** Publishes a server-to-robot message ({@code order}, {@code instantActions}). */
    Future<Void> publish(Robot robot, Topic topic, byte[] payload);

    /** Stops taking messages; robots are disconnected (embedded) or the broker session is closed (external). */
    @Override
    Future<Void> stop();

    /** The port robots connect to (embedded), or the broker's port (external). */
    int port();
}
