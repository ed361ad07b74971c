package dev.provingground.server.config;

/**
 * How failed logins (a wrong API token, a wrong MQTT password) are slowed down, per source address: after
 * {@code failuresBeforeBlock} failures within {@code windowMillis}, further attempts from that address are refused
 * without being checked for {@code firstBlockMillis}; each further block doubles, up to {@code maxBlockMillis}.
 *
 * @param failuresBeforeBlock failed logins from one address within the window that start a block
 * @param windowMillis        how long failures are remembered towards a block
 * @param firstBlockMillis    the first block of an address
 * @param maxBlockMillis      the longest block; also how long an address must stay quiet before its blocks shrink
 *                            back to the first one
 */
public record LoginConfig(int failuresBeforeBlock, long windowMillis, long firstBlockMillis, long maxBlockMillis) {

    public LoginConfig {
        if (failuresBeforeBlock < 1)
            throw new IllegalArgumentException("logins.failuresBeforeBlock: must be >= 1, got " + failuresBeforeBlock);
        if (windowMillis < 1) throw new IllegalArgumentException("logins.windowMillis: must be >= 1, got " + windowMillis);
        if (firstBlockMillis < 1)
            throw new IllegalArgumentException("logins.firstBlockMillis: must be >= 1, got " + firstBlockMillis);
        if (maxBlockMillis < firstBlockMillis)
            throw new IllegalArgumentException("logins.maxBlockMillis: must be >= logins.firstBlockMillis ("
                    + firstBlockMillis + "), got " + maxBlockMillis);
    }

    public static LoginConfig defaults() {
        return new LoginConfig(10, 60_000, 1_000, 300_000);
    }
}
