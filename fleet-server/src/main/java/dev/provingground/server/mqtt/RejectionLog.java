package dev.provingground.server.mqtt;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Counts every rejection and logs it with its reason. A robot that keeps sending the same bad message is logged
 * once per {@code quietMillis} with how many were refused in between, so one broken robot cannot flood the log.
 */
public final class RejectionLog {

    private static final Logger LOG = Logger.getLogger("dev.provingground.server.mqtt.rejections");

    private final Map<Rejection, LongAdder> counts = new EnumMap<>(Rejection.class);
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long quietMillis;

    public RejectionLog(Clock clock, long quietMillis) {
        this.clock = clock;
        this.quietMillis = quietMillis;
        for (Rejection r : Rejection.values()) counts.put(r, new LongAdder());
    }

    /** @param who robot id, MQTT client id or remote address */
    public void reject(Rejection reason, String who, String detail) {
        counts.get(reason).increment();
        long now = clock.millis();
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

    public long count(Rejection reason) {
        return counts.get(reason).sum();
    }

    public Map<Rejection, Long> snapshot() {
        Map<Rejection, Long> out = new EnumMap<>(Rejection.class);
        counts.forEach((r, c) -> out.put(r, c.sum()));
        return out;
    }

    private static final class Window {
        long lastLoggedAt;
        long suppressed;
    }
}
