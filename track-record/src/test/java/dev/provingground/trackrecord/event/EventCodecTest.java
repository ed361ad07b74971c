package dev.provingground.trackrecord.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provingground.trackrecord.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyEventTypeSurvivesEncodingAndDecoding() {
        Set<EventType> seen = EnumSet.noneOf(EventType.class);
        List<TrackEvent> events = new ArrayList<>(Scenario.acmeMorning());
        // Written by the store itself after refusing events, never by the server.
        events.add(new TrackEvent(Scenario.START, "site-a", "acme", null, new RecordGap(3, "No space left on device")));
        events.addAll(measuredFigures());
        events.add(new TrackEvent(Scenario.START, "site-a", "acme", "r1", new ElevatorRefusal("E2", "L2", "L1",
                ElevatorRefusal.Rule.OUTSIDE_SERVICE_HOURS, "outside service hours (Mon 10:00-11:00, Europe/Berlin)")));
        for (TrackEvent event : events) {
            byte[] bytes = codec.encode(event);
            assertThat(codec.decode(bytes)).isEqualTo(event);
            assertThat(codec.encode(codec.decode(bytes))).as("re-encoding is byte-identical").isEqualTo(bytes);
            seen.add(event.type());
        }
        assertThat(seen).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void theSplicedEncodingIsByteForByteTheTreeEncodingForEveryEventType() {
        List<TrackEvent> events = new ArrayList<>(Scenario.acmeMorning());
        events.add(new TrackEvent(Scenario.START, "site-a", "acme", null, new RecordGap(3, "No space left on device")));
        events.addAll(measuredFigures());
        events.add(new TrackEvent(Scenario.START, "site-a", null, null, new ConfigurationChange("kim \"the\" operator",
                ConfigurationChange.Target.ZONE, "z1", ConfigurationChange.Action.CREATE,
                JsonNodeFactory.instance.objectNode().put("b", "ü\u0001").put("a", 1.5e-7))));
        for (TrackEvent event : events) {
            assertThat(new String(codec.encode(event), StandardCharsets.UTF_8)).as(event.type().typeName())
                    .isEqualTo(new String(codec.encodeAsTree(event), StandardCharsets.UTF_8));
        }
    }

    /** The events and fields with which the server says what it measured rather than what the robot said. */
    private static List<TrackEvent> measuredFigures() {
        return List.of(
                new TrackEvent(Scenario.START, "site-a", "acme", "r1", new PositionJump("L1", 1, 2, 21, 2, 1.0, 20,
                        3.5)),
                new TrackEvent(Scenario.START, "site-a", "acme", "r1", new ClockSkew(ClockSkew.Phase.STARTED, 600, 5,
                        null)),
                new TrackEvent(Scenario.START, "site-a", "acme", "r1", new ClockSkew(ClockSkew.Phase.CLEARED, 0.2, 5,
                        60.0)),
                new TrackEvent(Scenario.START, "site-a", "acme", "r1", new Overspeed("lobby", 1.5, 1.95, 3,
                        Overspeed.Source.COMPUTED, 1.95, 1.2)),
                new TrackEvent(Scenario.START, "site-a", "acme", "r1", new RobotLink(RobotLink.State.CONNECTED, null,
                        42.5)),
                new TrackEvent(Scenario.START, "site-a", "acme", "r1", new StateSamples(List.of(new StateSamples.Sample(
                        Scenario.START, "L1", 21, 2, 0, StateSamples.OperatingMode.AUTOMATIC,
                        StateSamples.AreaClass.INDOOR, null, true)))));
    }

    @Test
    void versionOneEventsOfChangedTypesStillDecode() {
        String envelope = "\"v\":1,\"time\":\"2026-05-01T09:00:00.000Z\",\"site\":\"site-a\",\"firm\":\"acme\",\"robot\":\"r1\"";
        assertThat(codec.decode(utf8("{\"type\":\"overspeed\"," + envelope
                + ",\"durationSeconds\":3.5,\"limit\":1.5,\"maxSpeed\":2.1,\"zone\":\"lobby\"}")).body())
                .isEqualTo(new Overspeed("lobby", 1.5, 2.1, 3.5));
        assertThat(codec.decode(utf8("{\"type\":\"robot.link\"," + envelope + ",\"state\":\"LINK_LOST\"}")).body())
                .isEqualTo(new RobotLink(RobotLink.State.LINK_LOST, null));
        assertThat(codec.decode(utf8("{\"type\":\"state.samples\"," + envelope
                + ",\"samples\":[{\"time\":\"2026-05-01T09:00:00Z\",\"mapId\":\"L1\",\"x\":0,\"y\":0,\"speed\":1,"
                + "\"mode\":\"AUTOMATIC\",\"area\":\"INDOOR\"}]}")).body()).isInstanceOf(StateSamples.class);
    }

    @Test
    void aPlainSampleKeepsItsBytesAndAJumpIsMarked() {
        StateSamples.Sample plain = new StateSamples.Sample(Scenario.START, "L1", 0, 0, 0,
                StateSamples.OperatingMode.AUTOMATIC, StateSamples.AreaClass.INDOOR, null, false);
        TrackEvent event = new TrackEvent(Scenario.START, "site-a", "acme", "r1", new StateSamples(List.of(plain)));
        assertThat(new String(codec.encode(event), StandardCharsets.UTF_8)).doesNotContain("jump");
        assertThatThrownBy(() -> new PositionJump("L1", 0, 0, 1, 0, 1, 1, 2))
                .hasMessageContaining("displacement 1.0 must exceed plausibleLimit 2.0");
        assertThatThrownBy(() -> new ClockSkew(ClockSkew.Phase.STARTED, 600, 5, 1.0))
                .hasMessageContaining("durationSeconds is required for CLEARED and absent for STARTED");
    }

    @Test
    void encodingPutsTheEnvelopeFirstAndSortsTheBody() {
        TrackEvent event = new TrackEvent(Instant.parse("2026-05-01T09:00:00.123456Z"), "site-a", "acme", "r1",
                new Overspeed("lobby", 1.5, 2.1, 3.5));

        assertThat(new String(codec.encode(event), StandardCharsets.UTF_8)).isEqualTo(
                "{\"type\":\"overspeed\",\"v\":2,\"time\":\"2026-05-01T09:00:00.123Z\",\"site\":\"site-a\",\"firm\":\"acme\","
                        + "\"robot\":\"r1\",\"durationSeconds\":3.5,\"limit\":1.5,\"maxSpeed\":2.1,\"zone\":\"lobby\"}");
    }

    @Test
    void configurationDetailsAreStoredWithSortedKeysSoTheBytesAreCanonical() {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("b", 1);
        details.putObject("a").put("d", 1).put("c", 2);
        TrackEvent event = new TrackEvent(Scenario.START, "site-a", null, null, new ConfigurationChange("kim",
                ConfigurationChange.Target.ZONE, "z1", ConfigurationChange.Action.CREATE, details));

        assertThat(new String(codec.encode(event), StandardCharsets.UTF_8))
                .contains("\"details\":{\"a\":{\"c\":2,\"d\":1},\"b\":1}")
                .doesNotContain("\"firm\"").doesNotContain("\"robot\"");
    }

    @Test
    void decodingNamesTheFieldThatIsWrong() {
        String envelope = "\"v\":1,\"time\":\"2026-05-01T09:00:00Z\",\"site\":\"site-a\",\"firm\":\"acme\",\"robot\":\"r1\"";
        assertThatThrownBy(() -> codec.decode(utf8("{\"type\":\"teleport\"," + envelope + "}")))
                .isInstanceOf(EventFormatException.class).hasMessage("type: unknown event type 'teleport'");
        assertThatThrownBy(() -> codec.decode(utf8("{\"type\":\"overspeed\"," + envelope.replace("\"v\":1", "\"v\":3")
                + ",\"zone\":\"z\",\"limit\":1,\"maxSpeed\":2,\"durationSeconds\":1}")))
                .hasMessageContaining("v: overspeed schema version 3 is not supported");
        assertThatThrownBy(() -> codec.decode(utf8("{\"type\":\"overspeed\"," + envelope
                + ",\"zone\":\"z\",\"limit\":1,\"maxSpeed\":2,\"durationSeconds\":-1}")))
                .hasMessageContaining("overspeed: durationSeconds must not be negative, got -1.0");
        assertThatThrownBy(() -> codec.decode(utf8("{\"type\":\"estop\"," + envelope
                + ",\"phase\":\"TRIGGERED\",\"source\":\"ELBOW\"}")))
                .hasMessageContaining("estop field source").hasMessageContaining("ELBOW");
        assertThatThrownBy(() -> codec.decode(utf8("{\"type\":\"estop\"," + envelope
                + ",\"phase\":\"TRIGGERED\",\"source\":\"SERVER\",\"colour\":\"red\"}")))
                .hasMessageContaining("colour");
        assertThatThrownBy(() -> codec.decode(utf8("{\"type\":\"estop\"," + envelope.replace("2026-05-01T09:00:00Z", "yesterday")
                + ",\"phase\":\"TRIGGERED\",\"source\":\"SERVER\"}")))
                .hasMessageContaining("time: 'yesterday' is not an ISO 8601 time");
        assertThatThrownBy(() -> codec.decode(utf8("{\"type\":\"state.samples\"," + envelope
                + ",\"samples\":[{\"time\":\"2026-05-01T09:00:00Z\",\"mapId\":\"L1\",\"x\":0,\"y\":0,\"speed\":1,"
                + "\"mode\":\"AUTOMATIC\",\"area\":\"INDOOR\",\"battery\":140}]}")))
                .hasMessageContaining("samples[].battery must be between 0 and 100, got 140.0");
        assertThatThrownBy(() -> codec.decode(utf8("not json")))
                .hasMessageStartingWith("not valid JSON");
    }

    @Test
    void theEnvelopeEnforcesWhoAnEventIsAbout() {
        assertThatThrownBy(() -> new TrackEvent(Scenario.START, "site-a", "acme", null, new Overspeed("z", 1, 2, 1)))
                .hasMessage("robot is required for overspeed events");
        assertThatThrownBy(() -> new TrackEvent(Scenario.START, "site-a", null, "r1", new Overspeed("z", 1, 2, 1)))
                .hasMessage("an event about robot 'r1' must name the robot's firm");
        assertThatThrownBy(() -> new TrackEvent(Scenario.START, "site a", "acme", "r1", new Overspeed("z", 1, 2, 1)))
                .hasMessageContaining("site must be an identifier");
    }

    @Test
    void readTimeFindsTheEnvelopeTimeWithoutDecodingTheBody() {
        TrackEvent event = Scenario.acmeMorning().get(2);
        assertThat(codec.readTime(codec.encode(event))).isEqualTo(event.time());
        assertThat(codec.readTime(utf8("{\"nested\":{\"time\":\"x\"},\"time\":\"2026-05-01T09:00:00+09:00\"}")))
                .isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    }
}
