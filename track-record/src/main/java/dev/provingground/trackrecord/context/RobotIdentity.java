package dev.provingground.trackrecord.context;

import java.util.List;

/**
 * A robot as the log knows it.
 *
 * @param id                  the robot id events name
 * @param firm                the firm whose robot it is
 * @param registration        what was registered; {@code null} when the log holds no registration for the robot (it
 *                            was registered before the server recorded registrations)
 * @param registered          the registration event, or {@code null}
 * @param credentialRotations every rotation of its MQTT password, oldest first
 */
public record RobotIdentity(String id, String firm, RobotRegistration registration, LogStamp registered,
                            List<LogStamp> credentialRotations) {

    public RobotIdentity {
        credentialRotations = List.copyOf(credentialRotations);
    }
}
