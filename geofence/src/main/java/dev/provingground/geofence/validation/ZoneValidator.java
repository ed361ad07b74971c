package dev.provingground.geofence.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Position;
import dev.provingground.geofence.Zone;
import java.util.Locale;

/**
 * Checks zones that are already built: topology (self-intersections and the rest of what JTS {@link IsValidOp}
 * finds), vertex count, area, known level and site, unique ids. Problems that stop a geometry from being built at
 * all (unclosed rings, too few points, NaN) are found earlier, on the raw input, by the GeoJSON reader.
 */
public final class ZoneValidator {

    private final GeofenceConfig config;

    public ZoneValidator(GeofenceConfig config) {
        this.config = config;
    }

    /**
     * @param site   the site every zone must belong to
     * @param levels the site's known level ids (mapIds)
     * @throws ZoneValidationException listing every problem of every zone
     */
    public void validate(Collection<Zone> zones, String site, Set<String> levels, String source) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstIndexById = new HashMap<>();
        int index = 0;
        for (Zone zone : zones) {
            Integer earlier = firstIndexById.putIfAbsent(zone.id(), index);
            if (earlier != null) {
                problems.add(new Problem(zone.id(), index, "id", "duplicate zone id, also used by feature #" + earlier, null));
            }
            problems.addAll(problems(zone, index, site, levels));
            index++;
        }
        if (!problems.isEmpty()) throw new ZoneValidationException(source, problems);
    }

    /** Everything wrong with one zone, in the zone's metric frame; empty when it is fine. */
    public List<Problem> problems(Zone zone, int index, String site, Set<String> levels) {
        List<Problem> problems = new ArrayList<>(placeProblems(zone.id(), index, zone.site(), zone.level(), site, levels));
        int vertices = vertexCount(zone.geometry());
        if (vertices > config.maxVertices()) {
            problems.add(tooManyVertices(zone.id(), index, vertices));
            return problems; // validating a huge geometry is exactly the cost the limit exists to avoid
        }
        problems.addAll(geometryProblems(zone.id(), index, zone.geometry()));
        return problems;
    }

    /** Whether the zone is on the expected site and a known level. */
    public List<Problem> placeProblems(String featureId, int index, String zoneSite, String level, String site,
                                       Set<String> levels) {
        List<Problem> problems = new ArrayList<>(2);
        if (site != null && !site.equals(zoneSite)) {
            problems.add(new Problem(featureId, index, "properties.site",
                    "zone belongs to site '" + zoneSite + "', expected '" + site + "'", null));
        }
        if (level != null && !levels.contains(level)) {
            problems.add(new Problem(featureId, index, "properties.level", "unknown level '" + level + "' (known levels: "
                    + (levels.isEmpty() ? "none" : String.join(", ", new TreeSet<>(levels))) + ")", null));
        }
        return problems;
    }

    public Problem tooManyVertices(String featureId, int index, int vertices) {
        return new Problem(featureId, index, "geometry", "vertex count " + vertices
                + " is over the configured limit of " + config.maxVertices(), null);
    }

    public int maxVertices() {
        return config.maxVertices();
    }

    /** Topology problems of a polygonal geometry whose rings are known to be closed and long enough. */
    public List<Problem> geometryProblems(String featureId, int index, Geometry geometry) {
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            Coordinate c = error.getCoordinate();
            String message = error.getMessage().toLowerCase(Locale.ROOT);
            return List.of(new Problem(featureId, index, "geometry", "invalid polygon: " + message,
                    c == null ? null : new Position(c.x, c.y)));
        }
        if (!(geometry.getArea() > 0)) {
            Coordinate c = geometry.getCoordinate();
            return List.of(new Problem(featureId, index, "geometry", "polygon has no area",
                    c == null ? null : new Position(c.x, c.y)));
        }
        return List.of();
    }

    /** Distinct vertices: every ring's positions less the one that closes it. */
    public static int vertexCount(Geometry geometry) {
        int count = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(i);
            count += polygon.getExteriorRing().getNumPoints() - 1;
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                count += polygon.getInteriorRingN(h).getNumPoints() - 1;
            }
        }
        return count;
    }
}
