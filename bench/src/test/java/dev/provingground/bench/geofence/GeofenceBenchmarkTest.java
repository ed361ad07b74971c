package dev.provingground.bench.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.validation.ZoneValidator;

/** The benchmark's plumbing only; its figures are measured by running it, never asserted here. */
class GeofenceBenchmarkTest {

    @Test
    void shortRunEndsWithTheSummaryLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GeofenceBenchmark.Options options = GeofenceBenchmark.Options.defaults().withZones(200)
                .withTimes(Duration.ofMillis(100), Duration.ofMillis(250));
        GeofenceBenchmark.Result result = GeofenceBenchmark.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[lines.length - 1])
                .matches("geofence: \\d+ evaluations/s at 200 zones, \\d+\\.\\dx naive scan")
                .isEqualTo(result.summaryLine());
        assertThat(result.evaluationsPerSecond()).isPositive();
        assertThat(result.naiveEvaluationsPerSecond()).isPositive();
        assertThat(result.events()).as("the walk meets zones").isPositive();
    }

    @Test
    void generatedZonesAreValidAndHaveTwentyToTwoHundredVertices() {
        List<Zone> zones = RandomZones.generate(300, 1000, 20, 200, 1);
        new ZoneValidator(GeofenceConfig.defaults()).validate(zones, RandomZones.SITE, Set.of(RandomZones.LEVEL), "test");
        assertThat(zones).allSatisfy(z -> assertThat(ZoneValidator.vertexCount(z.geometry())).isBetween(20, 200));
        assertThat(zones).allSatisfy(z -> assertThat(z.geometry().getEnvelopeInternal().getMinX()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void zoneCountBelowOneIsRefused() {
        assertThatThrownBy(() -> GeofenceBenchmark.Options.defaults().withZones(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--zones");
    }
}
