package dev.provingground.server.registry;

import dev.provingground.vda5050.ConnectionState;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The latest of what a robot reported, as the registry keeps and persists it.
 *
 * @param battery       percent, null until the first state
 * @param speed         metres per second, from the reported velocity
 * @param lastMessageAt when the last accepted message from the robot arrived
 * @param updatedAt     when anything here last changed
 * @param protocolVersion the VDA 5050 version of the robot's messages; orders are written in it
 */
public record RobotStatus(ConnectionState connection, Instant connectionChangedAt, RobotPosition position, Double battery,
                          Boolean charging, Double speed, Boolean driving, Boolean paused, String operatingMode,
                          String orderId, String lastNodeId, List<String> errors, Instant lastStateAt,
                          Instant lastMessageAt, Instant updatedAt, String protocolVersion) {

    public RobotStatus {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static RobotStatus never(Instant now) {
        return new RobotStatus(ConnectionState.OFFLINE, now, null, null, null, null, null, null, null, null, null,
                List.of(), null, null, now, null);
    }

    public RobotStatus withConnection(ConnectionState state, Instant at) {
        return new RobotStatus(state, at, position, battery, charging, speed, driving, paused, operatingMode, orderId,
                lastNodeId, errors, lastStateAt, at, at, protocolVersion);
    }

    public RobotStatus withPosition(RobotPosition p, Double newSpeed, Instant at) {
        return new RobotStatus(connection, connectionChangedAt, p, battery, charging, newSpeed, driving, paused,
                operatingMode, orderId, lastNodeId, errors, lastStateAt, at, at, protocolVersion);
    }

    /** Whether {@code other} says the same but for when (last state, last message, last update). */
    public boolean sameApartFromTimes(RobotStatus other) {
        return connection == other.connection && Objects.equals(connectionChangedAt, other.connectionChangedAt)
                && Objects.equals(position, other.position) && Objects.equals(battery, other.battery)
                && Objects.equals(charging, other.charging) && Objects.equals(speed, other.speed)
                && Objects.equals(driving, other.driving) && Objects.equals(paused, other.paused)
                && Objects.equals(operatingMode, other.operatingMode) && Objects.equals(orderId, other.orderId)
                && Objects.equals(lastNodeId, other.lastNodeId) && errors.equals(other.errors)
                && Objects.equals(protocolVersion, other.protocolVersion);
    }

    public RobotStatus withProtocolVersion(String version) {
        return version == null || version.equals(protocolVersion) ? this
                : new RobotStatus(connection, connectionChangedAt, position, battery, charging, speed, driving, paused,
                operatingMode, orderId, lastNodeId, errors, lastStateAt, lastMessageAt, updatedAt, version);
    }
}
