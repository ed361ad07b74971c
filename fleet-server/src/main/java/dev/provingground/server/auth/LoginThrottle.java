package dev.provingground.server.auth;

import dev.provingground.server.config.LoginConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides, per source address, whether a login may be tried at all: after {@code failuresBeforeBlock} failures within
 * the window an address is blocked, first for {@code firstBlockMillis}, each further block twice as long up to
 * {@code maxBlockMillis}. Pure bookkeeping over an injected clock; {@link LoginGuard} does the counting and logging.
 *
 * <p>Bounded: at most {@link #MAX_ADDRESSES} addresses are remembered, the least recently seen forgotten first, so a
 * flood from many addresses cannot grow the heap.
 */
public final class LoginThrottle {

    static final int MAX_ADDRESSES = 10_000;

    private final LoginConfig config;
    private final Clock clock;
    private final Map<String, Record> byAddress = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    public LoginThrottle(LoginConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** How long the address is still blocked; zero when it may try. */
    public synchronized Duration blockedFor(String address) {
        Record r = byAddress.get(address);
        long now = clock.millis();
        return r == null || r.blockedUntil <= now ? Duration.ZERO : Duration.ofMillis(r.blockedUntil - now);
    }

    /** Notes a failed login; returns the block it starts, or zero when it starts none. */
    public synchronized Duration failed(String address) {
        long now = clock.millis();
        Record r = byAddress.computeIfAbsent(address, a -> new Record());
        if (r.blocks > 0 && now - r.blockedUntil > config.maxBlockMillis()) r.blocks = 0;
        if (now - r.windowStart > config.windowMillis()) {
            r.windowStart = now;
            r.failures = 0;
        }
        r.failures++;
        if (r.failures < config.failuresBeforeBlock()) return Duration.ZERO;
        long block = config.firstBlockMillis() << Math.min(r.blocks, 30);
        block = Math.min(block <= 0 ? Long.MAX_VALUE : block, config.maxBlockMillis());
        r.blocks++;
        r.blockedUntil = now + block;
        r.failures = 0;
        r.windowStart = now;
        return Duration.ofMillis(block);
    }

    /** A successful login forgets the address's failures and blocks. */
    public synchronized void succeeded(String address) {
        byAddress.remove(address);
    }

    synchronized int remembered() {
        return byAddress.size();
    }

    private static final class Record {
        long windowStart;
        int failures;
        int blocks;
        long blockedUntil;
    }
}
