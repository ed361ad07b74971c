package dev.provingground.server.config;

/**
 * @param host         interface to bind; 0.0.0.0 so a trial zone's LAN reaches the console
 * @param port         0 picks a free port (tests)
 * @param maxBodyBytes largest accepted request body; zone sets and sites are the big ones
 */
public record HttpConfig(String host, int port, long maxBodyBytes) {

    public HttpConfig {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("http.host: required");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("http.port: must be 0..65535, got " + port);
        if (maxBodyBytes < 1024) throw new IllegalArgumentException("http.maxBodyBytes: must be >= 1024, got " + maxBodyBytes);
    }

    public static HttpConfig defaults() {
        return new HttpConfig("0.0.0.0", 8080, 16L * 1024 * 1024);
    }

    public HttpConfig withPort(int p) {
        return new HttpConfig(host, p, maxBodyBytes);
    }

    public HttpConfig withHost(String h) {
        return new HttpConfig(h, port, maxBodyBytes);
    }
}
