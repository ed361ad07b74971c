package dev.provingground.server.wiring;

import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.elevator.LiftLink;
import dev.provingground.server.mqtt.EmbeddedMqttEndpoint;
import dev.provingground.server.mqtt.ExternalBrokerLink;
import dev.provingground.server.mqtt.ExternalLiftLink;
import dev.provingground.server.mqtt.LiftControllerEndpoint;
import dev.provingground.server.mqtt.RobotTransport;

/**
 * Robots and controllers over MQTT. Elevator controllers use the robots' link: in embedded mode they log in to the
 * endpoint with their own credentials; in external mode the broker carries their topics on the server's one broker
 * session.
 */
final class MqttLinks implements Links {

    @Override
    public RobotTransport robots(RobotSide s) {
        return s.mqtt().mode() == MqttConfig.Mode.EMBEDDED
                ? new EmbeddedMqttEndpoint(s.vertx(), s.mqtt(), s.registry(), s.pipeline(), s.rejections(), s.logins(),
                        s.clock(), s.lanes())
                : new ExternalBrokerLink(s.vertx(), s.mqtt(), s.registry(), s.pipeline(), s.rejections(), s.clock(),
                        s.scheduler(), s.lanes());
    }

    @Override
    public LiftLink lifts(RobotTransport robots, LiftSide s) {
        if (robots instanceof EmbeddedMqttEndpoint embedded) {
            LiftControllerEndpoint controllers = new LiftControllerEndpoint(s.credentials(), s.states(), s.rejections(),
                    s.mqtt().maxMessageSize());
            embedded.acceptLiftControllers(controllers);
            return controllers;
        }
        return new ExternalLiftLink((ExternalBrokerLink) robots, s.states(), s.rejections());
    }
}
