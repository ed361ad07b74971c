package dev.provingground.geofence.index;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

import dev.provingground.geofence.Zone;

/**
 * A zone with its prepared geometry: the unit stored in the per-level spatial index.
 * Thread-safe: JTS prepared geometries and point locators are, and the lazily built distance index is published
 * through a volatile field (a race only builds it twice).
 */
public final class IndexedZone {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final Zone zone;
    private final String id;
    private final int idHash;
    // The bounds again as plain fields: the first test of every nearby zone then reads this object alone.
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    private final PreparedGeometry prepared;
    private final PointOnGeometryLocator locator;
    private final Envelope envelope;
    /** Flat rings of zones small enough that a linear pass is the fast way; null for big zones. */
    private final ZoneOutline outline;
    /** Answers most questions about small zones before the outline is read; null for big zones. */
    private final CellRaster raster;
    private volatile IndexedFacetDistance boundaryDistance;

    /** Up to this many positions a linear pass over the outline beats building and querying an index. */
    private static final int LINEAR_SCAN_POSITIONS = 256;

    private IndexedZone(Zone zone, PreparedGeometry prepared, PointOnGeometryLocator locator, ZoneOutline outline,
                        CellRaster raster) {
        this.zone = zone;
        this.id = zone.id();
        this.idHash = id.hashCode();
        this.prepared = prepared;
        this.locator = locator;
        this.outline = outline;
        this.raster = raster;
        this.envelope = zone.geometry().getEnvelopeInternal();
        this.minX = envelope.getMinX();
        this.minY = envelope.getMinY();
        this.maxX = envelope.getMaxX();
        this.maxY = envelope.getMaxY();
    }

    public static IndexedZone prepare(Zone zone) {
        // Our own locator rather than PreparedPolygon's, whose accessor is synchronized: evaluations on several
        // threads then never contend. Both are lazily indexed, so preparing costs little until a zone is queried.
        Geometry g = zone.geometry();
        PointOnGeometryLocator locator = new IndexedPointInAreaLocator(g);
        ZoneOutline outline = g.getNumPoints() <= LINEAR_SCAN_POSITIONS ? ZoneOutline.of(g) : null;
        // The locator's index is built lazily on first use; for big zones, build it now, off the evaluation path.
        if (outline == null) locator.locate(g.getCoordinate());
        CellRaster raster = outline == null ? null : CellRaster.of(outline, g.getEnvelopeInternal());
        return new IndexedZone(zone, PreparedGeometryFactory.prepare(g), locator, outline, raster);
    }

    /** The same prepared geometry under a zone whose geometry is unchanged (a state or rule edit). */
    public IndexedZone withZone(Zone changed) {
        if (changed.geometry() != zone.geometry()) return prepare(changed);
        IndexedZone copy = new IndexedZone(changed, prepared, locator, outline, raster);
        copy.boundaryDistance = boundaryDistance;
        return copy;
    }

    public Zone zone() {
        return zone;
    }

    public String id() {
        return id;
    }

    /** The same zone, perhaps in another version: zones are matched by id, since an edit makes a new object. */
    public boolean sameZoneAs(IndexedZone other) {
        return other == this || (other.idHash == idHash && other.id.equals(id));
    }

    public PreparedGeometry prepared() {
        return prepared;
    }

    public Envelope envelope() {
        return envelope;
    }

    /** Inside or on the boundary: a robot on the line counts as in the zone. */
    public boolean covers(Coordinate p) {
        if (p.x < minX || p.x > maxX || p.y < minY || p.y > maxY) return false;
        if (outline == null) return locator.locate(p) != Location.EXTERIOR;
        return raster.covers(p.x, p.y);
    }

    /** Whether the straight move from a to b touches the zone anywhere. */
    public boolean intersectsSegment(Coordinate a, Coordinate b) {
        if (!segmentMayMeetEnvelope(a, b)) return false;
        if (outline == null) return prepared.intersects(FACTORY.createLineString(new Coordinate[] {a, b}));
        return raster.meetsOutline(a.x, a.y, b.x, b.y) || covers(a);
    }

    /**
     * Whether the move a→b meets the zone, for a move known to end outside it (b not covered): such a move meets
     * the zone exactly when it meets its outline.
     */
    public boolean crossedFromOutside(Coordinate a, Coordinate b) {
        if (!segmentMayMeetEnvelope(a, b)) return false;
        if (outline == null) return prepared.intersects(FACTORY.createLineString(new Coordinate[] {a, b}));
        return raster.meetsOutline(a.x, a.y, b.x, b.y);
    }

    /** False when the segment's line passes the zone's bounding box by: all four corners lie on one side of it. */
    private boolean segmentMayMeetEnvelope(Coordinate a, Coordinate b) {
        if (Math.max(a.x, b.x) < minX || Math.min(a.x, b.x) > maxX || Math.max(a.y, b.y) < minY
                || Math.min(a.y, b.y) > maxY) {
            return false;
        }
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double c1 = dx * (minY - a.y) - dy * (minX - a.x);
        double c2 = dx * (minY - a.y) - dy * (maxX - a.x);
        double c3 = dx * (maxY - a.y) - dy * (minX - a.x);
        double c4 = dx * (maxY - a.y) - dy * (maxX - a.x);
        // A margin, because this is a floating-point shortcut in front of the exact test, never the test itself.
        double margin = 1e-9 * (Math.abs(dx) + Math.abs(dy)) * ((maxX - minX) + (maxY - minY) + 1);
        return !((c1 > margin && c2 > margin && c3 > margin && c4 > margin)
                || (c1 < -margin && c2 < -margin && c3 < -margin && c4 < -margin));
    }

    /**
     * Where the straight move a→b meets the zone's outline, as fractions of the way from a (0) to b (1), sorted,
     * starting with 0 and ending with 1. Between two consecutive fractions the move is wholly inside or outside.
     */
    public double[] outlineCrossings(Coordinate a, Coordinate b) {
        return OutlineCrossings.along(a, b, zone.geometry());
    }

    /** The middle of the first stretch of the move a→b that lies in the zone, or null if none does. */
    public Coordinate firstPointInside(Coordinate a, Coordinate b) {
        double[] t = outlineCrossings(a, b);
        for (int i = 0; i + 1 < t.length; i++) {
            double mid = (t[i] + t[i + 1]) / 2;
            Coordinate c = new Coordinate(a.x + (b.x - a.x) * mid, a.y + (b.y - a.y) * mid);
            if (covers(c)) return c;
        }
        return null;
    }

    /** Distance from p to the zone's outline: how deep inside, or how far outside, p is. */
    public double distanceToBoundary(Coordinate p) {
        if (outline != null) return outline.distanceTo(p.x, p.y);
        IndexedFacetDistance index = boundaryDistance;
        if (index == null) {
            index = new IndexedFacetDistance(zone.geometry().getBoundary());
            boundaryDistance = index;
        }
        return index.distance(FACTORY.createPoint(p));
    }

    @Override
    public String toString() {
        return "IndexedZone[" + id + "]";
    }
}
