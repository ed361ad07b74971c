package dev.provingground.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.index.ZoneSet;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import dev.provingground.site.routing.RobotClass;
import dev.provingground.site.routing.RoutingConfig;
import dev.provingground.site.routing.SiteRouter;
import dev.provingground.site.routing.SiteRouting;

/** The dispatch benchmark's building and baseline: a valid site, and a baseline that finds the router's costs. */
class GridSiteTest {

    /** Monday 2 June 2025, 10:00 in Seoul: the weekday caution zones are in force. */
    private static final Instant WEEKDAY_MORNING = ZonedDateTime.of(2025, 6, 2, 10, 0, 0, 0, GridSite.TIME_ZONE).toInstant();

    @Test
    void generatedBuildingIsAValidSiteFile() {
        GridSite.Generated generated = GridSite.generate(5, 40, 25, 7);
        Site site = generated.site();

        assertThat(SiteFormat.read(SiteFormat.write(site), "generated.json")).isEqualTo(site);
        assertThat(site.levels()).hasSize(5).allSatisfy(l -> assertThat(l.waypoints()).hasSize(1000));
        assertThat(site.elevatorCars()).hasSize(4);
        assertThat(site.chargers()).hasSize(5);
        assertThat(site.levels()).allSatisfy(l -> assertThat(l.lanes()).anyMatch(lane -> lane.oneWay())
                .anyMatch(lane -> lane.speedLimit() != null));
        assertThat(generated.zones()).hasSize(5 * 4);
    }

    @Test
    void routerAgreesWithTextbookDijkstraOnRandomPairsOfTheGeneratedBuilding() {
        GridSite.Generated generated = GridSite.generate(3, 20, 15, 11);
        SiteRouter router = new SiteRouting(generated.site(), ZoneSet.of(generated.zones()), GeofenceConfig.defaults(),
                RoutingConfig.defaults()).router(new RobotClass("DELIVERY", "bench", 1.2, true), WEEKDAY_MORNING);
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
}
