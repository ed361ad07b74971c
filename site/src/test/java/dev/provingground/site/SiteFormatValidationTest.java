package dev.provingground.site;

import static dev.provingground.site.SiteFixtures.at;
import static dev.provingground.site.SiteFixtures.problemsOf;
import static dev.provingground.site.SiteFixtures.smallSite;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SiteFormatValidationTest {

    @Test
    void theSmallFixtureIsValidSoEveryProblemBelowComesFromItsOneChange() {
        Site site = SiteFixtures.read(smallSite());
        assertThat(site.levelIds()).containsExactly("L1", "L2", "OUT");
    }

    @Test
    void laneToAnUnknownWaypointNamesTheSourceThePathAndTheWaypoint() {
        ObjectNode site = smallSite();
        at(site, "/levels/1/lanes/0").put("to", "L2-x9");

        SiteValidationException e = problemsOf(site);

        assertThat(e.problems()).containsExactly("small.json: levels[1].lanes[0].to: unknown waypoint \"L2-x9\"");
        assertThat(e.getMessage()).isEqualTo("small.json: levels[1].lanes[0].to: unknown waypoint \"L2-x9\"");
        assertThat(e.source()).isEqualTo("small.json");
    }

    @Test
    void laneToAWaypointOfAnotherLevelSaysWhichLevelItIsOn() {
        ObjectNode site = smallSite();
        at(site, "/levels/0/lanes/0").put("to", "L2-a");

        assertThat(problemsOf(site).problems())
                .containsExactly("small.json: levels[0].lanes[0].to: waypoint \"L2-a\" is on level \"L2\", not on \"L1\"");
    }

    @Test
    void laneFromAWaypointToItselfIsRejected() {
        ObjectNode site = smallSite();
        at(site, "/levels/0/lanes/0").put("to", "L1-a");

        assertThat(problemsOf(site).problems())
                .containsExactly("small.json: levels[0].lanes[0]: lane starts and ends at the same waypoint \"L1-a\"");
    }

    @Test
    void twoLanesAllowingTheSameDirectionAreReportedAsDuplicates() {
        ObjectNode site = smallSite();
        ((ArrayNode) site.at("/levels/0/lanes")).addObject().put("from", "L1-b").put("to", "L1-a").put("oneWay", true);

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: levels[0].lanes[2]: duplicates levels[0].lanes[0]: both let robots drive \"L1-b\" → \"L1-a\"");
    }

    @Test
    void waypointIdsMustBeUniqueAcrossTheWholeSite() {
        ObjectNode site = smallSite();
        ((ArrayNode) site.at("/levels/1/waypoints")).addObject().put("id", "L1-b").put("x", 3).put("y", 3);

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: levels[1].waypoints[2].id: duplicate waypoint id \"L1-b\" (first at levels[0].waypoints[1])");
    }

    @Test
    void duplicateLevelPlaceElevatorAndCarIdsAreEachReported() {
        ObjectNode site = smallSite();
        at(site, "/levels/1").put("id", "L1");
        ((ArrayNode) site.at("/places")).addObject().put("name", "desk").put("level", "L1").put("waypoint", "L1-a");
        ObjectNode second = ((ArrayNode) site.at("/elevators")).addObject().put("id", "E1");
        second.putArray("cars").add(site.at("/elevators/0/cars/0").deepCopy());

        assertThat(problemsOf(site).problems()).contains(
                "small.json: levels[1].id: duplicate level id \"L1\" (first at levels[0])",
                "small.json: places[1].name: duplicate place name \"desk\" (first at places[0])",
                "small.json: elevators[1].id: duplicate elevator id \"E1\" (first at elevators[0])",
                "small.json: elevators[1].cars[0].id: duplicate elevator car id \"E1-A\" (first at elevators[0].cars[0])");
    }

    @Test
    void placesAndChargersMustNameAnExistingLevelAndAWaypointOnThatLevel() {
        ObjectNode site = smallSite();
        at(site, "/places/0").put("level", "L9");
        at(site, "/chargers/0").put("waypoint", "L1-a");

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: places[0].level: unknown level \"L9\"",
                "small.json: chargers[0].waypoint: waypoint \"L1-a\" is on level \"L1\", not on \"L2\"");
    }

    @Test
    void placeAtAnUnknownWaypointIsReported() {
        ObjectNode site = smallSite();
        at(site, "/places/0").put("waypoint", "L1-zz");

        assertThat(problemsOf(site).problems()).containsExactly("small.json: places[0].waypoint: unknown waypoint \"L1-zz\"");
    }

    @Test
    void elevatorDoorOnALevelTheCarDoesNotServeIsReported() {
        ObjectNode site = smallSite();
        at(site, "/elevators/0/cars/0/doorWaypoints").put("OUT", "OUT-a");

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: elevators[0].cars[0].doorWaypoints.OUT: door waypoint on level \"OUT\", which this car does not serve");
    }

    @Test
    void elevatorDoorWaypointMustBeOnItsLevel() {
        ObjectNode site = smallSite();
        at(site, "/elevators/0/cars/0/doorWaypoints").put("L2", "L1-b");

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: elevators[0].cars[0].doorWaypoints.L2: waypoint \"L1-b\" is on level \"L1\", not on \"L2\"");
    }

    @Test
    void everyServedLevelNeedsADoorWaypoint() {
        ObjectNode site = smallSite();
        at(site, "/elevators/0/cars/0/doorWaypoints").remove("L2");

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: elevators[0].cars[0].doorWaypoints: no door waypoint for served level \"L2\"");
    }

    @Test
    void aCarServingFewerThanTwoLevelsIsRejected() {
        ObjectNode site = smallSite();
        ObjectNode car = at(site, "/elevators/0/cars/0");
        car.putArray("levels").add("L1");
        ((ObjectNode) car.get("doorWaypoints")).remove("L2");

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: elevators[0].cars[0].levels: must have at least 2 elements");
    }

    @Test
    void aCarServingAnUnknownLevelOrOneLevelTwiceIsRejected() {
        ObjectNode site = smallSite();
        ((ArrayNode) site.at("/elevators/0/cars/0/levels")).add("L1").add("L7");

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: elevators[0].cars[0].levels[2]: level \"L1\" is listed twice",
                "small.json: elevators[0].cars[0].levels[3]: unknown level \"L7\"",
                "small.json: elevators[0].cars[0].doorWaypoints: no door waypoint for served level \"L7\"");
    }

    @Test
    void nanAndInfiniteCoordinatesAreRejected() {
        ObjectNode site = smallSite();
        at(site, "/levels/0/waypoints/1").put("x", "@NaN@");
        at(site, "/levels/1/waypoints/0").put("y", "@big@");
        String json = site.toString().replace("\"@NaN@\"", "NaN").replace("\"@big@\"", "1e999");

        assertThat(problemsOf(json).problems()).containsExactly(
                "small.json: levels[0].waypoints[1].x: must be a finite number, got NaN");
        // 1e999 is read as the number it is, not as Infinity: out of the coordinate bounds.
        assertThat(problemsOf(json.replace("NaN", "1.5")).problems()).containsExactly(
                "small.json: levels[1].waypoints[0].y: must be at most 1000000, got 1E+999");
    }

    @Test
    void coordinatesBeyondAThousandKilometresAndImpossibleSpeedsAreRejected() {
        ObjectNode site = smallSite();
        at(site, "/levels/0/waypoints/1").put("x", -1e300);
        at(site, "/levels/1/waypoints/0").put("y", 1e308);

        assertThat(problemsOf(site.toString()).problems()).containsExactly(
                "small.json: levels[0].waypoints[1].x: must be at least -1000000, got -1E+300",
                "small.json: levels[1].waypoints[0].y: must be at most 1000000, got 1E+308");
    }

    @Test
    void anInvalidTimeZoneIsReported() {
        ObjectNode site = smallSite();
        site.put("timeZone", "Mars/Olympus_Mons");

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: timeZone: invalid time zone \"Mars/Olympus_Mons\" (expected an IANA id such as \"Asia/Seoul\")");
    }

    @Test
    void latitudeAndLongitudeOutOfRangeAreReported() {
        ObjectNode site = smallSite();
        at(site, "/geoAnchor").put("latitude", 91.5).put("longitude", -181);

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: geoAnchor.latitude: must be less than 90, got 91.5",
                "small.json: geoAnchor.longitude: must be at least -180, got -181");
    }

    @Test
    void missingRequiredFieldsAreReportedAtTheirPath() {
        ObjectNode site = smallSite();
        site.remove("name");
        at(site, "/levels/0").remove("floor");
        at(site, "/levels/1/waypoints/1").remove("y");
        at(site, "/places/0").remove("waypoint");
        at(site, "/geoAnchor").remove("longitude");

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: name: required",
                "small.json: geoAnchor.longitude: required",
                "small.json: levels[0].floor: required",
                "small.json: levels[1].waypoints[1].y: required",
                "small.json: places[0].waypoint: required");
    }

    @Test
    void valuesOfTheWrongTypeAreReportedWithWhatWasFound() {
        ObjectNode site = smallSite();
        at(site, "/levels/0").put("floor", "one");
        at(site, "/levels/0/lanes/1").put("oneWay", "yes").put("kind", "ESCALATOR");
        at(site, "/levels/1/lanes/0").put("speedLimit", -1);

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: levels[0].floor: must be an integer, got \"one\"",
                "small.json: levels[0].lanes[1].oneWay: must be true or false, got \"yes\"",
                "small.json: levels[0].lanes[1].kind: must be one of CORRIDOR, SIDEWALK, CROSSWALK, DOORWAY, got \"ESCALATOR\"",
                "small.json: levels[1].lanes[0].speedLimit: must be more than 0, got -1");
    }

    @Test
    void misspeltFieldsAreReportedInsteadOfIgnored() {
        ObjectNode site = smallSite();
        at(site, "/levels/0/lanes/0").put("speedlimit", 0.3);

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: levels[0].lanes[0].speedlimit: unknown field; allowed here: from, kind, oneWay, speedLimit, to");
    }

    @Test
    void aPassageWithinOneLevelIsRejected() {
        ObjectNode site = smallSite();
        at(site, "/passages/0").put("to", "L1-b");

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: passages[0]: from \"L1-a\" and to \"L1-b\" are both on level \"L1\"; a link within a level is a lane");
    }

    @Test
    void siteIdsAreLimitedToCharactersSafeInUrls() {
        ObjectNode site = smallSite();
        site.put("id", "demo site/1");

        assertThat(problemsOf(site).problems()).containsExactly("small.json: id: must be an id: an id is 1-64 "
                + "letters, digits, '.', '_' and '-', starting with a letter or digit, got \"demo site/1\"");
    }

    @Test
    void aSiteIdLongerThanSixtyFourCharactersOrStartingWithADotIsRefused() {
        ObjectNode site = smallSite();
        site.put("id", "s".repeat(65));
        assertThat(problemsOf(site).problems()).hasSize(1);
        site.put("id", "..");
        assertThat(problemsOf(site).problems()).hasSize(1);
        site.put("id", "s".repeat(64));
        assertThat(SiteFixtures.read(site.toString()).id()).hasSize(64);
    }

    @Test
    void severalProblemsAreAllReportedInDocumentOrder() {
        ObjectNode site = smallSite();
        site.put("timeZone", "Nowhere/Special");
        at(site, "/levels/1/lanes/0").put("to", "L2-x9");
        at(site, "/places/0").put("level", "L2");
        at(site, "/elevators/0/cars/0").put("doorWaypoints", new ObjectMapper().createObjectNode()
                .put("L1", "L1-a").put("L2", "L1-b"));

        SiteValidationException e = problemsOf(site);

        assertThat(e.problems()).containsExactly(
                "small.json: timeZone: invalid time zone \"Nowhere/Special\" (expected an IANA id such as \"Asia/Seoul\")",
                "small.json: levels[1].lanes[0].to: unknown waypoint \"L2-x9\"",
                "small.json: places[0].waypoint: waypoint \"L1-c\" is on level \"L1\", not on \"L2\"",
                "small.json: elevators[0].cars[0].doorWaypoints.L2: waypoint \"L1-b\" is on level \"L1\", not on \"L2\"");
        assertThat(e.getMessage()).startsWith("4 problems in small.json:").contains(e.problems());
    }

    @Test
    void aProblemOfFormIsReportedBeforeMeaningIsChecked() {
        ObjectNode site = smallSite();
        at(site, "/levels/1/lanes/0").put("to", "L2-x9");
        at(site, "/elevators/0/cars/0").put("capacityRobots", 0);

        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: elevators[0].cars[0].capacityRobots: must be at least 1, got 0");
    }

    @Test
    void aMisspeltFieldAWrongTypeAndAnOutOfBoundsNumberAreEachNamedWithWhatWasSent() {
        ObjectNode site = smallSite();
        at(site, "/levels/0").put("flor", 1);
        at(site, "/levels/1").put("outdoor", 1);
        at(site, "/elevators/0/cars/0").put("capacityRobots", 1180591620717411303424.0);

        assertThat(problemsOf(site.toString().replace("1.1805916207174113E21", "1180591620717411303424")).problems())
                .containsExactly(
                        "small.json: levels[0].flor: unknown field; allowed here: floor, floorPlan, id, lanes, name, outdoor, waypoints",
                        "small.json: levels[1].outdoor: must be true or false, got 1",
                        "small.json: elevators[0].cars[0].capacityRobots: must be at most 100, got 1180591620717411303424");
    }

    @Test
    void malformedJsonIsReportedWithItsLineAndColumn() {
        SiteValidationException e = problemsOf("{\n  \"id\": \"x\",\n  \"name\": oops\n}");

        assertThat(e.problems()).singleElement().asString()
                .startsWith("small.json: (root): line 3, column ")
                .contains("malformed JSON");
    }

    @Test
    void aKeyGivenTwiceIsMalformedRatherThanSilentlyOverwritten() {
        SiteValidationException e = problemsOf("{\"id\": \"a\", \"id\": \"b\"}");

        assertThat(e.problems()).singleElement().asString().contains("malformed JSON").contains("Duplicate field 'id'");
    }

    @Test
    void aDocumentThatIsNotAnObjectOrIsEmptyIsReported() {
        assertThat(problemsOf("[1, 2]").problems())
                .containsExactly("small.json: (root): must be an object");
        assertThat(problemsOf("  ").problems())
                .containsExactly("small.json: (root): empty document");
    }

    @Test
    void aFloorPlanReadsBackAndEachBadFieldOfItIsNamed() {
        ObjectNode site = smallSite();
        ObjectNode plan = ((ObjectNode) site.withArray("levels").get(0)).putObject("floorPlan");
        plan.put("image", "ab".repeat(32)).put("mediaType", "image/png").put("widthPx", 400).put("heightPx", 300)
                .put("metresPerPixel", 0.05).putObject("origin").put("x", -1.5).put("y", 2);
        Site read = SiteFixtures.read(site);
        assertThat(read.levels().get(0).floorPlan()).isEqualTo(
                new FloorPlan("ab".repeat(32), "image/png", 400, 300, 0.05, -1.5, 2));
        assertThat(SiteFormat.read(SiteFormat.write(read), "written.json")).isEqualTo(read);

        plan.put("metresPerPixel", 0).put("mediaType", "image/gif");
        assertThat(problemsOf(site).problems()).containsExactly(
                "small.json: levels[0].floorPlan.mediaType: must be one of image/png, image/jpeg, got \"image/gif\"",
                "small.json: levels[0].floorPlan.metresPerPixel: must be at least 0.001, got 0");
        plan.put("metresPerPixel", 0.05).put("mediaType", "image/jpeg").remove("origin");
        assertThat(problemsOf(site).problems()).containsExactly("small.json: levels[0].floorPlan.origin: required");
    }
}
