package dev.provingground.geofence.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Position;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.io.ZonePropertiesReader.ZoneProperties;
import dev.provingground.geofence.validation.Problem;
import dev.provingground.geofence.validation.ZoneValidationException;
import dev.provingground.geofence.validation.ZoneValidator;
import dev.provingground.geofence.GeoAnchor;

/**
 * Zones as RFC 7946 GeoJSON: a FeatureCollection (a site's zone set) or a single Feature (one zone).
 *
 * <pre>
 * {"type": "FeatureCollection", "frame": "local",            // or "wgs84"; default local
 *  "features": [{"type": "Feature", "id": "kitchen",
 *    "geometry": {"type": "Polygon", "coordinates": [[[0,0],[4,0],[4,3],[0,3],[0,0]]]},
 *    "properties": {"name": "Kitchen", "level": "L1", "kind": "KEEP_OUT",
 *      "maxSpeed": 0.5, "robotKinds": ["DELIVERY"], "firms": ["acme"],
 *      "schedule": [{"days": ["MONDAY","FRIDAY"], "from": "09:00", "to": "18:00"}],
 *      "maxRobots": 1, "onViolation": "PAUSE", "state": "CLOSED" (DISINFECTION only), "site": "...", "frame": "..."}}]}
 * </pre>
 *
 * Reading validates everything and either returns every zone or throws a {@link ZoneValidationException} naming
 * every problem; it never returns part of a collection. Coordinates in a WGS 84 frame are converted with the
 * site's geo anchor; problem locations are reported in the frame the feature was written in.
 */
public final class GeoJsonZones {

    /** Enough digits that any double survives the round trip in the metric frame. */
    private static final int LOCAL_DECIMALS = 17;
    /** 1e-9 degrees is about 0.1 mm: finer than any robot's localisation. */
    private static final int WGS84_DECIMALS = 9;

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so a NaN is reported where it is, not as bad JSON
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final ZoneValidator validator;
    private final GeoJsonZoneWriter writer;

    public GeoJsonZones(GeofenceConfig config) {
        this.validator = new ZoneValidator(config);
        this.writer = new GeoJsonZoneWriter(mapper, LOCAL_DECIMALS, WGS84_DECIMALS);
    }

