package dev.provingground.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.events.EventSink;
import dev.provingground.server.registry.Robot;
import dev.provingground.trackrecord.event.StateSamples;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.BatteryState;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.EStop;
import dev.provingground.vda5050.OperatingMode;
import dev.provingground.vda5050.SafetyState;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Velocity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StateSamplerTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Duration BATCH = Duration.ofSeconds(30);

    private final List<TrackEvent> written = new ArrayList<>();
    private final EventHub events = new EventHub();
    private final StateSampler sampler;

    StateSamplerTest() {
        events.addSink((event, json) -> {
            written.add(event);
            return EventSink.DONE;
        });
        MeasuredMotion motion = new MeasuredMotion(new MotionJudge(Duration.ofMillis(500), 0.5),
                ProfileCatalog.builtIn(), events);
        sampler = new StateSampler(events, (robot, position) -> position.x() < 50 ? StateSamples.AreaClass.INDOOR
                : StateSamples.AreaClass.SIDEWALK, motion, Duration.ofSeconds(1), BATCH);
    }

    @Test
    void everySampleComesOutAsItWentInAtMostOneASecondAndAfterTheFirstBatchEveryBatchSpansTheBatchLength() {
        Robot robot = robot("r1");
        Map<Instant, StateSamples.Sample> sent = new TreeMap<>();
        // 4 Hz for 100 s: at most a sample a second within a batch, the states between them dropped.
        for (int tick = 0; tick < 400; tick++) {
            Instant at = START.plusMillis(250L * tick);
            double x = tick * 0.25;
            Double battery = tick % 3 == 0 ? null : 90 - tick * 0.1;
            OperatingMode mode = tick < 200 ? OperatingMode.AUTOMATIC : OperatingMode.MANUAL;
            sampler.stateReceived(robot, state(x, battery, mode), null, at);
            sent.put(at, new StateSamples.Sample(at, "L1", x, 0, 0.5, StateSamples.OperatingMode.valueOf(mode.name()),
                    x < 50 ? StateSamples.AreaClass.INDOOR : StateSamples.AreaClass.SIDEWALK, battery));
        }
        sampler.flushAll();

        List<StateSamples> batches = written.stream().map(e -> (StateSamples) e.body()).toList();
        List<StateSamples.Sample> samples = batches.stream().flatMap(b -> b.samples().stream()).toList();
        assertThat(samples).allSatisfy(s -> assertThat(s).isEqualTo(sent.get(s.time())));
        assertThat(samples).extracting(StateSamples.Sample::time).isSorted().doesNotHaveDuplicates();
        // None missed: the first state is sampled, and so is the first a second or more after each sample.
        assertThat(samples.get(0).time()).isEqualTo(START);
        assertThat(IntStream.range(1, samples.size())
                .mapToObj(i -> Duration.between(samples.get(i - 1).time(), samples.get(i).time())))
                .allSatisfy(gap -> assertThat(gap).isLessThanOrEqualTo(Duration.ofMillis(1250)));
        assertThat(batches).allSatisfy(b -> assertThat(IntStream.range(1, b.samples().size())
                .mapToObj(i -> Duration.between(b.samples().get(i - 1).time(), b.samples().get(i).time())))
                .allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(1))));
        assertThat(written).allSatisfy(e -> assertThat(e.robot()).isEqualTo("r1"));
        // The first batch ends with the first sample at or after its length, a part of the batch length.
        assertThat(sampler.firstLength("r1")).isGreaterThan(Duration.ofSeconds(1)).isLessThanOrEqualTo(BATCH);
        assertThat(span(batches.get(0))).isBetween(sampler.firstLength("r1"),
                sampler.firstLength("r1").plusMillis(999));
        // Every batch but the first and the one cut off by the flush spans the batch length.
        assertThat(batches.subList(1, batches.size() - 1)).isNotEmpty()
                .allSatisfy(b -> assertThat(span(b)).isBetween(BATCH, BATCH.plusMillis(999)));
    }

    @Test
    void robotsThatConnectTogetherWriteTheirFirstBatchesSpreadOverABatchLength() {
        List<Robot> robots = IntStream.range(0, 200).mapToObj(i -> robot("robot-" + i)).toList();
        for (int second = 0; second <= 30; second++) {
            for (Robot r : robots) sampler.stateReceived(r, state(1, 80.0, OperatingMode.AUTOMATIC), null,
                    START.plusSeconds(second));
        }

        java.util.NavigableMap<Instant, Long> writtenPerSecond = written.stream().collect(Collectors.groupingBy(
                e -> ((StateSamples) e.body()).samples().get(((StateSamples) e.body()).samples().size() - 1).time(),
                TreeMap::new, Collectors.counting()));
        assertThat(written).hasSize(robots.size());
        assertThat(writtenPerSecond.keySet()).allSatisfy(t -> assertThat(t).isBetween(START.plusSeconds(1),
                START.plusSeconds(30)));
        // Together they would all write in the same second; spread, no second takes more than a tenth of them, and
        // each half of the batch length about half of them.
        assertThat(writtenPerSecond).hasSizeGreaterThan(25);
        assertThat(writtenPerSecond.values()).allSatisfy(n -> assertThat(n).isLessThan(robots.size() / 10));
        long firstHalf = writtenPerSecond.headMap(START.plusSeconds(16)).values().stream().mapToLong(n -> n).sum();
        assertThat(firstHalf).isBetween(robots.size() * 4L / 10, robots.size() * 6L / 10);
    }

    @Test
    void aRobotThatDropsOffHasItsBatchWrittenAtOnceAndItsNextBatchIsCutShortAgain() {
        Robot robot = robot("r1");
        for (int second = 0; second < 5; second++) {
            sampler.stateReceived(robot, state(second, 80.0, OperatingMode.AUTOMATIC), null, START.plusSeconds(second));
        }
        sampler.connectionChanged(robot, ConnectionState.ONLINE, ConnectionState.CONNECTIONBROKEN, START.plusSeconds(5));
        assertThat(written).hasSize(1);
        assertThat(((StateSamples) written.get(0).body()).samples()).hasSize(5);

        Instant back = START.plusSeconds(100);
        for (int second = 0; second <= 30; second++) {
            sampler.stateReceived(robot, state(second, 80.0, OperatingMode.AUTOMATIC), null, back.plusSeconds(second));
        }
        assertThat(written).hasSize(2);
        assertThat(span((StateSamples) written.get(1).body())).isBetween(sampler.firstLength("r1"),
                sampler.firstLength("r1").plusMillis(999));
    }

    private static Duration span(StateSamples batch) {
        return Duration.between(batch.samples().get(0).time(), batch.samples().get(batch.samples().size() - 1).time());
    }

    private static Robot robot(String id) {
        return new Robot(id, "Acme", id, "acme", "generic", "delivery", "site-a", null, START, null);
    }

    private static State state(double x, Double battery, OperatingMode mode) {
        return new State(0, null, null, "Acme", "S1", List.of(), "", 0, null, "", 0, true, false, false, 0.0, mode,
                List.of(), List.of(), AgvPosition.of(x, 0, 0, "L1"), Velocity.of(0.5, 0, 0), List.of(), List.of(),
                battery == null ? null : BatteryState.of(battery, false), List.of(), List.of(),
                new SafetyState(EStop.NONE, false));
    }
}
