package dev.provingground.geofence.io;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.provingground.geofence.ViolationAction;
import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.ZoneRules;
import dev.provingground.geofence.ZoneState;

/**
 * Reads a zone feature's {@code properties}. Unknown properties are refused rather than ignored, so that a typo
 * such as {@code maxSped} cannot silently drop a rule.
 */
final class ZonePropertiesReader {

    static final Set<String> KNOWN = Set.of("name", "site", "level", "kind", "state", "maxSpeed", "robotKinds",
            "firms", "schedule", "maxRobots", "onViolation", "frame");

    /** What the properties say; null fields where they were missing or wrong (a problem then says so). */
    record ZoneProperties(String name, String site, String level, ZoneKind kind, ZoneState state, ZoneRules rules,
                          CoordinateFrame frame) {
    }

    private final FeatureProblems problems;

    private ZonePropertiesReader(FeatureProblems problems) {
        this.problems = problems;
    }

    static ZoneProperties read(JsonNode properties, CoordinateFrame defaultFrame, FeatureProblems problems) {
        return new ZonePropertiesReader(problems).read(properties, defaultFrame);
    }

    private ZoneProperties read(JsonNode p, CoordinateFrame defaultFrame) {
        if (p == null || !p.isObject()) {
            problems.add("properties", "must be an object with at least level and kind, got " + JsonText.brief(p));
            return null;
        }
        p.fieldNames().forEachRemaining(field -> {
            if (!KNOWN.contains(field)) {
                problems.add("properties." + field, "unknown property (known: " + String.join(", ", KNOWN.stream().sorted().toList()) + ")");
            }
        });
        String name = optionalText(p, "name");
        String site = optionalText(p, "site");
        String level = optionalText(p, "level");
        if (p.path("level").isMissingNode() || p.path("level").isNull()) {
            problems.add("properties.level", "missing: the zone's level (mapId) is required");
        }
        ZoneKind kind = enumValue(p, "kind", ZoneKind.class, true);
        ZoneState state = enumValue(p, "state", ZoneState.class, false);
        if (state != null && kind != null && kind != ZoneKind.DISINFECTION) {
            problems.add("properties.state", "only DISINFECTION zones have a state, this zone is " + kind);
        }
        CoordinateFrame frame = defaultFrame;
        JsonNode f = p.get("frame");
        if (f != null) {
            CoordinateFrame named = f.isTextual() ? CoordinateFrame.fromJson(f.asText()) : null;
            if (named == null) problems.add("properties.frame", "must be \"local\" or \"wgs84\", got " + JsonText.brief(f));
            else frame = named;
        }
        Double maxSpeed = null;
        JsonNode ms = p.get("maxSpeed");
        if (ms != null && !ms.isNull()) {
            if (ms.isNumber() && ms.doubleValue() > 0 && Double.isFinite(ms.doubleValue())) maxSpeed = ms.doubleValue();
            else problems.add("properties.maxSpeed", "must be a positive number of m/s, got " + JsonText.brief(ms));
        }
        Integer maxRobots = null;
        JsonNode mr = p.get("maxRobots");
        if (mr != null && !mr.isNull()) {
            if (mr.isIntegralNumber() && mr.canConvertToInt() && mr.intValue() >= 1) maxRobots = mr.intValue();
            else problems.add("properties.maxRobots", "must be a whole number of at least 1, got " + JsonText.brief(mr));
        }
        Set<String> robotKinds = textSet(p, "robotKinds");
        Set<String> firms = textSet(p, "firms");
        WeeklySchedule schedule = schedule(p.get("schedule"));
        ViolationAction onViolation = enumValue(p, "onViolation", ViolationAction.class, false);
        ZoneRules rules = new ZoneRules(maxSpeed, robotKinds, firms, schedule, maxRobots, onViolation);
        return new ZoneProperties(name, site, level, kind, state, rules, frame);
    }

    private String optionalText(JsonNode p, String field) {
        JsonNode n = p.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isTextual() && !n.asText().isBlank()) return n.asText();
        problems.add("properties." + field, "must be a non-empty string, got " + JsonText.brief(n));
        return null;
    }

    private <E extends Enum<E>> E enumValue(JsonNode p, String field, Class<E> type, boolean required) {
        JsonNode n = p.get(field);
        String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        if (n == null || n.isNull()) {
            if (required) problems.add("properties." + field, "missing: one of " + allowed + " is required");
            return null;
        }
        if (n.isTextual()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(n.asText())) return e;
            }
        }
        problems.add("properties." + field, "must be one of " + allowed + ", got " + JsonText.brief(n));
        return null;
    }

    private Set<String> textSet(JsonNode p, String field) {
        JsonNode n = p.get(field);
        if (n == null || n.isNull()) return Set.of();
        if (!n.isArray()) {
            problems.add("properties." + field, "must be an array of strings (empty = all), got " + JsonText.brief(n));
            return Set.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode v = n.get(i);
            if (v.isTextual() && !v.asText().isBlank()) values.add(v.asText());
            else problems.add("properties." + field + "[" + i + "]", "must be a non-empty string, got " + JsonText.brief(v));
        }
        return values;
    }

    private WeeklySchedule schedule(JsonNode n) {
        if (n == null || n.isNull()) return null;
        String path = "properties.schedule";
        if (!n.isArray() || n.isEmpty()) {
            problems.add(path, "must be a non-empty array of {days, from, to} windows (omit it for always), got "
                    + JsonText.brief(n));
            return null;
        }
        List<WeeklySchedule.Window> windows = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < n.size(); i++) {
            JsonNode w = n.get(i);
            String wp = path + "[" + i + "]";
            if (!w.isObject()) {
                problems.add(wp, "must be an object {days, from, to}, got " + JsonText.brief(w));
                ok = false;
                continue;
            }
            LocalTime from = time(w.get("from"), wp + ".from", false);
            LocalTime to = time(w.get("to"), wp + ".to", true);
            List<DayOfWeek> days = days(w.get("days"), wp + ".days");
            if (from == null || to == null || days == null) {
                ok = false;
                continue;
            }
            for (DayOfWeek d : days) windows.add(new WeeklySchedule.Window(d, from, to));
        }
        return ok ? new WeeklySchedule(windows) : null;
    }

    private LocalTime time(JsonNode n, String path, boolean endOfDayAllowed) {
        if (n == null || !n.isTextual()) {
            problems.add(path, "must be a time \"HH:mm\", got " + JsonText.brief(n));
            return null;
        }
        // "24:00" reads naturally as the end of a day; it is the same instant as the next day's 00:00.
        if (endOfDayAllowed && n.asText().equals("24:00")) return LocalTime.MIDNIGHT;
        try {
            return LocalTime.parse(n.asText());
        } catch (DateTimeParseException e) {
            problems.add(path, "must be a time \"HH:mm\", got " + JsonText.brief(n));
            return null;
        }
    }

    private List<DayOfWeek> days(JsonNode n, String path) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            problems.add(path, "must be a non-empty array of days (MONDAY … SUNDAY), got " + JsonText.brief(n));
            return null;
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode d = n.get(i);
            DayOfWeek day = null;
            if (d.isTextual()) {
                try {
                    day = DayOfWeek.valueOf(d.asText().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    day = null;
                }
            }
            if (day == null) {
                problems.add(path + "[" + i + "]", "must be a day MONDAY … SUNDAY, got " + JsonText.brief(d));
                return null;
            }
            days.add(day);
        }
        return days;
    }
}
