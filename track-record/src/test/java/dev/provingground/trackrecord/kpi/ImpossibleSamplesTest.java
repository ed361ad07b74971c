package dev.provingground.trackrecord.kpi;

import static dev.provingground.trackrecord.kpi.LateSamplesTest.at;
import static dev.provingground.trackrecord.kpi.LateSamplesTest.batch;
import static dev.provingground.trackrecord.kpi.LateSamplesTest.km;
import static dev.provingground.trackrecord.kpi.LateSamplesTest.straight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provingground.trackrecord.event.StateSamples.Sample;
import dev.provingground.trackrecord.event.TrackEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A record written before robots' numbers were bounded may hold a sample at 1e308: it is not travelled through, so
 * the distance stays the one actually driven and the KPIs (and the export that carries them) never overflow.
 */
class ImpossibleSamplesTest {

    @Test
    void aSampleAtOneETo308MetresAddsNoDistanceAndTheKpisStayFinite() {
        List<Sample> samples = new ArrayList<>(straight(0, 10));
        samples.add(at(11, 1e308, 0));
        samples.add(at(12, -1e308, 1e308));
        samples.add(at(13, 13, 0));
        samples.add(at(14, 14, 0));
        samples.add(at(15, 15, 0));
        List<TrackEvent> events = List.of(batch(samples, false));

        assertThat(km(events)).as("10 m before, 2 m after; the jumps through 1e308 count nothing")
                .isEqualByComparingTo("0.012");
    }
}
