package dev.provingground.server.mqtt;

import dev.provingground.server.registry.Robot;
import dev.provingground.vda5050.TopicAddress;

import java.time.Instant;

/**
 * One message from a robot on its way through the pipeline (the context object of Hono's adapters).
 *
 * @param robot    the robot it is from: the authenticated one (embedded) or the one its topic names (external)
 * @param fromWill the server is acting on the robot's last will after its link dropped
 */
public record InboundMessage(TopicAddress address, byte[] payload, Robot robot, Instant receivedAt, boolean fromWill) {
}
