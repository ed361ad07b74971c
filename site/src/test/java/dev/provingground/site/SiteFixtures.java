package dev.provingground.site;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Site documents for tests: a small valid site to break one field at a time, and the demo site. */
final class SiteFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    static final Path DEMO_SITE = Path.of(System.getProperty("user.dir"))
            .resolve("../sim/src/main/resources/dev/provingground/sim/demo-site.json").normalize();

    /** Three levels; one car serving L1 and L2; a one-way lane b → c on L1. */
    private static final String SMALL_SITE = """
            {
              "id": "small", "name": "Small test site", "timeZone": "Asia/Seoul",
              "geoAnchor": {"latitude": 37.5, "longitude": 127.0, "rotationDeg": 0},
              "levels": [
                {"id": "L1", "name": "One", "floor": 1,
                 "waypoints": [{"id": "L1-a", "x": 0, "y": 0}, {"id": "L1-b", "x": 10, "y": 0}, {"id": "L1-c", "x": 10, "y": 5}],
                 "lanes": [{"from": "L1-a", "to": "L1-b"}, {"from": "L1-b", "to": "L1-c", "oneWay": true, "speedLimit": 0.5}]},
                {"id": "L2", "name": "Two", "floor": 2,
                 "waypoints": [{"id": "L2-a", "x": 0, "y": 0}, {"id": "L2-b", "x": 10, "y": 0}],
                 "lanes": [{"from": "L2-a", "to": "L2-b"}]},
                {"id": "OUT", "name": "Street", "floor": 0, "outdoor": true,
                 "waypoints": [{"id": "OUT-a", "x": 0, "y": -3}, {"id": "OUT-b", "x": 20, "y": -3}],
                 "lanes": [{"from": "OUT-a", "to": "OUT-b"}]}
              ],
              "places": [{"name": "desk", "level": "L1", "waypoint": "L1-c"}],
              "chargers": [{"name": "dock", "level": "L2", "waypoint": "L2-b"}],
              "elevators": [{"id": "E1", "name": "Lift", "cars": [
                {"id": "E1-A", "levels": ["L1", "L2"], "doorWaypoints": {"L1": "L1-a", "L2": "L2-a"}, "capacityRobots": 1}]}],
              "passages": [{"id": "door", "from": "L1-a", "to": "OUT-a"}]
            }
            """;

    private SiteFixtures() {
    }

    static ObjectNode smallSite() {
        try {
            return (ObjectNode) JSON.readTree(SMALL_SITE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode at(ObjectNode root, String jsonPointer) {
        return (ObjectNode) root.at(jsonPointer);
    }

    static Site read(String json) {
        return SiteFormat.read(json.getBytes(StandardCharsets.UTF_8), "small.json");
    }

    static Site read(ObjectNode document) {
        return read(document.toString());
    }

    static SiteValidationException problemsOf(ObjectNode document) {
        return problemsOf(document.toString());
    }

    static SiteValidationException problemsOf(String json) {
        try {
            Site site = read(json);
            return fail("expected the site to be rejected, but it read as " + site.id());
        } catch (SiteValidationException e) {
            return e;
        }
    }
}
