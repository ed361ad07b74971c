package dev.provingground.server.config;

/**
 * Bearer tokens and who may read {@code /metrics}.
 *
 * @param tokenLifetimeDays      how long a newly issued token is valid; tokens issued before keep their expiry
 * @param metricsOpenOnLoopback  true: {@code /metrics} answers without a token to callers on loopback (a local
 *                               Prometheus scraper); false (default): an operator token is required from anywhere
 */
public record AuthConfig(int tokenLifetimeDays, boolean metricsOpenOnLoopback) {

    public static final int MAX_LIFETIME_DAYS = 3650;

    public AuthConfig {
        if (tokenLifetimeDays < 1 || tokenLifetimeDays > MAX_LIFETIME_DAYS)
            throw new IllegalArgumentException("auth.tokenLifetimeDays: must be 1.." + MAX_LIFETIME_DAYS + ", got "
                    + tokenLifetimeDays);
    }

    public static AuthConfig defaults() {
        return new AuthConfig(90, false);
    }
}
