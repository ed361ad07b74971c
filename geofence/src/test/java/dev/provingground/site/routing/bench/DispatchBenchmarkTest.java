package dev.provingground.site.routing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.index.ZoneSet;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import dev.provingground.site.routing.RoutingConfig;
import dev.provingground.site.routing.SiteRouter;
import dev.provingground.site.routing.SiteRouting;

/** The benchmark's plumbing and its agreement with the baseline; its figures are measured by running it, never asserted. */
class DispatchBenchmarkTest {

    private static final DispatchBenchmark.Options TINY = DispatchBenchmark.Options.defaults()
            .withGrid(3, 12, 10).withRobots(25).withTasks(40, 8).withWarmupTasks(5);

    @Test
    void tinyRunAgreesWithTheBaselineAndEndsWithTheSummaryLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DispatchBenchmark.Result result = DispatchBenchmark.run(TINY, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[lines.length - 1])
                .matches("dispatch: \\d+ tasks/s, p99 \\d+\\.\\d\\d ms per decision, \\d+\\.\\dx baseline")
                .isEqualTo(result.summaryLine());
        assertThat(lines).anyMatch(l -> l.contains("extrapolated")).noneMatch(l -> l.contains("ERROR"));
        assertThat(result.waypoints()).isEqualTo(3 * 12 * 10);
        assertThat(result.tasks()).isEqualTo(40);
        assertThat(result.baselineTasks()).isEqualTo(8);
        assertThat(result.assigned()).as("most tasks can be done").isGreaterThan(30);
    }

    @Test
    void generatedBuildingIsAValidSiteFile() {
        GridSite.Generated generated = GridSite.generate(5, 40, 25, 7);
        Site site = generated.site();

        assertThat(SiteFormat.read(SiteFormat.write(site), "generated.json")).isEqualTo(site);
        assertThat(site.levels()).hasSize(5).allSatisfy(l -> assertThat(l.waypoints()).hasSize(1000));
        assertThat(site.elevatorCars()).hasSize(4);
        assertThat(site.levels()).allSatisfy(l -> assertThat(l.lanes()).anyMatch(lane -> lane.oneWay())
                .anyMatch(lane -> lane.speedLimit() != null));
        assertThat(generated.zones()).hasSize(5 * 4);
    }

    @Test
    void routerAgreesWithTextbookDijkstraOnRandomPairsOfTheGeneratedBuilding() {
        GridSite.Generated generated = GridSite.generate(3, 20, 15, 11);
        SiteRouter router = new SiteRouting(generated.site(), ZoneSet.of(generated.zones()), GeofenceConfig.defaults(),
                RoutingConfig.defaults()).router(DispatchBenchmark.FLEET_CLASS, DispatchBenchmark.PLANNED_AT);
        TextbookDijkstra baseline = new TextbookDijkstra(router);
        Random random = new Random(3);
        int finite = 0;
        for (int i = 0; i < 20; i++) {
            int a = random.nextInt(router.waypointCount());
            double[] from = router.secondsFrom(a);
            double[] to = router.secondsTo(a);
            for (int j = 0; j < 30; j++) {
                int b = random.nextInt(router.waypointCount());
                double expectedOut = baseline.seconds(a, b);
                double expectedIn = baseline.seconds(b, a);
                assertThat(from[b]).as("%d -> %d", a, b).isCloseTo(expectedOut, within(1e-9));
                assertThat(to[b]).as("%d -> %d", b, a).isCloseTo(expectedIn, within(1e-9));
                assertThat(router.seconds(a, b)).isEqualTo(expectedOut == Double.POSITIVE_INFINITY ? expectedOut : from[b]);
                if (Double.isFinite(expectedOut)) finite++;
            }
        }
        assertThat(finite).as("most pairs are connected").isGreaterThan(500);
    }

    @Test
    void baselineSampleLargerThanTheTaskCountIsRefused() {
        assertThatThrownBy(() -> TINY.withTasks(10, 11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--baseline-tasks: must be 1..10, got 11");
    }
}
