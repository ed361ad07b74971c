package dev.provingground.geofence.io;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

import dev.provingground.geofence.Position;
import dev.provingground.geofence.GeoAnchor;

/** Moves geometries between WGS 84 and a site's metric frame with its geo anchor. */
final class Frames {

    private Frames() {
    }

    /** A copy of a lon/lat geometry in the site's metric frame. */
    static Geometry toLocal(Geometry wgs84, GeoAnchor anchor) {
        Geometry copy = wgs84.copy();
        copy.apply(new Convert(anchor, true));
        copy.geometryChanged();
        return copy;
    }

    /** A copy of a metric geometry in lon/lat. */
    static Geometry toWgs84(Geometry local, GeoAnchor anchor) {
        Geometry copy = local.copy();
        copy.apply(new Convert(anchor, false));
        copy.geometryChanged();
        return copy;
    }

    static Position toWgs84(Position local, GeoAnchor anchor) {
        double[] lonLat = anchor.toWgs84(local.x(), local.y());
        return new Position(lonLat[0], lonLat[1]);
    }

    private record Convert(GeoAnchor anchor, boolean toLocal) implements CoordinateSequenceFilter {
        @Override
        public void filter(CoordinateSequence seq, int i) {
            double[] out = toLocal ? anchor.toLocal(seq.getX(i), seq.getY(i)) : anchor.toWgs84(seq.getX(i), seq.getY(i));
            seq.setOrdinate(i, CoordinateSequence.X, out[0]);
            seq.setOrdinate(i, CoordinateSequence.Y, out[1]);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
