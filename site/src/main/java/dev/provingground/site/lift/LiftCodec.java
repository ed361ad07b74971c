package dev.provingground.site.lift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON for {@link LiftRequest} and {@link LiftState}, snake_case as in Open-RMF. Strict when encoding: a message that
 * breaks the protocol (a door request of MOVING, a current floor not in {@code available_floors}, ...) is refused
 * naming the field. Lenient when decoding, so that controllers written from the Open-RMF message definitions work:
 * unknown fields are ignored, enums are accepted by name in any case, with or without Open-RMF's prefix
 * ({@code MODE_AGV}, {@code REQUEST_END_SESSION}) or as Open-RMF's integer code, times as ISO 8601 with any offset
 * and precision or as Open-RMF's {@code {"sec":..,"nanosec":..}}. Thread-safe.
 */
public final class LiftCodec {

    private final ObjectMapper mapper = new ObjectMapper();

    // ---- encoding --------------------------------------------------------------------------------------------

    public byte[] encode(LiftRequest request) {
        requireName("lift_name", request.liftName());
        requireName("session_id", request.sessionId());
        if (request.requestType() != LiftRequestType.END_SESSION) requireName("destination_floor", request.destinationFloor());
        if (request.doorState() == LiftDoorState.MOVING) {
            throw new LiftMessageException("door_state", "a request may ask for CLOSED or OPEN, not MOVING");
        }
        ObjectNode o = mapper.createObjectNode();
        o.put("lift_name", request.liftName());
        o.put("request_time", request.requestTime().toString());
        o.put("session_id", request.sessionId());
        o.put("request_type", request.requestType().name());
        o.put("destination_floor", request.destinationFloor());
        o.put("door_state", request.doorState().name());
        return write(o);
    }

    public byte[] encode(LiftState state) {
        requireName("lift_name", state.liftName());
        requireName("current_floor", state.currentFloor());
        checkDistinctNames("available_floors", state.availableFloors());
        if (!state.availableFloors().isEmpty()) {
            requireFloor("current_floor", state.currentFloor(), state.availableFloors());
            if (!state.destinationFloor().isEmpty()) {
                requireFloor("destination_floor", state.destinationFloor(), state.availableFloors());
            }
        }
        for (int i = 0; i < state.availableModes().size(); i++) {
            if (!state.availableModes().get(i).selectable()) {
                throw new LiftMessageException("available_modes[" + i + "]", "lists only modes a request can select"
                        + " (HUMAN, AGV), got " + state.availableModes().get(i));
            }
        }
        if (state.passengers() != null && state.passengers() < 0) {
            throw new LiftMessageException("passengers", "must be 0 or more, got " + state.passengers());
        }
        checkDistinctNames("robots", state.robots());
        ObjectNode o = mapper.createObjectNode();
        o.put("lift_time", state.liftTime().toString());
        o.put("lift_name", state.liftName());
        ArrayNode floors = o.putArray("available_floors");
        state.availableFloors().forEach(floors::add);
        o.put("current_floor", state.currentFloor());
        o.put("destination_floor", state.destinationFloor());
        o.put("door_state", state.doorState().name());
        o.put("motion_state", state.motionState().name());
        ArrayNode modes = o.putArray("available_modes");
        state.availableModes().forEach(m -> modes.add(m.name()));
        o.put("current_mode", state.currentMode().name());
        o.put("session_id", state.sessionId());
        if (state.passengers() != null) o.put("passengers", state.passengers());
        ArrayNode robots = o.putArray("robots");
        state.robots().forEach(robots::add);
        return write(o);
    }