    /**
     * @param source names the input in error messages (file name, request path)
     * @throws ZoneValidationException listing every problem; nothing is returned then
     */
    public List<Zone> readCollection(String json, String source, ImportContext context) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root = parse(json, problems);
        List<Zone> zones = new ArrayList<>();
        if (root != null) {
            if (!root.isObject() || !"FeatureCollection".equals(root.path("type").asText(null))) {
                problems.add(collectionProblem("type", "must be a GeoJSON FeatureCollection, got " + JsonText.brief(
                        root.isObject() ? root.get("type") : root)));
            } else {
                CoordinateFrame frame = CoordinateFrame.LOCAL;
                JsonNode f = root.get("frame");
                if (f != null) {
                    frame = f.isTextual() ? CoordinateFrame.fromJson(f.asText()) : null;
                    if (frame == null) {
                        problems.add(collectionProblem("frame", "must be \"local\" or \"wgs84\", got " + JsonText.brief(f)));
                        frame = CoordinateFrame.LOCAL;
                    }
                }
                JsonNode features = root.get("features");
                if (features == null || !features.isArray()) {
                    problems.add(collectionProblem("features", "must be an array of features, got " + JsonText.brief(features)));
                } else {
                    Map<String, Integer> indexById = new HashMap<>();
                    for (int i = 0; i < features.size(); i++) {
                        FeatureProblems fp = new FeatureProblems(problems, i);
                        Zone zone = feature(features.get(i), frame, context, fp);
                        if (fp.featureId() != null) {
                            Integer earlier = indexById.putIfAbsent(fp.featureId(), i);
                            if (earlier != null) fp.add("id", "duplicate zone id, also used by feature #" + earlier);
                        }
                        if (zone != null) zones.add(zone);
                    }
                }
            }
        }
        if (!problems.isEmpty()) throw new ZoneValidationException(source, problems);
        return List.copyOf(zones);
    }

    /** Reads one Feature, e.g. the body of a request that creates or replaces one zone. */
    public Zone readFeature(String json, String source, ImportContext context) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root = parse(json, problems);
        Zone zone = null;
        if (root != null) zone = feature(root, CoordinateFrame.LOCAL, context, new FeatureProblems(problems, 0));
        if (!problems.isEmpty()) throw new ZoneValidationException(source, problems);
        return zone;
    }

    /**
     * @param anchor the site's geo anchor; required for {@link CoordinateFrame#WGS84}
     */
    public String writeCollection(Collection<Zone> zones, CoordinateFrame frame, GeoAnchor anchor) {
        return text(writer.collection(zones, frame, anchor));
    }

    public String writeFeature(Zone zone, CoordinateFrame frame, GeoAnchor anchor) {
        return text(writer.feature(zone, frame, anchor, true));
    }

    /** The collection as a JSON tree, for embedding in a larger response. */
    public ObjectNode toFeatureCollection(Collection<Zone> zones, CoordinateFrame frame, GeoAnchor anchor) {
        return writer.collection(zones, frame, anchor);
    }

    private Zone feature(JsonNode node, CoordinateFrame collectionFrame, ImportContext context, FeatureProblems fp) {
        if (node == null || !node.isObject()) {
            fp.add("", "must be a GeoJSON Feature object, got " + JsonText.brief(node));
            return null;
        }
        JsonNode id = node.get("id");
        if (id != null && (id.isTextual() && !id.asText().isBlank() || id.isIntegralNumber())) {
            fp.featureId(id.asText());
        } else {
            fp.add("id", "missing: every zone feature needs an id (string or integer), got " + JsonText.brief(id));
        }
        if (!"Feature".equals(node.path("type").asText(null))) {
            fp.add("type", "must be \"Feature\", got " + JsonText.brief(node.get("type")));
        }
        ZoneProperties props = ZonePropertiesReader.read(node.get("properties"), collectionFrame, fp);
        CoordinateFrame frame = props == null ? collectionFrame : props.frame();
        GeoAnchor anchor = context.anchor();
        if (frame == CoordinateFrame.WGS84 && anchor == null) {
            fp.add("properties.frame", "coordinates are WGS 84 but site '" + context.site()
                    + "' has no geo anchor to convert them to its metric frame");
        }
        String site = props == null || props.site() == null ? context.site() : props.site();
        if (props != null) {
            validator.placeProblems(fp.featureId(), fp.index(), site, props.level(), context.site(), context.levels())
                    .forEach(fp::add);
        }
        int vertices = RawGeometryCheck.check(node.get("geometry"), frame, fp);
        if (vertices > validator.maxVertices()) fp.add(validator.tooManyVertices(fp.featureId(), fp.index(), vertices));
        if (fp.any()) return null;

        Geometry geometry;
        try {
            geometry = new GeoJsonReader().read(node.get("geometry").toString());
        } catch (ParseException | RuntimeException e) {
            fp.add("geometry", "unreadable geometry: " + e.getMessage());
            return null;
        }
        if (frame == CoordinateFrame.WGS84) geometry = Frames.toLocal(geometry, anchor);
        for (Problem p : validator.geometryProblems(fp.featureId(), fp.index(), geometry)) {
            Position where = p.where();
            if (where != null && frame == CoordinateFrame.WGS84) where = Frames.toWgs84(where, anchor);
            fp.add(p.withWhere(where));
        }
        if (fp.any()) return null;
        try {
            return new Zone(fp.featureId(), props.name(), site, props.level(), geometry, props.kind(), props.state(),
                    props.rules());
        } catch (IllegalArgumentException e) {
            fp.add("", e.getMessage());
            return null;
        }
    }

    private JsonNode parse(String json, List<Problem> problems) {
        Objects.requireNonNull(json, "json");
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            problems.add(collectionProblem("", "not valid JSON" + where + ": " + e.getOriginalMessage()));
            return null;
        }
    }

    private static Problem collectionProblem(String path, String message) {
        return new Problem(null, -1, path, message, null);
    }

    private String text(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree we built could not be written", e);
        }
    }
}
