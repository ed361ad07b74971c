package dev.provingground.report.model;

import dev.provingground.trackrecord.event.EventBody;
import dev.provingground.trackrecord.event.GeofenceTransition;
import dev.provingground.trackrecord.event.Incident;
import dev.provingground.trackrecord.event.Intervention;
import dev.provingground.trackrecord.event.Overspeed;
import dev.provingground.trackrecord.event.RobotLink;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * One line of text per listed event, from the event's own fields. Field names and enum values are the event format's
 * (docs/TRACK-RECORD.md), kept as they are so a reader can find the line in events.jsonl.
 */
final class EventDetails {

    private EventDetails() {
    }

    static String of(Intervention intervention) {
        return intervention.kind() + ", " + seconds(intervention.resolveSeconds()) + " — " + intervention.reason();
    }

    static String of(Incident incident) {
        String by = incident.reportedBy() == null ? "" : " (reportedBy " + incident.reportedBy() + ")";
        return incident.severity() + " — " + incident.description() + by;
    }

    static String of(GeofenceTransition violation) {
        String lasted = violation.durationSeconds() == null ? "" : ", " + seconds(violation.durationSeconds());
        String action = violation.action() == null ? "" : ", action " + violation.action();
        String level = violation.level() == null ? "" : ", level " + violation.level();
        return "zone " + violation.zone() + ", rule " + violation.rule() + action + level + lasted;
    }

    static String of(Overspeed overspeed) {
        String zone = overspeed.zone() == null ? "" : "zone " + overspeed.zone() + ": ";
        return zone + "max " + number(overspeed.maxSpeed()) + " m/s over limit " + number(overspeed.limit()) + " m/s for "
                + seconds(overspeed.durationSeconds());
    }

    static String of(RobotLink link) {
        return link.detail() == null ? "" : link.detail();
    }

    /** Every field of an event body as {@code name=value}, for types this report has no wording of its own for. */
    static String fields(EventBody body) {
        StringJoiner out = new StringJoiner(", ");
        if (body.getClass().isRecord()) {
            for (RecordComponent component : body.getClass().getRecordComponents()) {
                try {
                    Object value = component.getAccessor().invoke(body);
                    if (value != null) {
                        out.add(component.getName() + "=" + value);
                    }
                } catch (ReflectiveOperationException e) {
                    out.add(component.getName() + "=?");
                }
            }
        } else {
            out.add(body.toString());
        }
        return out.toString();
    }

    static String seconds(double seconds) {
        return number(seconds) + " s";
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
