package dev.provingground.trackrecord.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provingground.trackrecord.event.EventCodec;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The period a bundle covers, in UTC and in the site's local time: the requested bounds (either may be open) and the
 * times of the first and last exported events.
 *
 * @param from       requested start, or {@code null} for the log's beginning
 * @param to         requested end (exclusive), or {@code null} for the checkpoint
 * @param firstEvent time of the first exported event, or {@code null} when none
 * @param lastEvent  time of the last exported event, or {@code null} when none
 * @param timeZone   the site's time zone, or {@code null} when neither the log nor the server knows it
 * @param zoneSource {@code log} when the zone comes from the site definition recorded in the log, {@code server}
 *                   when from the server's site configuration (not proven by the log), {@code null} when unknown
 */
public record Period(Instant from, Instant to, Instant firstEvent, Instant lastEvent, ZoneId timeZone,
                     String zoneSource) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx");

    /** A time in the site's local time with its offset, e.g. {@code 2026-05-01 09:00:00.000 +09:00}; null stays null. */
    public String local(Instant time) {
        return time == null || timeZone == null ? null : LOCAL.format(time.atZone(timeZone));
    }

    /** Writes the period as manifest.json holds it. */
    public void write(ObjectNode node) {
        putTime(node, "from", from);
        putTime(node, "to", to);
        putTime(node, "firstEvent", firstEvent);
        putTime(node, "lastEvent", lastEvent);
        node.put("timeZone", timeZone == null ? null : timeZone.getId());
        node.put("timeZoneSource", zoneSource);
        node.put("fromLocal", local(from));
        node.put("toLocal", local(to));
        node.put("firstEventLocal", local(firstEvent));
        node.put("lastEventLocal", local(lastEvent));
    }

    private static void putTime(ObjectNode node, String field, Instant time) {
        node.put(field, time == null ? null : EventCodec.formatTime(time));
    }

    /**
     * Reads the period of a manifest.json; for a version 1 manifest, which has none, pass the scope's bounds.
     *
     * @throws IllegalArgumentException naming the field that is malformed
     */
    public static Period fromJson(JsonNode node) {
        String zone = node.hasNonNull("timeZone") ? node.get("timeZone").asText() : null;
        try {
            return new Period(time(node, "from"), time(node, "to"), time(node, "firstEvent"), time(node, "lastEvent"),
                    zone == null ? null : ZoneId.of(zone),
                    node.hasNonNull("timeZoneSource") ? node.get("timeZoneSource").asText() : null);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("period.timeZone: " + e.getMessage());
        }
    }

    private static Instant time(JsonNode node, String field) {
        if (!node.hasNonNull(field)) return null;
        try {
            return EventCodec.parseTime(node.get(field).asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("period." + field + ": " + e.getMessage());
        }
    }

    /** One line for people: both bounds in UTC and, where the zone is known, in local time. */
    public String describe() {
        String utc = (from == null ? "the log's beginning" : EventCodec.formatTime(from)) + " to "
                + (to == null ? "the checkpoint" : EventCodec.formatTime(to));
        if (timeZone == null) return utc + " (UTC; the site's time zone is not known)";
        String local = (from == null ? "the log's beginning" : local(from)) + " to "
                + (to == null ? "the checkpoint" : local(to));
        return utc + " (UTC) = " + local + " (" + timeZone.getId() + ")";
    }
}
