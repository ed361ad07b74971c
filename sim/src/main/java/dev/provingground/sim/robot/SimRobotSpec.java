package dev.provingground.sim.robot;

/**
 * Who a simulated robot is and how it logs in.
 *
 * @param username MQTT username (the robot id the server gave it), null for brokers without logins
 * @param password its MQTT password, null likewise
 */
public record SimRobotSpec(String manufacturer, String serialNumber, String profile, String username, String password,
                           String mapId, double x, double y, double theta, double batteryPercent) {
}
