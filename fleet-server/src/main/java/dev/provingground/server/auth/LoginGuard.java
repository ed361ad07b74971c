package dev.provingground.server.auth;

import dev.provingground.server.config.LoginConfig;
import dev.provingground.server.metrics.ServerMetrics;
import io.micrometer.core.instrument.Counter;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Every login of the server passes here, HTTP bearer tokens and MQTT passwords alike: an address that failed too
 * often is refused before its credentials are even read ({@link LoginThrottle}); each failure is logged on one line
 * (address and kind of credential, never the secret) and counted for {@code /metrics}
 * ({@code pg_login_failures_total{kind}}, {@code pg_login_blocked_total{kind}}): the one count of failed logins.
 */
public final class LoginGuard {

    private static final Logger LOG = Logger.getLogger("dev.provingground.server.auth.logins");

    /** Which credential failed. */
    public enum Kind {
        HTTP_TOKEN, MQTT_PASSWORD;

        public String metricName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final LoginThrottle throttle;
    private final Map<Kind, Counter> failures = new EnumMap<>(Kind.class);
    private final Map<Kind, Counter> refusedWhileBlocked = new EnumMap<>(Kind.class);

    public LoginGuard(LoginConfig config, Clock clock, ServerMetrics metrics) {
        this.throttle = new LoginThrottle(config, clock);
        for (Kind k : Kind.values()) {
            failures.put(k, metrics.loginFailure(k.metricName()));
            refusedWhileBlocked.put(k, metrics.loginBlocked(k.metricName()));
        }
    }

    /**
     * @return how long the address is still blocked (zero: it may try); a blocked attempt is counted, its credentials
     *         are not looked at
     */
    public Duration admit(Kind kind, String address) {
        Duration blocked = throttle.blockedFor(address);
        if (!blocked.isZero()) refusedWhileBlocked.get(kind).increment();
        return blocked;
    }

    /** @param why what was wrong, without the secret (e.g. "unknown token", "over-long client id") */
    public void failed(Kind kind, String address, String why) {
        failures.get(kind).increment();
        Duration block = throttle.failed(address);
        LOG.warning(() -> "failed login: " + kind.metricName() + " from " + address + ": " + why
                + (block.isZero() ? "" : "; address blocked for " + block.toMillis() + " ms"));
    }

    public void succeeded(String address) {
        throttle.succeeded(address);
    }
}
