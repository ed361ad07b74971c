package dev.provingground.server.tasks;

import dev.provingground.server.events.EventSink;
import dev.provingground.trackrecord.event.GeofenceTransition;
import dev.provingground.trackrecord.event.TaskLifecycle;
import dev.provingground.trackrecord.event.TrackEvent;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A zone rule whose action is {@code CANCEL} cancels the order of the robot breaking it (enforcement sends
 * {@code cancelOrder}); the robot's task goes on the record as cancelled by that zone and rule, rather than as
 * whatever the robot then reports (an action that failed, an order gone). Hears of the rule broken from the event hub,
 * after the track record has it, so the violation precedes the cancellation in the record.
 */
final class ZoneCancels implements EventSink {

    private final TaskBook book;
    private final Journeys journeys;
    private final TaskEvents events;
    private final Clock clock;

    ZoneCancels(TaskBook book, Journeys journeys, TaskEvents events, Clock clock) {
        this.book = book;
        this.journeys = journeys;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> accept(TrackEvent event, byte[] json) {
        if (event.robot() == null || !(event.body() instanceof GeofenceTransition g)
                || g.transition() != GeofenceTransition.Transition.VIOLATION_STARTED || !"CANCEL".equals(g.action()))
            return DONE;
        Task t = book.underwayWith(event.robot());
        if (t == null) return DONE;
        String why = reason(g);
        journeys.drop(t.id());
        events.publish(t, TaskLifecycle.Phase.CANCELLED, why);
        book.update(t.withStatus(TaskStatus.CANCELED, clock.instant(), why));
        return DONE;
    }

    /** E.g. {@code canceled by zone "kitchen" (rule keep-out-entered, action CANCEL) at (3.2, 4.0) on L1}. */
    static String reason(GeofenceTransition g) {
        StringBuilder why = new StringBuilder("canceled by zone \"").append(g.zone()).append("\" (rule ")
                .append(g.rule()).append(", action CANCEL)");
        if (g.x() != null && g.y() != null)
            why.append(String.format(Locale.ROOT, " at (%.1f, %.1f)", g.x(), g.y()));
        if (g.level() != null) why.append(" on ").append(g.level());
        return why.toString();
    }
}
