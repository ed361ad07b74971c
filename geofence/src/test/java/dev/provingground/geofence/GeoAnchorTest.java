package dev.provingground.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoAnchorTest {

    private static final GeoAnchor PANGYO = new GeoAnchor(37.4013, 127.1086, 15.0);

    @Test
    void localPointsSurviveARoundTripThroughWgs84ToWithinOneCentimetreOverTwoKilometres() {
        double worst = 0;
        for (double x = -2000; x <= 2000; x += 250) {
            for (double y = -2000; y <= 2000; y += 250) {
                double[] lonLat = PANGYO.toWgs84(x, y);
                double[] back = PANGYO.toLocal(lonLat[0], lonLat[1]);
                worst = Math.max(worst, Math.hypot(back[0] - x, back[1] - y));
            }
        }
        assertThat(worst).isLessThan(0.01);
    }

    @Test
    void wgs84PointsSurviveARoundTripThroughTheLocalFrame() {
        double[] local = PANGYO.toLocal(127.12, 37.39);
        double[] lonLat = PANGYO.toWgs84(local[0], local[1]);
        assertThat(lonLat[0]).isCloseTo(127.12, within(1e-9));
        assertThat(lonLat[1]).isCloseTo(37.39, within(1e-9));
    }

    @Test
    void theOriginIsTheAnchor() {
        double[] lonLat = PANGYO.toWgs84(0, 0);
        assertThat(lonLat).containsExactly(new double[] {127.1086, 37.4013}, within(1e-12));
    }

    @Test
    void distancesAgreeWithGeodesicReferencePointsToWithinTheDocumentedError() {
        // Reference points from Vincenty's direct formula on WGS 84 from the anchor (azimuth, distance).
        GeoAnchor north = new GeoAnchor(37.4013, 127.1086, 0);
        assertLocal(north.toLocal(127.1086, 37.410310205226345), 0, 1000, 0.01);
        assertLocal(north.toLocal(127.11989411308676, 37.40129946060749), 1000, 0, 0.08);
        double s45 = 2000 * Math.sin(Math.toRadians(45));
        assertLocal(north.toLocal(127.12457499301534, 37.41404127132901), s45, s45, 0.3);
    }

    private static void assertLocal(double[] actual, double x, double y, double metres) {
        assertThat(Math.hypot(actual[0] - x, actual[1] - y)).isLessThan(metres);
    }

    @Test
    void rotationTurnsTheLocalXAxisCounterClockwiseFromEast() {
        GeoAnchor xPointsNorth = new GeoAnchor(37.4013, 127.1086, 90);
        double[] lonLat = xPointsNorth.toWgs84(100, 0);
        assertThat(lonLat[0]).isCloseTo(127.1086, within(1e-9));
        assertThat(lonLat[1]).isGreaterThan(37.4013);

        double[] local = xPointsNorth.toLocal(127.1086, 37.4013 + 0.001);
        assertThat(local[0]).isCloseTo(111.0, within(0.5));
        assertThat(local[1]).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void anchorsNextToTheAntimeridianConvertAcrossIt() {
        GeoAnchor fiji = new GeoAnchor(-17.0, 179.9995, 0);
        double[] lonLat = fiji.toWgs84(200, 0);
        assertThat(lonLat[0]).isBetween(-180.0, -179.99);
        double[] back = fiji.toLocal(lonLat[0], lonLat[1]);
        assertThat(back[0]).isCloseTo(200.0, within(1e-6));
    }

    @Test
    void latitudeAndLongitudeOutOfRangeAreRejected() {
        assertThatThrownBy(() -> new GeoAnchor(90, 0, 0)).hasMessageContaining("latitude").hasMessageContaining("90");
        assertThatThrownBy(() -> new GeoAnchor(0, 180.5, 0)).hasMessageContaining("longitude").hasMessageContaining("180.5");
        assertThatThrownBy(() -> new GeoAnchor(Double.NaN, 0, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> new GeoAnchor(0, 0, Double.POSITIVE_INFINITY)).hasMessageContaining("rotationDeg");
    }
}
