package dev.provingground.geofence.io;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.provingground.documents.DocumentException;
import dev.provingground.documents.DocumentProblem;
import dev.provingground.documents.DocumentSchema;
import dev.provingground.documents.StrictJson;
import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Position;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.ZoneRules;
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
 * every problem; it never returns part of a collection. A document is read exactly and checked against the published
 * schemas ({@code docs/schemas/zone-collection.schema.json}, {@code zone.schema.json}: fields, types, bounds; unknown
 * properties refused), then each feature whose form is right is bound to {@link ZoneFeatureDocument} and checked for
 * meaning: its level exists, its polygon is valid, its state fits its kind. Coordinates in a WGS 84 frame are
 * converted with the site's geo anchor; problem locations are reported in the frame the feature was written in.
 */
public final class GeoJsonZones {

    /** Enough digits that any double survives the round trip in the metric frame. */
    private static final int LOCAL_DECIMALS = 17;
    /** 1e-9 degrees is about 0.1 mm: finer than any robot's localisation. */
    private static final int WGS84_DECIMALS = 9;

    /** The published schemas, packaged from {@code docs/schemas/} (see this module's pom). */
    private static final DocumentSchema COLLECTION_SCHEMA = DocumentSchema.fromClasspath(GeoJsonZones.class,
            "schema/zone-collection.schema.json");
    private static final DocumentSchema FEATURE_SCHEMA = DocumentSchema.fromClasspath(GeoJsonZones.class,
            "schema/zone.schema.json");

    private final ObjectMapper mapper = JsonMapper.builder().build();
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
            Set<Integer> malformed = new java.util.HashSet<>();
            for (DocumentProblem p : COLLECTION_SCHEMA.check(root)) {
                Problem located = locate(root, p);
                problems.add(located);
                if (located.featureIndex() < 0) malformed.add(-1);
                else malformed.add(located.featureIndex());
            }
            if (!malformed.contains(-1)) {
                CoordinateFrame frame = root.has("frame") ? CoordinateFrame.fromJson(root.get("frame").asText())
                        : CoordinateFrame.LOCAL;
                JsonNode features = root.get("features");
                Map<String, Integer> indexById = new HashMap<>();
                for (int i = 0; i < features.size(); i++) {
                    FeatureProblems fp = new FeatureProblems(problems, i);
                    JsonNode id = features.get(i).path("id");
                    if (id.isTextual()) {
                        fp.featureId(id.asText());
                        Integer earlier = indexById.putIfAbsent(id.asText(), i);
                        if (earlier != null) fp.add("id", "duplicate zone id, also used by feature #" + earlier);
                    }
                    if (malformed.contains(i)) continue;
                    Zone zone = feature(features.get(i), frame, context, fp);
                    if (zone != null) zones.add(zone);
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
        if (root != null) {
            for (DocumentProblem p : FEATURE_SCHEMA.check(root)) {
                problems.add(new Problem(root.path("id").isTextual() ? root.get("id").asText() : null, 0,
                        p.pointer().isEmpty() ? "" : p.field(), p.message(), null));
            }
            if (problems.isEmpty()) {
                FeatureProblems fp = new FeatureProblems(problems, 0);
                if (root.path("id").isTextual()) fp.featureId(root.get("id").asText());
                zone = feature(root, CoordinateFrame.LOCAL, context, fp);
            }
        }
        if (!problems.isEmpty()) throw new ZoneValidationException(source, problems);
        return zone;
    }

    /** A problem at an RFC 6901 pointer into a collection: a feature's (by index and id) or the collection's own. */
    private static Problem locate(JsonNode root, DocumentProblem p) {
        String[] steps = p.pointer().split("/", 4);
        if (steps.length >= 3 && steps[1].equals("features") && steps[2].matches("\\d{1,9}")) {
            int index = Integer.parseInt(steps[2]);
            JsonNode id = root.path("features").path(index).path("id");
            String inside = steps.length == 4 ? new DocumentProblem("/" + steps[3], p.message()).field() : "";
            return new Problem(id.isTextual() ? id.asText() : null, index, inside, p.message(), null);
        }
        return collectionProblem(p.pointer().isEmpty() ? "" : p.field(), p.message());
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

    /** A feature whose form the schema passed: bound, then checked for meaning. */
    private Zone feature(JsonNode node, CoordinateFrame collectionFrame, ImportContext context, FeatureProblems fp) {
        ZoneFeatureDocument document;
        try {
            document = StrictJson.bind(node, ZoneFeatureDocument.class);
        } catch (DocumentException e) {
            e.problems().forEach(p -> fp.add(p.pointer().isEmpty() ? "" : p.field(), p.message()));
            return null;
        }
        if (document.id() == null) {
            fp.add("id", "missing: every zone feature needs an id");
        }
        ZoneFeatureDocument.Properties props = document.properties();
        if (props.state() != null && props.kind() != ZoneKind.DISINFECTION) {
            fp.add("properties.state", "only DISINFECTION zones have a state, this zone is " + props.kind());
        }
        CoordinateFrame frame = props.frame() == null ? collectionFrame : CoordinateFrame.fromJson(props.frame());
        GeoAnchor anchor = context.anchor();
        if (frame == CoordinateFrame.WGS84 && anchor == null) {
            fp.add("properties.frame", "coordinates are WGS 84 but site '" + context.site()
                    + "' has no geo anchor to convert them to its metric frame");
        }
        String site = props.site() == null ? context.site() : props.site();
        validator.placeProblems(fp.featureId(), fp.index(), site, props.level(), context.site(), context.levels())
                .forEach(fp::add);
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
            ZoneRules rules = new ZoneRules(props.maxSpeed(), texts(props.robotKinds()), texts(props.firms()),
                    schedule(props.schedule()), props.maxRobots(),
                    props.onViolation());
            return new Zone(fp.featureId(), props.name(), site, props.level(), geometry, props.kind(), props.state(),
                    rules);
        } catch (IllegalArgumentException e) {
            fp.add("", e.getMessage());
            return null;
        }
    }

    private static Set<String> texts(List<String> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }

    private static WeeklySchedule schedule(List<ZoneFeatureDocument.Window> windows) {
        if (windows == null) return null;
        List<WeeklySchedule.Window> out = new ArrayList<>();
        for (ZoneFeatureDocument.Window w : windows) {
            LocalTime from = LocalTime.parse(w.from());
            // "24:00" reads naturally as the end of a day; it is the same instant as the next day's 00:00.
            LocalTime to = w.to().equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(w.to());
            for (DayOfWeek day : w.days()) out.add(new WeeklySchedule.Window(day, from, to));
        }
        return new WeeklySchedule(out);
    }

    /** The document's tree, or null with its problems (malformed JSON, NaN or Infinity where they stand) added. */
    private static JsonNode parse(String json, List<Problem> problems) {
        Objects.requireNonNull(json, "json");
        try {
            return StrictJson.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (DocumentException e) {
            JsonNode none = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            e.problems().forEach(p -> problems.add(locate(none, p)));
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
