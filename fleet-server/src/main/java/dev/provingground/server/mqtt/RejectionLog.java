package dev.provingground.server.mqtt;

import dev.provingground.vda5050.SchemaViolation;
import dev.provingground.vda5050.Vda5050DecodeException;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import dev.provingground.server.metrics.ServerMetrics;
import io.micrometer.core.instrument.Counter;
import java.util.logging.Logger;

/**
 * Counts every rejection and logs it with its reason. A robot that keeps sending the same bad message is logged
 * once per {@code quietMillis} with how many were refused in between, so one broken robot cannot flood the log.
 * Every refusal (not only the logged ones) is also kept in {@link RecentRefusals}, for the rejections API.
 */
public final class RejectionLog {

    private static final Logger LOG = Logger.getLogger("dev.provingground.server.mqtt.rejections");

    private final Map<Rejection, Counter> counts = new EnumMap<>(Rejection.class);
    /** Log windows per client and reason; bounded, so clients that each fail once cannot grow it without end. */
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    static final int MAX_WINDOWS = 10_000;
    private final Clock clock;
    private final long quietMillis;
    private final RecentRefusals recent;

    public RejectionLog(Clock clock, long quietMillis) {
        this(clock, quietMillis, new RecentRefusals(1000));
    }

    public RejectionLog(Clock clock, long quietMillis, RecentRefusals recent) {
        this(clock, quietMillis, recent, new ServerMetrics());
    }

    /**
     * Counts into {@code metrics} ({@code pg_mqtt_rejected_total{reason}}); failed logins are counted as such by
     * {@code LoginGuard}, this only counts them among the refusals.
     */
    public RejectionLog(Clock clock, long quietMillis, RecentRefusals recent, ServerMetrics metrics) {
        this.clock = clock;
        this.quietMillis = quietMillis;
        this.recent = recent;
        for (Rejection r : Rejection.values()) counts.put(r, metrics.rejection(r.metricName()));
    }

    /**
     * A refusal that no registered robot can be held to (failed login, unknown robot, lift controller, a broker
     * topic of nobody): kept for operators only.
     *
     * @param who MQTT client id, remote address or lift
     */
    public void reject(Rejection reason, String who, String detail) {
        record(reason, who, detail, new Refusal(clock.instant(), null, null, reason, detail, List.of()));
    }

    /**
     * A refused login, counted and kept for operators; not logged here, since {@code LoginGuard} logs every failed
     * login on its own line.
     */
    public void rejectLogin(Rejection reason, String detail) {
        recent.add(new Refusal(clock.instant(), null, null, reason, detail, List.of()));
        counts.get(reason).increment();
    }

    /** A refusal of a message of the registered robot {@code robotId}, shown to its vendor too. */
    public void rejectRobot(Rejection reason, String robotId, String topic, String detail) {
        record(reason, robotId, detail, new Refusal(clock.instant(), robotId, topic, reason, detail, List.of()));
    }

    /** A robot's message that could not be decoded, with where it is wrong. */
    public void rejectUndecodable(String robotId, String topic, Vda5050DecodeException e) {
        Rejection reason = switch (e.kind()) {
            case MALFORMED_JSON -> Rejection.MALFORMED_JSON;
            case OUT_OF_BOUNDS -> Rejection.NUMBER_OUT_OF_BOUNDS;
            case INVALID_MESSAGE -> Rejection.INVALID_MESSAGE;
        };
        List<SchemaViolation> violations = reason == Rejection.MALFORMED_JSON
                ? List.of() : List.of(DecodeViolations.of(e));
        record(reason, robotId, topic + ": " + e.getMessage(),
                new Refusal(clock.instant(), robotId, topic, reason, e.getMessage(), violations));
    }

    public RecentRefusals recent() {
        return recent;
    }

    private void record(Rejection reason, String who, String detail, Refusal refusal) {
        recent.add(refusal);
        counts.get(reason).increment();
        long now = clock.millis();
        if (windows.size() >= MAX_WINDOWS) forgetQuietWindows(now);
        Window w = windows.computeIfAbsent(who + "|" + reason, k -> new Window());
        synchronized (w) {
            w.suppressed++;
            if (now - w.lastLoggedAt < quietMillis && w.lastLoggedAt != 0) return;
            long repeats = w.suppressed - 1;
            w.suppressed = 0;
            w.lastLoggedAt = now;
            LOG.warning(() -> "rejected " + reason.metricName() + " from " + who + ": " + detail
                    + (repeats > 0 ? " (" + repeats + " more like it since the last report)" : ""));
        }
    }

    /** Drops the windows whose quiet time is over (they would log at once anyway); all of them if none is. */
    private void forgetQuietWindows(long now) {
        windows.values().removeIf(w -> {
            synchronized (w) {
                return now - w.lastLoggedAt >= quietMillis && w.suppressed == 0;
            }
        });
        if (windows.size() >= MAX_WINDOWS) windows.clear();
    }

    public long count(Rejection reason) {
        return (long) counts.get(reason).count();
    }

    public Map<Rejection, Long> snapshot() {
        Map<Rejection, Long> out = new EnumMap<>(Rejection.class);
        counts.forEach((r, c) -> out.put(r, (long) c.count()));
        return out;
    }

    private static final class Window {
        long lastLoggedAt;
        long suppressed;
    }
}
