package dev.provingground.server.config;

/**
 * How robots reach the server.
 *
 * @param mode           EMBEDDED: the server listens for robots itself; EXTERNAL: it is a client of a broker
 * @param host           EMBEDDED: interface to bind; EXTERNAL: broker host
 * @param port           EMBEDDED: port to listen on (0 = free port); EXTERNAL: broker port
 * @param maxMessageSize largest MQTT message accepted, bytes. VDA 5050 states with long node lists exceed
 *                       vertx-mqtt's 8 KiB default, hence 256 KiB.
 * @param username       EXTERNAL: the server's own broker login (null = anonymous)
 * @param password       EXTERNAL: its password
 * @param clientId       EXTERNAL: the server's MQTT client id
 * @param reconnectMillis EXTERNAL: pause between attempts to reach a lost broker
 * @param maxConnections EMBEDDED: logged-in robots and lift controllers at once; a CONNECT beyond is refused
 *                       (server unavailable)
 * @param robotLanes     event loops robot traffic is spread over, each robot on one of them (its messages stay in
 *                       order); 0 = automatic ({@link #lanesFor}), 1 = everything on the server's own event loop
 */
public record MqttConfig(Mode mode, String host, int port, int maxMessageSize, String username, String password,
                         String clientId, long reconnectMillis, int maxConnections, int robotLanes) {

    public enum Mode { EMBEDDED, EXTERNAL }

    public MqttConfig {
        if (mode == null) throw new IllegalArgumentException("mqtt.mode: required (EMBEDDED or EXTERNAL)");
        if (host == null || host.isBlank()) throw new IllegalArgumentException("mqtt.host: required");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("mqtt.port: must be 0..65535, got " + port);
        if (maxMessageSize < 1024)
            throw new IllegalArgumentException("mqtt.maxMessageSize: must be >= 1024, got " + maxMessageSize);
        if (clientId == null || clientId.isBlank()) clientId = "proving-ground-server";
        if (reconnectMillis < 100)
            throw new IllegalArgumentException("mqtt.reconnectMillis: must be >= 100, got " + reconnectMillis);
        if (maxConnections < 1)
            throw new IllegalArgumentException("mqtt.maxConnections: must be >= 1, got " + maxConnections);
        if (robotLanes < 0 || robotLanes > MAX_ROBOT_LANES)
            throw new IllegalArgumentException("mqtt.robotLanes: must be 0 (automatic) to " + MAX_ROBOT_LANES
                    + ", got " + robotLanes);
    }

    /** More lanes than this only queue behind one another: Vert.x has two event loops per core. */
    static final int MAX_ROBOT_LANES = 256;

    static final int DEFAULT_MAX_CONNECTIONS = 5000;

    /** With the default connection limit and robot lanes. */
    public MqttConfig(Mode mode, String host, int port, int maxMessageSize, String username, String password,
                      String clientId, long reconnectMillis) {
        this(mode, host, port, maxMessageSize, username, password, clientId, reconnectMillis, DEFAULT_MAX_CONNECTIONS,
                0);
    }

    /** With the default robot lanes. */
    public MqttConfig(Mode mode, String host, int port, int maxMessageSize, String username, String password,
                      String clientId, long reconnectMillis, int maxConnections) {
        this(mode, host, port, maxMessageSize, username, password, clientId, reconnectMillis, maxConnections, 0);
    }

    /**
     * The lanes robot traffic runs on on a machine with {@code cores} cores. Automatic: one per core. (On a machine
     * whose cores are all busy anyway, one loop spends less CPU on handing messages over: docs/BENCHMARKS.md, Ingest.)
     */
    public int lanesFor(int cores) {
        return robotLanes == 0 ? Math.max(1, cores) : robotLanes;
    }

    public static MqttConfig defaults() {
        return new MqttConfig(Mode.EMBEDDED, "0.0.0.0", 1883, 256 * 1024, null, null, "proving-ground-server", 2000);
    }

    public static MqttConfig external(String host, int port) {
        return new MqttConfig(Mode.EXTERNAL, host, port, 256 * 1024, null, null, "proving-ground-server", 2000);
    }

    public MqttConfig withPort(int p) {
        return new MqttConfig(mode, host, p, maxMessageSize, username, password, clientId, reconnectMillis,
                maxConnections, robotLanes);
    }

    public MqttConfig withHost(String h) {
        return new MqttConfig(mode, h, port, maxMessageSize, username, password, clientId, reconnectMillis,
                maxConnections, robotLanes);
    }

    public MqttConfig withMaxMessageSize(int size) {
        return new MqttConfig(mode, host, port, size, username, password, clientId, reconnectMillis,
                maxConnections, robotLanes);
    }

    public MqttConfig withRobotLanes(int lanes) {
        return new MqttConfig(mode, host, port, maxMessageSize, username, password, clientId, reconnectMillis,
                maxConnections, lanes);
    }
}
