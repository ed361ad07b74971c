package dev.provingground.server.elevator;

import dev.provingground.documents.DocumentException;
import dev.provingground.documents.DocumentProblem;
import dev.provingground.documents.DocumentSchema;
import dev.provingground.documents.StrictJson;
import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.profiles.RobotKind;
import dev.provingground.server.errors.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Elevator rules as the API and the store write them: {@code {allowedKinds, maxRobotsPerCar, passengerPolicy,
 * peakWindows: [{days, from, to}], serviceHours: [{days, from, to}] | null}} — windows in the zone schedule's shape.
 * Reading checks the document against the published schema (docs/schemas/elevator-rules.schema.json, packaged with
 * this module), binds it to {@link RulesDocument} and leaves meaning (a peak policy needs peak windows) to
 * {@link ElevatorRules}.
 */
public final class RulesJson {

    private static final DocumentSchema SCHEMA = DocumentSchema.fromClasspath(RulesJson.class,
            "/dev/provingground/server/schema/elevator-rules.schema.json");

    /** The document as written; every field's form is the schema's. */
    record RulesDocument(List<RobotKind> allowedKinds, int maxRobotsPerCar, PassengerPolicy passengerPolicy,
                         List<WindowDocument> peakWindows, List<WindowDocument> serviceHours) {
    }

    /** One weekly window: days, and from–to as {@code HH:MM} in the site's time zone. */
    record WindowDocument(List<DayOfWeek> days, String from, String to) {
    }

    private RulesJson() {
    }

    public static JsonObject write(ElevatorRules r) {
        return new JsonObject()
                .put("allowedKinds", new JsonArray(r.allowedKinds().stream().sorted().toList()))
                .put("maxRobotsPerCar", r.maxRobotsPerCar())
                .put("passengerPolicy", r.passengerPolicy().name())
                .put("peakWindows", windows(r.peakWindows()))
                .put("serviceHours", r.serviceHours() == null ? null : windows(r.serviceHours().windows()));
    }

    private static JsonArray windows(List<WeeklySchedule.Window> windows) {
        JsonArray out = new JsonArray();
        for (WeeklySchedule.Window w : windows)
            out.add(new JsonObject().put("days", new JsonArray().add(w.day().name())).put("from", w.from().toString())
                    .put("to", w.to().toString()));
        return out;
    }

    /** Reads rules from a request body or a stored value, naming the field that is wrong. */
    public static ElevatorRules read(byte[] json) {
        RulesDocument document;
        try {
            var tree = StrictJson.parse(json);
            SCHEMA.require(tree);
            document = StrictJson.bind(tree, RulesDocument.class);
        } catch (DocumentException e) {
            DocumentProblem first = e.problems().get(0);
            throw new InvalidInputException(first.pointer().isEmpty() ? "rules" : first.field(), first.message(),
                    Map.of("pointer", first.pointer()));
        }
        Set<String> kinds = new LinkedHashSet<>();
        document.allowedKinds().forEach(kind -> kinds.add(kind.name()));
        List<WeeklySchedule.Window> peaks = bound(document.peakWindows());
        try {
            return new ElevatorRules(kinds, document.maxRobotsPerCar(), document.passengerPolicy(), peaks,
                    document.serviceHours() == null ? null : new WeeklySchedule(bound(document.serviceHours())));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rules", e.getMessage());
        }
    }

    private static List<WeeklySchedule.Window> bound(List<WindowDocument> windows) {
        List<WeeklySchedule.Window> out = new ArrayList<>();
        if (windows == null) return out;
        for (WindowDocument w : windows)
            for (DayOfWeek day : w.days())
                out.add(new WeeklySchedule.Window(day, LocalTime.parse(w.from()), LocalTime.parse(w.to())));
        return out;
    }
}
