package dev.provingground.geofence.io;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneRules;
import dev.provingground.geofence.GeoAnchor;

/** Writes zones as GeoJSON trees in the property layout {@link GeoJsonZones} reads. */
final class GeoJsonZoneWriter {

    private final ObjectMapper mapper;
    private final GeoJsonWriter localWriter;
    private final GeoJsonWriter wgs84Writer;

    GeoJsonZoneWriter(ObjectMapper mapper, int localDecimals, int wgs84Decimals) {
        this.mapper = mapper;
        this.localWriter = geometryWriter(localDecimals);
        this.wgs84Writer = geometryWriter(wgs84Decimals);
    }

    private static GeoJsonWriter geometryWriter(int decimals) {
        GeoJsonWriter w = new GeoJsonWriter(decimals);
        w.setEncodeCRS(false); // RFC 7946 dropped "crs"; our frame is named by the "frame" member instead
        w.setForceCCW(true);
        return w;
    }

    ObjectNode collection(Collection<Zone> zones, CoordinateFrame frame, GeoAnchor anchor) {
        requireAnchor(frame, anchor);
        ObjectNode root = mapper.createObjectNode();
        root.put("type", "FeatureCollection");
        root.put("frame", frame.jsonName());
        ArrayNode features = root.putArray("features");
        for (Zone z : zones) features.add(feature(z, frame, anchor, false));
        return root;
    }

    /** @param standalone whether the feature travels alone and so must name its own frame */
    ObjectNode feature(Zone zone, CoordinateFrame frame, GeoAnchor anchor, boolean standalone) {
        requireAnchor(frame, anchor);
        ObjectNode f = mapper.createObjectNode();
        f.put("type", "Feature");
        f.put("id", zone.id());
        Geometry g = frame == CoordinateFrame.WGS84 ? Frames.toWgs84(zone.geometry(), anchor) : zone.geometry();
        f.set("geometry", geometry(frame == CoordinateFrame.WGS84 ? wgs84Writer : localWriter, g));
        ObjectNode p = f.putObject("properties");
        p.put("name", zone.name());
        p.put("site", zone.site());
        p.put("level", zone.level());
        p.put("kind", zone.kind().name());
        if (zone.state() != null) p.put("state", zone.state().name());
        ZoneRules r = zone.rules();
        if (r.maxSpeed() != null) p.put("maxSpeed", r.maxSpeed());
        if (!r.robotKinds().isEmpty()) r.robotKinds().stream().sorted().forEach(p.putArray("robotKinds")::add);
        if (!r.firms().isEmpty()) r.firms().stream().sorted().forEach(p.putArray("firms")::add);
        if (r.schedule() != null) p.set("schedule", schedule(r.schedule()));
        if (r.maxRobots() != null) p.put("maxRobots", r.maxRobots());
        p.put("onViolation", r.onViolation().name());
        if (standalone) p.put("frame", frame.jsonName());
        return f;
    }

    private JsonNode geometry(GeoJsonWriter writer, Geometry g) {
        try {
            return mapper.readTree(writer.write(g));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JTS wrote GeoJSON we cannot read back", e);
        }
    }

    /** Windows sharing their times are written as one entry with several days, as a person would write them. */
    private ArrayNode schedule(WeeklySchedule schedule) {
        ArrayNode out = mapper.createArrayNode();
        List<LocalTime[]> seen = new ArrayList<>();
        for (WeeklySchedule.Window w : schedule.windows()) {
            if (seen.stream().anyMatch(t -> t[0].equals(w.from()) && t[1].equals(w.to()))) continue;
            seen.add(new LocalTime[] {w.from(), w.to()});
            ObjectNode entry = out.addObject();
            ArrayNode days = entry.putArray("days");
            schedule.windows().stream()
                    .filter(o -> o.from().equals(w.from()) && o.to().equals(w.to()))
                    .forEach(o -> days.add(o.day().name()));
            entry.put("from", w.from().toString());
            entry.put("to", w.to().toString());
        }
        return out;
    }

    private static void requireAnchor(CoordinateFrame frame, GeoAnchor anchor) {
        Objects.requireNonNull(frame, "frame");
        if (frame == CoordinateFrame.WGS84 && anchor == null) {
            throw new IllegalArgumentException("WGS 84 output needs the site's geo anchor, and none was given");
        }
    }
}
