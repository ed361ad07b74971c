package dev.provingground.server.config;

/**
 * @param host         interface to bind; 0.0.0.0 so a trial zone's LAN reaches the console
 * @param port         0 picks a free port (tests)
 * @param maxBodyBytes largest accepted request body under {@code /api/v1/sites} (site documents, zone sets,
 *                     elevators): the big ones
 * @param maxCommandBodyBytes largest accepted request body everywhere else (tasks, orders, robots, firms)
 * @param maxConnections open HTTP connections at once, all addresses together; more are closed at once
 * @param maxConnectionsPerAddress open HTTP connections at once from one source address
 */
public record HttpConfig(String host, int port, long maxBodyBytes, long maxCommandBodyBytes, int maxConnections,
                         int maxConnectionsPerAddress) {

    public HttpConfig {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("http.host: required");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("http.port: must be 0..65535, got " + port);
        if (maxBodyBytes < 1024) throw new IllegalArgumentException("http.maxBodyBytes: must be >= 1024, got " + maxBodyBytes);
        if (maxCommandBodyBytes < 1024)
            throw new IllegalArgumentException("http.maxCommandBodyBytes: must be >= 1024, got " + maxCommandBodyBytes);
        if (maxConnections < 1)
            throw new IllegalArgumentException("http.maxConnections: must be >= 1, got " + maxConnections);
        if (maxConnectionsPerAddress < 1 || maxConnectionsPerAddress > maxConnections)
            throw new IllegalArgumentException("http.maxConnectionsPerAddress: must be 1..http.maxConnections ("
                    + maxConnections + "), got " + maxConnectionsPerAddress);
    }

    /** With the default command body and connection limits. */
    public HttpConfig(String host, int port, long maxBodyBytes) {
        this(host, port, maxBodyBytes, DEFAULT_COMMAND_BODY_BYTES, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_CONNECTIONS_PER_ADDRESS);
    }

    static final long DEFAULT_COMMAND_BODY_BYTES = 256 * 1024;
    static final int DEFAULT_MAX_CONNECTIONS = 4096;
    static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 256;

    public static HttpConfig defaults() {
        return new HttpConfig("0.0.0.0", 8080, 16L * 1024 * 1024);
    }

    public HttpConfig withPort(int p) {
        return new HttpConfig(host, p, maxBodyBytes, maxCommandBodyBytes, maxConnections, maxConnectionsPerAddress);
    }

    public HttpConfig withHost(String h) {
        return new HttpConfig(h, port, maxBodyBytes);
    }
}
