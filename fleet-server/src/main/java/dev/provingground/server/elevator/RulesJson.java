package dev.provingground.server.elevator;

import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.server.errors.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Elevator rules as the API and the store write them: {@code {allowedKinds, maxRobotsPerCar, passengerPolicy,
 * peakWindows: [{days, from, to}], serviceHours: [{days, from, to}] | null}} — windows in the zone schedule's shape.
 */
public final class RulesJson {

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

    /** Reads rules, naming the field that is wrong. */
    public static ElevatorRules read(JsonObject json) {
        Set<String> kinds = new LinkedHashSet<>();
        Object k = json.getValue("allowedKinds");
        if (!(k instanceof JsonArray arr)) throw new InvalidInputException("allowedKinds", "an array of robot kinds is required");
        for (int i = 0; i < arr.size(); i++) kinds.add(String.valueOf(arr.getValue(i)).toUpperCase(Locale.ROOT));
        if (!(json.getValue("maxRobotsPerCar") instanceof Number max))
            throw new InvalidInputException("maxRobotsPerCar", "a whole number >= 1 is required");
        PassengerPolicy policy;
        try {
            policy = PassengerPolicy.valueOf(String.valueOf(json.getValue("passengerPolicy")));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("passengerPolicy", "must be ROBOT_ONLY, SHARED or SHARED_OUTSIDE_PEAK, got "
                    + json.getValue("passengerPolicy"));
        }
        List<WeeklySchedule.Window> peaks = windows(json.getValue("peakWindows"), "peakWindows", true);
        List<WeeklySchedule.Window> hours = windows(json.getValue("serviceHours"), "serviceHours", false);
        try {
            return new ElevatorRules(kinds, max.intValue(), policy, peaks, hours == null ? null : new WeeklySchedule(hours));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rules", e.getMessage());
        }
    }

    private static List<WeeklySchedule.Window> windows(Object value, String field, boolean emptyWhenAbsent) {
        if (value == null) return emptyWhenAbsent ? List.of() : null;
        if (!(value instanceof JsonArray arr)) throw new InvalidInputException(field, "an array of {days, from, to} is required");
        List<WeeklySchedule.Window> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            String path = field + "[" + i + "]";
            if (!(arr.getValue(i) instanceof JsonObject w) || !(w.getValue("days") instanceof JsonArray days) || days.isEmpty())
                throw new InvalidInputException(path, "must be {days: [MONDAY …], from: \"HH:MM\", to: \"HH:MM\"}");
            LocalTime from = time(w.getValue("from"), path + ".from");
            LocalTime to = time(w.getValue("to"), path + ".to");
            for (int d = 0; d < days.size(); d++) {
                try {
                    out.add(new WeeklySchedule.Window(DayOfWeek.valueOf(String.valueOf(days.getValue(d))), from, to));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(path + ".days[" + d + "]", "must be MONDAY … SUNDAY, got " + days.getValue(d));
                }
            }
        }
        return out;
    }

    private static LocalTime time(Object value, String path) {
        try {
            return LocalTime.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path, "must be a time HH:MM, got " + value);
        }
    }
}
