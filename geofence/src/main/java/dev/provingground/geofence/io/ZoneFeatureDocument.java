package dev.provingground.geofence.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.geofence.ViolationAction;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.ZoneState;
import java.time.DayOfWeek;
import java.util.List;

/**
 * A zone feature as written, bound by Jackson once it has passed the published zone schema
 * ({@code docs/schemas/zone.schema.json}): fields, types and bounds are the schema's; the geometry stays a tree for
 * {@link RawGeometryCheck} and JTS, which judge the polygon.
 */
record ZoneFeatureDocument(String type, String id, JsonNode geometry, Properties properties) {

    /** A zone's {@code properties}; optional ones are null when left out. */
    record Properties(String name, String site, String level, ZoneKind kind, ZoneState state, Double maxSpeed,
                      List<String> robotKinds, List<String> firms, List<Window> schedule, Integer maxRobots,
                      ViolationAction onViolation, String frame) {
    }

    /** One schedule window: days, from {@code HH:MM} to {@code HH:MM} (or {@code 24:00}, the end of the day). */
    record Window(List<DayOfWeek> days, String from, String to) {
    }
}
