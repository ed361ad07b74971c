package dev.provingground.trackrecord.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.StateSamples;
import dev.provingground.trackrecord.event.StateSamples.AreaClass;
import dev.provingground.trackrecord.event.StateSamples.OperatingMode;
import dev.provingground.trackrecord.event.StateSamples.Sample;
import dev.provingground.trackrecord.event.TrackEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Samples a robot kept while its link was down and sent afterwards count where they belong in time. */
class LateSamplesTest {

    static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

    static Sample at(int second, double x, double y) {
        return new Sample(T0.plusSeconds(second), "L1", x, y, 1.0, OperatingMode.AUTOMATIC, AreaClass.INDOOR, 80.0);
    }

    /** A robot driving along x at 1 m/s: one sample per second from {@code from} to {@code to} inclusive. */
    static List<Sample> straight(int from, int to) {
        List<Sample> out = new ArrayList<>();
        for (int s = from; s <= to; s++) out.add(at(s, s, 0));
        return out;
    }

    static TrackEvent batch(List<Sample> samples, boolean late) {
        return new TrackEvent(samples.get(0).time(), "site-a", "acme", "r1", new StateSamples(samples, late));
    }

    static BigDecimal km(List<TrackEvent> events) {
        return Kpis.compute(events, KpiScope.all()).value("distance.total_km");
    }

    @Test
    void aLongOutageCountsOnlyOnceItsBackfillArrives() {
        List<TrackEvent> live = List.of(batch(straight(0, 10), false), batch(straight(100, 110), false));
        assertThat(km(live)).as("a 90 s gap joins nothing").isEqualByComparingTo("0.02");

        List<TrackEvent> withBackfill = new ArrayList<>(live);
        withBackfill.add(batch(straight(11, 99), true));
        assertThat(km(withBackfill)).isEqualByComparingTo("0.11");
        assertThat(Kpis.compute(withBackfill, KpiScope.all()).value("operating.hours"))
                .isEqualByComparingTo(new BigDecimal("110").divide(new BigDecimal("3600"), 6, java.math.RoundingMode.HALF_EVEN));
    }

    @Test
    void theBackfillMayComeBeforeOrAfterTheLiveSamplesOfTheReconnect() {
        List<TrackEvent> backfillFirst = List.of(batch(straight(0, 10), false), batch(straight(11, 99), true),
                batch(straight(100, 110), false));
        assertThat(km(backfillFirst)).isEqualByComparingTo("0.11");
    }

    @Test
    void aShortOutageJoinedStraightAcrossIsReplacedByThePathActuallyDriven() {
        // From (10, 0) the robot drove 10 m up, 10 m across and 10 m down to (20, 0) in 30 s; live saw only the ends.
        List<Sample> detour = new ArrayList<>();
        for (int s = 1; s <= 10; s++) detour.add(at(10 + s, 10, s));
        for (int s = 1; s <= 10; s++) detour.add(at(20 + s, 10 + s, 10));
        for (int s = 1; s <= 9; s++) detour.add(at(30 + s, 20, 10 - s));
        List<Sample> after = new ArrayList<>();
        for (int s = 40; s <= 45; s++) after.add(at(s, 20 + (s - 40), 0));
        List<TrackEvent> live = List.of(batch(straight(0, 10), false), batch(after, false));
        assertThat(km(live)).as("10 m, 10 m straight across the gap, 5 m").isEqualByComparingTo("0.025");

        List<TrackEvent> all = new ArrayList<>(live);
        all.add(batch(detour, true));
        assertThat(km(all)).as("10 m, the 30 m detour, 5 m").isEqualByComparingTo("0.045");
    }

    @Test
    void aSampleSentTwiceCountsOnce() {
        List<TrackEvent> events = List.of(batch(straight(0, 10), false), batch(straight(11, 50), true),
                batch(straight(11, 50), true), batch(straight(51, 60), false));
        assertThat(km(events)).isEqualByComparingTo("0.06");
    }

    @Test
    void aLateBatchIsMarkedInItsCanonicalBytesAndALiveOneIsWrittenAsBefore() {
        EventCodec codec = new EventCodec();
        TrackEvent late = batch(straight(0, 1), true);
        String lateJson = new String(codec.encode(late), StandardCharsets.UTF_8);
        assertThat(lateJson).contains("\"late\":true");
        assertThat(codec.decode(codec.encode(late))).isEqualTo(late);
        String liveJson = new String(codec.encode(batch(straight(0, 1), false)), StandardCharsets.UTF_8);
        assertThat(liveJson).doesNotContain("late");
        assertThat(new StateSamples(straight(0, 1), false)).isEqualTo(new StateSamples(straight(0, 1)));
    }
}
