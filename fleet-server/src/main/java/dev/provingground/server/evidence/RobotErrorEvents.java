package dev.provingground.server.evidence;

import dev.provingground.server.events.EventHub;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.server.registry.RobotPosition;
import dev.provingground.server.time.Scheduler;
import dev.provingground.trackrecord.event.RobotError;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.VdaError;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The errors robots report in their VDA 5050 state ({@code errors[]}) become {@code robot.error} evidence: RAISED
 * when an error appears, CLEARED once it has stayed away for {@link #DEBOUNCE}, with how long it lasted and how
 * often it came back meanwhile. Holding the clear back is what keeps a flapping error (there in one state, gone in
 * the next) to one RAISED and one CLEARED instead of a pair per state.
 *
 * <p>The robot decides what it sends, so the work is bounded: only the first {@link #MAX_READ} errors of a state are
 * read and at most {@link #MAX_OPEN} errors per robot are tracked at once; further errors are not recorded until
 * tracked ones clear. An error still open when the server stops is not recorded as cleared.
 */
public final class RobotErrorEvents implements RobotListener {

    public static final Duration DEBOUNCE = Duration.ofSeconds(10);
    public static final int MAX_OPEN = 16;
    public static final int MAX_READ = 64;

    /** One error of one robot, from the state that raised it until its clear is recorded. */
    private static final class Open {
        final ReportedError error;
        final Instant since;
        Instant goneAt;
        long clearTimer;
        int recurrences;

        Open(ReportedError error, Instant since) {
            this.error = error;
            this.since = since;
        }
    }

    private final EventHub events;
    private final Clock clock;
    private final Scheduler scheduler;
    private final BiConsumer<String, Runnable> onRobotLane;
    /** Per robot; each robot's own map is touched only on its lane. */
    private final Map<String, Map<Object, Open>> open = new ConcurrentHashMap<>();

    /**
     * @param onRobotLane runs work for a robot where its states are heard (its lane): the debounce timer fires on the
     *                    server's context, and what it clears belongs to the robot's lane
     */
    public RobotErrorEvents(EventHub events, Clock clock, Scheduler scheduler, BiConsumer<String, Runnable> onRobotLane) {
        this.events = events;
        this.clock = clock;
        this.scheduler = scheduler;
        this.onRobotLane = onRobotLane;
    }

    @Override
    public void stateReceived(Robot robot, State state, RobotPosition previous, Instant at) {
        Map<Object, ReportedError> now = new LinkedHashMap<>();
        int read = 0;
        for (VdaError e : state.errors()) {
            if (read++ == MAX_READ) break;
            ReportedError error = ReportedError.of(e);
            now.putIfAbsent(error.identity(), error);
        }
        Map<Object, Open> mine = open.computeIfAbsent(robot.id(), id -> new LinkedHashMap<>());
        for (Map.Entry<Object, Open> entry : mine.entrySet()) {
            Open o = entry.getValue();
            boolean present = now.containsKey(entry.getKey());
            if (present && o.goneAt != null) {
                // Back within the debounce: the same episode goes on.
                scheduler.cancel(o.clearTimer);
                o.goneAt = null;
                o.recurrences++;
            } else if (!present && o.goneAt == null) {
                o.goneAt = at;
                Object key = entry.getKey();
                o.clearTimer = scheduler.once(DEBOUNCE, () -> onRobotLane.accept(robot.id(), () -> clear(robot, key)));
            }
        }
        for (Map.Entry<Object, ReportedError> entry : now.entrySet()) {
            if (mine.containsKey(entry.getKey()) || mine.size() >= MAX_OPEN) continue;
            mine.put(entry.getKey(), new Open(entry.getValue(), at));
            publish(robot, at, entry.getValue().raised());
        }
        if (mine.isEmpty()) open.remove(robot.id());
    }

    /** The error stayed away for the debounce: recorded now, lasting from its raise to the first state without it. */
    private void clear(Robot robot, Object key) {
        Map<Object, Open> mine = open.get(robot.id());
        Open o = mine == null ? null : mine.get(key);
        if (o == null || o.goneAt == null) return;
        mine.remove(key);
        if (mine.isEmpty()) open.remove(robot.id());
        double seconds = Math.max(0, Duration.between(o.since, o.goneAt).toMillis() / 1000.0);
        publish(robot, clock.instant(), o.error.cleared(seconds, o.recurrences));
    }

    private void publish(Robot robot, Instant at, RobotError body) {
        events.publish(new TrackEvent(at, robot.site(), robot.firm(), robot.id(), body));
    }
}
