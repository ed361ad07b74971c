package dev.provingground.vda5050;

/** State of the robot's MQTT connection (topic connection). */
public enum ConnectionState {
    ONLINE, OFFLINE, CONNECTIONBROKEN
}