    private byte[] write(ObjectNode o) {
        try {
            return mapper.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static void requireName(String field, String value) {
        if (value == null || value.isBlank()) throw new LiftMessageException(field, "must not be blank");
    }

    private static void requireFloor(String field, String floor, List<String> floors) {
        if (!floors.contains(floor)) {
            throw new LiftMessageException(field, "\"" + floor + "\" is not one of available_floors " + floors);
        }
    }

    private static void checkDistinctNames(String field, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            requireName(field + "[" + i + "]", names.get(i));
            if (!seen.add(names.get(i))) throw new LiftMessageException(field + "[" + i + "]", "\"" + names.get(i) + "\" repeated");
        }
    }

    // ---- decoding --------------------------------------------------------------------------------------------

    public LiftRequest decodeRequest(byte[] json) {
        JsonNode o = parse(json, "lift request");
        LiftRequestType type = enumField(o, "request_type", LiftRequestType.values(), LiftRequestType::rmfCode, "REQUEST_", null);
        String destination = text(o, "destination_floor", "");
        if (type != LiftRequestType.END_SESSION && destination.isEmpty()) {
            throw new LiftMessageException("destination_floor", "required for " + type);
        }
        LiftDoorState door = enumField(o, "door_state", LiftDoorState.values(), LiftDoorState::rmfCode, "DOOR_", LiftDoorState.CLOSED);
        if (door == LiftDoorState.MOVING) throw new LiftMessageException("door_state", "a request may ask for CLOSED or OPEN, not MOVING");
        return new LiftRequest(requiredText(o, "lift_name"), time(o, "request_time"), requiredText(o, "session_id"),
                type, destination, door);
    }

    public LiftState decodeState(byte[] json) {
        JsonNode o = parse(json, "lift state");
        List<String> floors = textList(o, "available_floors");
        List<LiftMode> modes = new ArrayList<>();
        JsonNode modeArray = o.get("available_modes");
        if (modeArray != null && !modeArray.isNull()) {
            if (!modeArray.isArray()) throw new LiftMessageException("available_modes", "expected an array, found " + describe(modeArray));
            for (int i = 0; i < modeArray.size(); i++) {
                modes.add(enumValue("available_modes[" + i + "]", modeArray.get(i), LiftMode.values(), LiftMode::rmfCode, "MODE_"));
            }
        }
        Integer passengers = null;
        JsonNode p = o.get("passengers");
        if (p != null && !p.isNull()) {
            if (!p.canConvertToInt() || !p.isIntegralNumber() || p.intValue() < 0) {
                throw new LiftMessageException("passengers", "expected a whole number 0 or more, found " + describe(p));
            }
            passengers = p.intValue();
        }
        return new LiftState(time(o, "lift_time"), requiredText(o, "lift_name"), floors, requiredText(o, "current_floor"),
                text(o, "destination_floor", ""),
                enumField(o, "door_state", LiftDoorState.values(), LiftDoorState::rmfCode, "DOOR_", null),
                enumField(o, "motion_state", LiftMotionState.values(), LiftMotionState::rmfCode, "MOTION_", null),
                modes,
                enumField(o, "current_mode", LiftMode.values(), LiftMode::rmfCode, "MODE_", null),
                text(o, "session_id", ""), passengers, textList(o, "robots"));
    }

    private JsonNode parse(byte[] json, String what) {
        JsonNode o;
        try {
            o = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new LiftMessageException("(message)", "not valid JSON for a " + what + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LiftMessageException("(message)", "cannot read a " + what + ": " + e.getMessage());
        }
        if (o == null || !o.isObject()) throw new LiftMessageException("(message)", "a " + what + " must be a JSON object, found " + describe(o));
        return o;
    }

    private static String requiredText(JsonNode o, String field) {
        String value = text(o, field, null);
        if (value == null || value.isBlank()) throw new LiftMessageException(field, "required, found " + describe(o.get(field)));
        return value;
    }

    private static String text(JsonNode o, String field, String absent) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return absent;
        if (!v.isTextual()) throw new LiftMessageException(field, "expected a string, found " + describe(v));
        return v.textValue();
    }

    private static List<String> textList(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw new LiftMessageException(field, "expected an array of strings, found " + describe(v));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) throw new LiftMessageException(field + "[" + i + "]", "expected a string, found " + describe(v.get(i)));
            out.add(v.get(i).textValue());
        }
        return out;
    }

    private static Instant time(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) throw new LiftMessageException(field, "required");
        if (v.isTextual()) {
            try {
                return OffsetDateTime.parse(v.textValue()).toInstant();
            } catch (DateTimeParseException e) {
                throw new LiftMessageException(field, "not an ISO 8601 date-time with offset: " + describe(v));
            }
        }
        if (v.isObject() && v.path("sec").isIntegralNumber()) {
            JsonNode nanos = v.path("nanosec");
            long n = nanos.isIntegralNumber() ? nanos.longValue() : 0;
            if (n < 0 || n >= 1_000_000_000L) throw new LiftMessageException(field + ".nanosec", "must be 0 to 999999999, got " + n);
            return Instant.ofEpochSecond(v.path("sec").longValue(), n);
        }
        throw new LiftMessageException(field, "expected an ISO 8601 string or {\"sec\", \"nanosec\"}, found " + describe(v));
    }

    private static <E extends Enum<E>> E enumField(JsonNode o, String field, E[] values, Function<E, Integer> code,
                                                   String rmfPrefix, E absent) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (absent != null) return absent;
            throw new LiftMessageException(field, "required");
        }
        return enumValue(field, v, values, code, rmfPrefix);
    }

    private static <E extends Enum<E>> E enumValue(String field, JsonNode v, E[] values, Function<E, Integer> code,
                                                   String rmfPrefix) {
        if (v.isIntegralNumber()) {
            for (E e : values) if (code.apply(e) == v.intValue()) return e;
        } else if (v.isTextual()) {
            String name = v.textValue().trim().toUpperCase(Locale.ROOT);
            if (name.startsWith(rmfPrefix)) name = name.substring(rmfPrefix.length());
            for (E e : values) if (e.name().equals(name)) return e;
        }
        List<String> names = new ArrayList<>();
        for (E e : values) names.add(e.name());
        throw new LiftMessageException(field, "unknown value " + describe(v) + "; expected one of " + names);
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) return "nothing";
        if (v.isObject()) return "an object";
        if (v.isArray()) return "an array";
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
