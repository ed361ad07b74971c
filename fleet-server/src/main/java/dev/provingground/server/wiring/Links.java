package dev.provingground.server.wiring;

import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.elevator.LiftCredentials;
import dev.provingground.server.elevator.LiftLink;
import dev.provingground.server.mqtt.InboundPipeline;
import dev.provingground.server.mqtt.LiftStateInbound;
import dev.provingground.server.mqtt.RejectionLog;
import dev.provingground.server.mqtt.RobotTransport;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.time.Scheduler;
import dev.provingground.server.lanes.RobotLanes;
import io.vertx.core.Vertx;

import java.time.Clock;
import dev.provingground.server.auth.LoginGuard;

/**
 * How robots and elevator car controllers reach the server. Production uses MQTT ({@link #MQTT}: the embedded
 * endpoint or an external broker, as configured); whatever carries the bytes, robot messages go through the
 * {@link InboundPipeline} and car states through {@link LiftStateInbound}, so everything above is the same.
 */
public interface Links {

    /** MQTT as {@link MqttConfig#mode()} says. */
    Links MQTT = new MqttLinks();

    RobotTransport robots(RobotSide side);

    /** Called once the robot transport exists, which in embedded mode also takes the controllers' logins. */
    LiftLink lifts(RobotTransport robots, LiftSide side);

    /** What a robot transport is built from; whatever carries the bytes hands each robot's messages to its lane. */
    record RobotSide(Vertx vertx, MqttConfig mqtt, RobotRegistry registry, InboundPipeline pipeline,
                     RejectionLog rejections, Clock clock, Scheduler scheduler, LoginGuard logins, RobotLanes lanes) {
    }

    /** What a lift link is built from. */
    record LiftSide(LiftStateInbound states, LiftCredentials credentials, RejectionLog rejections, MqttConfig mqtt) {
    }
}
