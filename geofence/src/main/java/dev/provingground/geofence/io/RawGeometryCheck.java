package dev.provingground.geofence.io;

import com.fasterxml.jackson.databind.JsonNode;

import dev.provingground.geofence.Position;

/**
 * Checks a GeoJSON Polygon or MultiPolygon on the raw JSON, before JTS sees it: JTS refuses unclosed or too short
 * rings with an exception that does not say which feature or where, and takes NaN without complaint.
 */
final class RawGeometryCheck {

    /**
     * Bound of a level-frame coordinate, in metres; the same as a robot's position (docs/ZONES.md). Beyond it
     * areas and distances overflow: a vertex at -1e300 was stored as "-Infinity" and stopped the server for good.
     */
    static final double MAX_LOCAL_COORDINATE = 1e6;

    private final FeatureProblems problems;
    private final CoordinateFrame frame;
    private int vertices;

    private RawGeometryCheck(FeatureProblems problems, CoordinateFrame frame) {
        this.problems = problems;
        this.frame = frame;
    }

    /** @return the number of vertices (closing positions not counted), or -1 when the geometry is unusable */
    static int check(JsonNode geometry, CoordinateFrame frame, FeatureProblems problems) {
        RawGeometryCheck check = new RawGeometryCheck(problems, frame);
        boolean ok = check.geometry(geometry);
        return ok ? check.vertices : -1;
    }

    private boolean geometry(JsonNode geometry) {
        if (geometry == null || geometry.isNull()) {
            problems.add("geometry", "missing: a zone needs a Polygon or MultiPolygon");
            return false;
        }
        if (!geometry.isObject()) {
            problems.add("geometry", "must be a GeoJSON geometry object, got " + JsonText.brief(geometry));
            return false;
        }
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.get("coordinates");
        if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
            problems.add("geometry.type", "must be Polygon or MultiPolygon, got " + JsonText.brief(geometry.get("type")));
            return false;
        }
        if (coordinates == null || !coordinates.isArray()) {
            problems.add("geometry.coordinates", "must be an array, got " + JsonText.brief(coordinates));
            return false;
        }
        if (type.equals("Polygon")) return polygon(coordinates, "geometry.coordinates");
        if (coordinates.isEmpty()) {
            problems.add("geometry.coordinates", "a MultiPolygon needs at least one polygon");
            return false;
        }
        boolean ok = true;
        for (int p = 0; p < coordinates.size(); p++) {
            ok &= polygon(coordinates.get(p), "geometry.coordinates[" + p + "]");
        }
        return ok;
    }

    private boolean polygon(JsonNode rings, String path) {
        if (!rings.isArray() || rings.isEmpty()) {
            problems.add(path, "a polygon must be a non-empty array of rings, got " + JsonText.brief(rings));
            return false;
        }
        boolean ok = true;
        for (int r = 0; r < rings.size(); r++) ok &= ring(rings.get(r), path + "[" + r + "]");
        return ok;
    }

    private boolean ring(JsonNode ring, String path) {
        if (!ring.isArray()) {
            problems.add(path, "a ring must be an array of positions, got " + JsonText.brief(ring));
            return false;
        }
        Position[] positions = new Position[ring.size()];
        boolean ok = true;
        for (int i = 0; i < ring.size(); i++) {
            positions[i] = position(ring.get(i), path + "[" + i + "]");
            ok &= positions[i] != null;
        }
        if (!ok) return false;
        if (positions.length < 4) {
            problems.add(path, "too few points: ring has " + positions.length
                    + " positions, a closed ring needs at least 4 (3 corners and the closing point)",
                    positions.length == 0 ? null : positions[0]);
            return false;
        }
        Position first = positions[0];
        Position last = positions[positions.length - 1];
        if (first.x() != last.x() || first.y() != last.y()) {
            problems.add(path, "unclosed ring: first position " + first + " differs from last position " + last
                    + " (RFC 7946 rings end where they start)", first);
            return false;
        }
        vertices += positions.length - 1;
        return true;
    }

    private Position position(JsonNode node, String path) {
        if (!node.isArray() || node.size() < 2 || node.size() > 3) {
            problems.add(path, "a position must be an array of 2 (or 3, with altitude) numbers, got " + JsonText.brief(node));
            return null;
        }
        for (int k = 0; k < node.size(); k++) {
            JsonNode n = node.get(k);
            if (!n.isNumber()) {
                problems.add(path + "[" + k + "]", "must be a number, got " + JsonText.brief(n));
                return null;
            }
            if (!Double.isFinite(n.doubleValue())) {
                problems.add(path + "[" + k + "]", "coordinate is " + (Double.isNaN(n.doubleValue()) ? "NaN" : "infinite"));
                return null;
            }
            if (frame == CoordinateFrame.LOCAL && Math.abs(n.doubleValue()) > MAX_LOCAL_COORDINATE) {
                problems.add(path + "[" + k + "]", "coordinate " + n.doubleValue() + " is outside -1e6..1e6 m"
                        + " (a level's frame spans at most a thousand kilometres each way)");
                return null;
            }
        }
        double x = node.get(0).doubleValue();
        double y = node.get(1).doubleValue();
        if (frame == CoordinateFrame.WGS84 && (x < -180 || x > 180 || y < -90 || y > 90)) {
            problems.add(path, "not a WGS 84 position [longitude, latitude]: " + x + ", " + y
                    + " (longitude must be in -180..180, latitude in -90..90)", new Position(x, y));
            return null;
        }
        return new Position(x, y);
    }
}
