package dev.provingground.geofence.io;

import static dev.provingground.geofence.TestZones.LEVEL;
import static dev.provingground.geofence.TestZones.SITE;
import static dev.provingground.geofence.TestZones.rectangle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Position;
import dev.provingground.geofence.TestZones;
import dev.provingground.geofence.ViolationAction;
import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.ZoneRules;
import dev.provingground.geofence.ZoneState;
import dev.provingground.geofence.evaluation.GeofenceEngine;
import dev.provingground.geofence.validation.Problem;
import dev.provingground.geofence.validation.ZoneValidationException;
import dev.provingground.geofence.GeoAnchor;

class GeoJsonZonesTest {

    private static final GeoAnchor ANCHOR = new GeoAnchor(37.5665, 126.9780, 30);
    private static final ImportContext CONTEXT = new ImportContext(SITE, Set.of("L1", "L2"), ANCHOR);
    private static final ImportContext NO_ANCHOR = new ImportContext(SITE, Set.of("L1", "L2"), null);
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final GeoJsonZones geoJson = new GeoJsonZones(GeofenceConfig.defaults());

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static String feature(String id, String coordinates, String properties) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + coordinates + "},\"properties\":{" + properties + "}}";
    }

    private static final String SQUARE = "[[[0,0],[4,0],[4,3],[0,3],[0,0]]]";

    private ZoneValidationException rejected(String json) {
        return catchThrowableOfType(ZoneValidationException.class,
                () -> geoJson.readCollection(json, "zones.geojson", CONTEXT));
    }

    @Test
    void featureWithEveryPropertyIsRead() {
        String json = collection(feature("kitchen", SQUARE, """
                "name": "Kitchen", "level": "L1", "kind": "DISINFECTION", "state": "CLOSED",
                "maxSpeed": 0.5, "robotKinds": ["DELIVERY", "SERVING"], "firms": ["acme"],
                "schedule": [{"days": ["MONDAY", "FRIDAY"], "from": "09:00", "to": "18:00"},
                             {"days": ["SUNDAY"], "from": "22:00", "to": "24:00"}],
                "maxRobots": 2, "onViolation": "PAUSE"
                """));
        Zone z = geoJson.readCollection(json, "zones.geojson", CONTEXT).get(0);
        assertThat(z.id()).isEqualTo("kitchen");
        assertThat(z.name()).isEqualTo("Kitchen");
        assertThat(z.site()).as("defaults to the import's site").isEqualTo(SITE);
        assertThat(z.level()).isEqualTo("L1");
        assertThat(z.kind()).isEqualTo(ZoneKind.DISINFECTION);
        assertThat(z.state()).isEqualTo(ZoneState.CLOSED);
        assertThat(z.geometry().getArea()).isEqualTo(12.0);
        ZoneRules r = z.rules();
        assertThat(r.maxSpeed()).isEqualTo(0.5);
        assertThat(r.robotKinds()).containsExactlyInAnyOrder("DELIVERY", "SERVING");
        assertThat(r.firms()).containsExactly("acme");
        assertThat(r.maxRobots()).isEqualTo(2);
        assertThat(r.onViolation()).isEqualTo(ViolationAction.PAUSE);
        assertThat(r.schedule().windows()).containsExactly(
                new WeeklySchedule.Window(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)),
                new WeeklySchedule.Window(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)),
                new WeeklySchedule.Window(DayOfWeek.SUNDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT));
    }

    @Test
    void minimalFeatureGetsDefaults() {
        Zone z = geoJson.readCollection(collection(feature("a", SQUARE, "\"level\":\"L1\",\"kind\":\"KEEP_OUT\"")),
                "zones.geojson", CONTEXT).get(0);
        assertThat(z.name()).isEqualTo("a");
        assertThat(z.rules()).isEqualTo(ZoneRules.NONE);
        assertThat(z.state()).isNull();
    }

    @Test
    void exportThenImportGivesEqualZones() {
        Polygon withHole = FACTORY.createPolygon(FACTORY.createLinearRing(new Coordinate[] {
                new Coordinate(0, 0), new Coordinate(0, 10), new Coordinate(10.123456789, 10), // clockwise on purpose
                new Coordinate(10, 0.1), new Coordinate(0, 0)}),
                new org.locationtech.jts.geom.LinearRing[] {FACTORY.createLinearRing(new Coordinate[] {
                        new Coordinate(2, 2), new Coordinate(4, 2), new Coordinate(4, 4), new Coordinate(2, 2)})});
        Geometry multi = FACTORY.createMultiPolygon(new Polygon[] {rectangle(20, 0, 25, 5), rectangle(30, 0, 31.7, 0.3)});
        List<Zone> zones = List.of(
                new Zone("hall", "Main hall", SITE, "L1", withHole, ZoneKind.SPEED_LIMIT, null,
                        new ZoneRules(1.2, Set.of("DELIVERY"), Set.of("acme", "bolt"),
                                new WeeklySchedule(List.of(
                                        new WeeklySchedule.Window(DayOfWeek.TUESDAY, LocalTime.of(8, 30), LocalTime.of(12, 0)),
                                        new WeeklySchedule.Window(DayOfWeek.MONDAY, LocalTime.of(8, 30), LocalTime.of(12, 0)),
                                        new WeeklySchedule.Window(DayOfWeek.SATURDAY, LocalTime.of(20, 0), LocalTime.of(2, 0)))),
                                3, ViolationAction.CANCEL)),
                new Zone("ward", null, SITE, "L2", multi, ZoneKind.DISINFECTION, ZoneState.CLOSED, ZoneRules.NONE),
                new Zone("op", null, SITE, "L1", rectangle(-50, -50, 50, 50), ZoneKind.OPERATING_AREA, null, null));

        String json = geoJson.writeCollection(zones, CoordinateFrame.LOCAL, null);
        assertThat(json).doesNotContain("crs");
        assertThat(geoJson.readCollection(json, "export", CONTEXT)).isEqualTo(zones);

        Zone one = zones.get(0);
        assertThat(geoJson.readFeature(geoJson.writeFeature(one, CoordinateFrame.LOCAL, null), "one", CONTEXT))
                .isEqualTo(one);
    }

    @Test
    void exportedRingsFollowRfc7946Orientation() throws Exception {
        Polygon clockwise = FACTORY.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(0, 5),
                new Coordinate(5, 5), new Coordinate(5, 0), new Coordinate(0, 0)});
        Zone z = new Zone("cw", null, SITE, LEVEL, clockwise, ZoneKind.KEEP_OUT, null, null);
        JsonNode ring = new ObjectMapper().readTree(geoJson.writeFeature(z, CoordinateFrame.LOCAL, null))
                .at("/geometry/coordinates/0");
        double signedArea = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            signedArea += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                    - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
        }
        assertThat(signedArea).as("positive = counter-clockwise").isPositive();
    }

    @Test
    void wgs84ExportReadsBackToTheSameMetricZone() throws Exception {
        Zone z = new Zone("plaza", null, SITE, "L1", rectangle(100, 50, 180, 90), ZoneKind.CROSSWALK, null,
                ZoneRules.NONE.withMaxSpeed(1.0));
        String json = geoJson.writeCollection(List.of(z), CoordinateFrame.WGS84, ANCHOR);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.get("frame").asText()).isEqualTo("wgs84");
        double lon = tree.at("/features/0/geometry/coordinates/0/0/0").asDouble();
        double lat = tree.at("/features/0/geometry/coordinates/0/0/1").asDouble();
        assertThat(lon).isCloseTo(126.98, within(0.01));
        assertThat(lat).isCloseTo(37.567, within(0.01));

        Zone back = geoJson.readCollection(json, "wgs84", CONTEXT).get(0);
        assertThat(back.rules()).isEqualTo(z.rules());
        assertThat(back.kind()).isEqualTo(z.kind());
        assertThat(back.geometry().getNumPoints()).isEqualTo(z.geometry().getNumPoints());
        Coordinate[] expected = z.geometry().getCoordinates();
        Coordinate[] actual = back.geometry().getCoordinates();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].distance(expected[i])).as("vertex %d, metres", i).isLessThan(1e-3);
        }
    }

    @Test
    void wgs84InputIsConvertedWithTheSiteAnchor() {
        double[] p0 = ANCHOR.toWgs84(0, 0);
        double[] p1 = ANCHOR.toWgs84(10, 0);
        double[] p2 = ANCHOR.toWgs84(10, 10);
        String ring = "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]".formatted(p0[0], p0[1], p1[0], p1[1], p2[0], p2[1], p0[0], p0[1]);
        String json = "{\"type\":\"FeatureCollection\",\"frame\":\"wgs84\",\"features\":["
                + feature("t", ring, "\"level\":\"L1\",\"kind\":\"KEEP_OUT\"") + "]}";
        Zone z = geoJson.readCollection(json, "outdoor.geojson", CONTEXT).get(0);
        assertThat(z.geometry().getArea()).isCloseTo(50, within(1e-4));
        assertThat(z.geometry().getEnvelopeInternal().getMaxX()).isCloseTo(10, within(1e-6));
    }

    @Test
    void wgs84InputForASiteWithoutAnchorIsRejected() {
        String json = collection(feature("t", SQUARE, "\"level\":\"L1\",\"kind\":\"KEEP_OUT\",\"frame\":\"wgs84\""));
        assertThatThrownBy(() -> geoJson.readCollection(json, "outdoor.geojson", NO_ANCHOR))
                .isInstanceOf(ZoneValidationException.class)
                .hasMessageContaining("feature 't'").hasMessageContaining("no geo anchor");
    }

    @Test
    void bowtiePolygonIsRejectedNamingTheFeatureTheProblemAndWhere() {
        ZoneValidationException e = rejected(collection(
                feature("bowtie", "[[[0,0],[10,10],[10,0],[0,10],[0,0]]]", "\"level\":\"L1\",\"kind\":\"KEEP_OUT\"")));
        Problem p = e.problems().get(0);
        assertThat(p.featureId()).isEqualTo("bowtie");
        assertThat(p.featureIndex()).isZero();
        assertThat(p.message()).containsIgnoringCase("self-intersection");
        assertThat(p.where()).isEqualTo(new Position(5, 5));
        assertThat(e.getMessage()).contains("zones.geojson").contains("feature 'bowtie' (#0)")
                .contains("self-intersection").contains("(5.0, 5.0)");
    }

    @Test
    void bowtieInWgs84IsLocatedInWgs84() {
        double[] a = ANCHOR.toWgs84(0, 0);
        double[] b = ANCHOR.toWgs84(10, 10);
        double[] c = ANCHOR.toWgs84(10, 0);
        double[] d = ANCHOR.toWgs84(0, 10);
        String ring = "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]".formatted(a[0], a[1], b[0], b[1], c[0], c[1],
                d[0], d[1], a[0], a[1]);
        ZoneValidationException e = catchThrowableOfType(ZoneValidationException.class, () -> geoJson.readCollection(
                collection(feature("bow", ring, "\"level\":\"L1\",\"kind\":\"KEEP_OUT\",\"frame\":\"wgs84\"")),
                "x", CONTEXT));
        double[] centre = ANCHOR.toWgs84(5, 5);
        assertThat(e.problems().get(0).where().x()).isCloseTo(centre[0], within(1e-7));
        assertThat(e.problems().get(0).where().y()).isCloseTo(centre[1], within(1e-7));
    }

    @Test
    void unclosedRingIsRejectedNamingTheFeatureAndTheRing() {
        ZoneValidationException e = rejected(collection(
                feature("open", "[[[0,0],[4,0],[4,3],[0,3]]]", "\"level\":\"L1\",\"kind\":\"KEEP_OUT\"")));
        Problem p = e.problems().get(0);
        assertThat(p.featureId()).isEqualTo("open");
        assertThat(p.path()).isEqualTo("geometry.coordinates[0]");
        assertThat(p.message()).contains("unclosed ring").contains("(0.0, 0.0)").contains("(0.0, 3.0)");
        assertThat(p.where()).isEqualTo(new Position(0, 0));
    }

    @Test
    void ringWithTooFewPointsIsRejected() {
        ZoneValidationException e = rejected(collection(
                feature("sliver", "[[[0,0],[4,0],[0,0]]]", "\"level\":\"L1\",\"kind\":\"KEEP_OUT\"")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.featureId()).isEqualTo("sliver");
            assertThat(p.message()).contains("too few points").contains("3 positions");
        });
    }

    @Test
    void nanCoordinateIsRejectedWithItsPath() {
        ZoneValidationException e = rejected(collection(
                feature("nan", "[[[0,0],[4,NaN],[4,3],[0,3],[0,0]]]", "\"level\":\"L1\",\"kind\":\"KEEP_OUT\"")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("geometry.coordinates[0][1][1]");
            assertThat(p.message()).contains("NaN");
        });
    }

    @Test
    void aVertexFarOutsideAnyLevelIsRejectedBeforeItCanOverflowToInfinity() {
        ZoneValidationException e = rejected(collection(
                feature("far", "[[[0,0],[4,-1e300],[4,3],[0,3],[0,0]]]", "\"level\":\"L1\",\"kind\":\"KEEP_OUT\""),
                feature("big", "[[[0,0],[1e308,0],[4,3],[0,3],[0,0]]]", "\"level\":\"L1\",\"kind\":\"KEEP_OUT\"")));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0).path()).isEqualTo("geometry.coordinates[0][1][1]");
        assertThat(e.problems().get(0).message()).contains("-1.0E300 is outside -1e6..1e6 m");
        assertThat(e.problems().get(1).message()).contains("1.0E308 is outside -1e6..1e6 m");
    }

    @Test
    void zoneWithMoreVerticesThanTheLimitIsRejected() {
        GeoJsonZones strict = new GeoJsonZones(GeofenceConfig.defaults().withMaxVertices(4));
        String pentagon = "[[[0,0],[4,0],[5,2],[4,3],[0,3],[0,0]]]";
        ZoneValidationException e = catchThrowableOfType(ZoneValidationException.class, () -> strict.readCollection(
                collection(feature("big", pentagon, "\"level\":\"L1\",\"kind\":\"KEEP_OUT\"")), "x", CONTEXT));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.featureId()).isEqualTo("big");
            assertThat(p.message()).contains("vertex count 5").contains("limit of 4");
        });
    }

    @Test
    void polygonOnAnUnknownLevelIsRejected() {
        ZoneValidationException e = rejected(collection(feature("roof", SQUARE, "\"level\":\"L9\",\"kind\":\"KEEP_OUT\"")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.featureId()).isEqualTo("roof");
            assertThat(p.path()).isEqualTo("properties.level");
            assertThat(p.message()).contains("unknown level 'L9'").contains("L1, L2");
        });
    }

    @Test
    void invalidCollectionChangesNothingAndReportsEveryBadFeature() {
        GeofenceEngine engine = new GeofenceEngine(SITE, TestZones.TIME_ZONE, GeofenceConfig.defaults());
        List<Zone> before = geoJson.readCollection(
                collection(feature("kept", SQUARE, "\"level\":\"L1\",\"kind\":\"KEEP_OUT\"")), "first", CONTEXT);
        engine.replaceAll(before);
        var snapshot = engine.zones();

        String bad = collection(
                feature("fine", SQUARE, "\"level\":\"L1\",\"kind\":\"SPEED_LIMIT\",\"maxSpeed\":1"),
                feature("bowtie", "[[[0,0],[10,10],[10,0],[0,10],[0,0]]]", "\"level\":\"L1\",\"kind\":\"KEEP_OUT\""),
                feature("open", "[[[0,0],[4,0],[4,3],[0,3]]]", "\"level\":\"L1\",\"kind\":\"KEEP_OUT\""),
                feature("roof", SQUARE, "\"level\":\"L9\",\"kind\":\"KEEP_OUT\""));
        ZoneValidationException e = catchThrowableOfType(ZoneValidationException.class, () -> {
            engine.replaceAll(geoJson.readCollection(bad, "second", CONTEXT));
        });
        assertThat(e.problems()).extracting(Problem::featureId).containsExactly("bowtie", "open", "roof");
        assertThat(e.problems()).extracting(Problem::featureIndex).containsExactly(1, 2, 3);
        assertThat(engine.zones()).isSameAs(snapshot);
        assertThat(engine.zones().zones()).isEqualTo(before);
    }

    @Test
    void propertyProblemsNameTheFieldAndTheValue() {
        ZoneValidationException e = rejected(collection(feature("p", SQUARE, """
                "level": "L1", "kind": "NO_GO", "maxSpeed": -1, "maxRobots": 0.5, "onViolation": "SHOUT",
                "maxSped": 1, "schedule": [{"days": ["FUNDAY"], "from": "9am", "to": "18:00"}]
                """)));
        assertThat(e.problems()).extracting(Problem::path).containsExactlyInAnyOrder(
                "properties.maxSped", "properties.kind", "properties.maxSpeed", "properties.maxRobots",
                "properties.onViolation", "properties.schedule[0].from", "properties.schedule[0].days[0]");
        assertThat(e.getMessage()).contains("\"NO_GO\"").contains("-1").contains("\"SHOUT\"").contains("\"FUNDAY\"")
                .contains("\"9am\"").contains("unknown field");
    }

    @Test
    void stateOnAZoneThatIsNotForDisinfectionIsRejected() {
        ZoneValidationException e = rejected(collection(
                feature("k", SQUARE, "\"level\":\"L1\",\"kind\":\"KEEP_OUT\",\"state\":\"CLOSED\"")));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("properties.state"));
    }

    @Test
    void duplicateIdsMissingIdsAndWrongGeometryTypesAreRejected() {
        String point = "{\"type\":\"Feature\",\"id\":\"pt\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},"
                + "\"properties\":{\"level\":\"L1\",\"kind\":\"KEEP_OUT\"}}";
        String noId = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "},"
                + "\"properties\":{\"level\":\"L1\",\"kind\":\"KEEP_OUT\"}}";
        ZoneValidationException e = rejected(collection(
                feature("a", SQUARE, "\"level\":\"L1\",\"kind\":\"KEEP_OUT\""),
                feature("a", SQUARE, "\"level\":\"L1\",\"kind\":\"KEEP_OUT\""), point, noId));
        assertThat(e.problems()).extracting(Problem::describe).anySatisfy(d -> assertThat(d).contains("duplicate zone id"))
                .anySatisfy(d -> assertThat(d).contains("'pt'").contains("Polygon, MultiPolygon").contains("\"Point\""))
                .anySatisfy(d -> assertThat(d).contains("(#3) id: missing"));
    }

    @Test
    void unreadableJsonIsRejectedWithItsLineAndColumn() {
        assertThatThrownBy(() -> geoJson.readCollection("{\"type\": \"FeatureCollection\",\n \"features\": [}",
                "broken.geojson", CONTEXT))
                .isInstanceOf(ZoneValidationException.class)
                .hasMessageContaining("broken.geojson").hasMessageContaining("line 2").hasMessageContaining("malformed JSON");
    }

    @Test
    void documentThatIsNotAFeatureCollectionIsRejected() {
        assertThatThrownBy(() -> geoJson.readCollection("{\"type\":\"Feature\"}", "x", CONTEXT))
                .isInstanceOf(ZoneValidationException.class).hasMessageContaining("FeatureCollection");
    }

    @Test
    void aMisspeltPropertyAWrongTypeAndAnOutOfBoundsNumberAreEachRefusedWhereTheyAre() {
        ZoneValidationException e = rejected(collection(feature("z", SQUARE, """
                "level": "L1", "kind": "SPEED_LIMIT", "descripton": "x", "maxRobots": "2", "maxSpeed": 1e400
                """)));
        assertThat(e.problems()).extracting(Problem::describe).containsExactly(
                "feature 'z' (#0) properties.descripton: unknown field; allowed here: firms, frame, kind, level,"
                        + " maxRobots, maxSpeed, name, onViolation, robotKinds, schedule, site, state",
                "feature 'z' (#0) properties.maxRobots: must be an integer, got \"2\"",
                "feature 'z' (#0) properties.maxSpeed: must be at most 100, got 1E+400");
    }

    @Test
    void aVertexAtMinusOneETo300IsRefusedAndNothingIsStoredAsInfinity() {
        ZoneValidationException e = rejected(collection(feature("far", "[[[0,0],[4,0],[4,-1e300],[0,3],[0,0]]]",
                "\"level\":\"L1\",\"kind\":\"KEEP_OUT\"")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("geometry.coordinates[0][2][1]");
            assertThat(p.message()).contains("-1.0E300");
        });
    }

    @Test
    void aSingleFeatureIsCheckedAgainstTheZoneSchema() {
        String feature = feature("one", SQUARE, "\"level\":\"L1\",\"kind\":\"KEEP_OUT\",\"maxSped\":1");
        assertThatThrownBy(() -> geoJson.readFeature(feature, "zone", CONTEXT))
                .isInstanceOf(ZoneValidationException.class).hasMessageContaining("properties.maxSped: unknown field");
    }
}
