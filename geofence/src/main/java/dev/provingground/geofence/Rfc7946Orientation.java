package dev.provingground.geofence;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Puts polygon rings in RFC 7946 order: exterior rings counter-clockwise, holes clockwise. */
final class Rfc7946Orientation {

    private Rfc7946Orientation() {
    }

    /** The geometry itself when already oriented (so callers can tell nothing changed), else a re-oriented copy. */
    static Geometry orient(Geometry polygonal) {
        if (isOriented(polygonal)) return polygonal;
        if (polygonal instanceof Polygon p) return orient(p);
        MultiPolygon mp = (MultiPolygon) polygonal;
        Polygon[] parts = new Polygon[mp.getNumGeometries()];
        for (int i = 0; i < parts.length; i++) parts[i] = orient((Polygon) mp.getGeometryN(i));
        return mp.getFactory().createMultiPolygon(parts);
    }

    private static boolean isOriented(Geometry polygonal) {
        for (int i = 0; i < polygonal.getNumGeometries(); i++) {
            Polygon p = (Polygon) polygonal.getGeometryN(i);
            if (!Orientation.isCCW(p.getExteriorRing().getCoordinateSequence())) return false;
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                if (Orientation.isCCW(p.getInteriorRingN(h).getCoordinateSequence())) return false;
            }
        }
        return true;
    }

    private static Polygon orient(Polygon p) {
        LinearRing shell = p.getExteriorRing();
        if (!Orientation.isCCW(shell.getCoordinateSequence())) shell = shell.reverse();
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int h = 0; h < holes.length; h++) {
            LinearRing hole = p.getInteriorRingN(h);
            holes[h] = Orientation.isCCW(hole.getCoordinateSequence()) ? hole.reverse() : hole;
        }
        return p.getFactory().createPolygon(shell, holes);
    }
}
