package dev.provingground.trackrecord.event;

/**
 * {@code incident}: something a person reported, e.g. a collision or a complaint.
 *
 * @param severity    MINOR, MODERATE, SERIOUS or CRITICAL
 * @param description what happened
 * @param reportedBy  who reported it (a user name or role)
 */
public record Incident(Severity severity, String description, String reportedBy) implements EventBody {

    public enum Severity { MINOR, MODERATE, SERIOUS, CRITICAL }

    public Incident {
        Require.present(severity, "severity");
        Require.text(description, "description");
        Require.text(reportedBy, "reportedBy");
    }
}
