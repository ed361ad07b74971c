package dev.provingground.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteGraphTest {

    //  d(0,12) ----------- c(10,10)
    //  |                   ^ one-way b → c
    //  a(0,0) ------------ b(10,0)        e(30,30) has no lanes
    private static final Waypoint A = new Waypoint("a", 0, 0);
    private static final Waypoint B = new Waypoint("b", 10, 0);
    private static final Waypoint C = new Waypoint("c", 10, 10);
    private static final Waypoint D = new Waypoint("d", 0, 12);
    private static final Waypoint E = new Waypoint("e", 30, 30);
    private static final Waypoint UPSTAIRS = new Waypoint("up", 0, 0);

    private static final Site SITE = new Site("graph", "Graph test", ZoneId.of("UTC"), null,
            List.of(
                    new Level("L1", "One", 1, false, List.of(A, B, C, D, E), List.of(
                            new Lane("a", "b", false, null, LaneKind.CORRIDOR),
                            new Lane("b", "c", true, 0.4, LaneKind.DOORWAY),
                            new Lane("c", "d", false, null, LaneKind.CORRIDOR),
                            new Lane("d", "a", false, null, LaneKind.CORRIDOR))),
                    new Level("L2", "Two", 2, false, List.of(UPSTAIRS), List.of())),
            List.of(), List.of(), List.of());

    private final SiteGraph graph = new SiteGraph(SITE);

    @Test
    void shortestPathTakesTheShorterOfTwoWays() {
        assertThat(graph.shortestPath("a", "c")).contains(List.of(A, B, C));
    }

    @Test
    void oneWayLanesAreOnlyDrivenInTheirDirection() {
        List<Waypoint> back = graph.shortestPath("c", "b").orElseThrow();

        assertThat(back).containsExactly(C, D, A, B);
        assertThat(graph.length(back)).isCloseTo(Math.hypot(10, 2) + 12 + 10, within(1e-9));
    }

    @Test
    void aWaypointIsItsOwnPath() {
        assertThat(graph.shortestPath("d", "d")).contains(List.of(D));
    }

    @Test
    void unreachableWaypointsAndWaypointsOnOtherLevelsHaveNoPath() {
        assertThat(graph.shortestPath("a", "e")).isEmpty();
        assertThat(graph.shortestPath("e", "a")).isEmpty();
        assertThat(graph.shortestPath("a", "up")).isEmpty();
    }

    @Test
    void unknownWaypointsAreAnErrorNamingThem() {
        assertThatThrownBy(() -> graph.shortestPath("a", "zz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zz");
    }

    @Test
    void lengthSumsTheStraightSegments() {
        assertThat(graph.length(List.of(A, B, C))).isCloseTo(20.0, within(1e-9));
        assertThat(graph.length(List.of(A))).isZero();
        assertThat(graph.length(List.of())).isZero();
    }

    @Test
    void laneTellsWhichLaneARobotDrivesBetweenNeighbours() {
        assertThat(graph.lane("b", "c")).map(Lane::speedLimit).contains(0.4);
        assertThat(graph.lane("b", "a")).map(Lane::from).contains("a");
        assertThat(graph.lane("c", "b")).isEmpty();
        assertThat(graph.lane("a", "c")).isEmpty();
    }

    @Test
    void aLaneToAWaypointOfAnotherLevelCannotBeBuiltIntoTheGraph() {
        Site crossing = new Site("bad", "Bad", ZoneId.of("UTC"), null,
                List.of(new Level("L1", "One", 1, false, List.of(A), List.of(new Lane("a", "up", false, null, LaneKind.CORRIDOR))),
                        new Level("L2", "Two", 2, false, List.of(UPSTAIRS), List.of())),
                List.of(), List.of(), List.of());

        assertThatThrownBy(() -> new SiteGraph(crossing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("up")
                .hasMessageContaining("L1");
    }
}
