package dev.provingground.trackrecord.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provingground.trackrecord.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code robot.error}: canonical bytes, strict decoding and the bounds on what a robot may put in it. */
class RobotErrorCodecTest {

    private static final String ENVELOPE =
            "\"v\":1,\"time\":\"2026-05-01T09:00:00.000Z\",\"site\":\"site-a\",\"firm\":\"acme\",\"robot\":\"r1\"";

    private final EventCodec codec = new EventCodec();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static TrackEvent event(RobotError body) {
        return new TrackEvent(Scenario.START, "site-a", "acme", "r1", body);
    }

    @Test
    void aRaisedErrorEncodesItsFieldsSortedAndLeavesOutTheClearingFields() {
        RobotError raised = new RobotError(RobotError.Phase.RAISED, "rosDiagnostic", RobotError.Level.FATAL,
                "lidar: no scans", List.of(new RobotError.Reference("diagnosticName", "lidar")), null, null);

        String json = new String(codec.encode(event(raised)), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"type\":\"robot.error\"," + ENVELOPE + ",\"description\":\"lidar: no scans\","
                + "\"errorType\":\"rosDiagnostic\",\"level\":\"FATAL\",\"phase\":\"RAISED\","
                + "\"references\":[{\"key\":\"diagnosticName\",\"value\":\"lidar\"}]}");
        assertThat(codec.decode(utf8(json))).isEqualTo(event(raised));
    }

    @Test
    void aClearedErrorCarriesItsDurationAndRecurrencesAndSurvivesARoundTrip() {
        RobotError cleared = new RobotError(RobotError.Phase.CLEARED, "navigationFailed", RobotError.Level.WARNING,
                null, null, 12.5, 3);

        byte[] bytes = codec.encode(event(cleared));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).endsWith(",\"durationSeconds\":12.5,"
                + "\"errorType\":\"navigationFailed\",\"level\":\"WARNING\",\"phase\":\"CLEARED\",\"recurrences\":3}");
        assertThat(codec.encode(codec.decode(bytes))).isEqualTo(bytes);
    }

    @Test
    void anEmptyReferenceListIsTheSameEventAsNoneSoTheBytesStayCanonical() {
        RobotError empty = new RobotError(RobotError.Phase.RAISED, "t", RobotError.Level.WARNING, null, List.of(),
                null, null);
        RobotError none = new RobotError(RobotError.Phase.RAISED, "t", RobotError.Level.WARNING, null, null,
                null, null);

        assertThat(empty).isEqualTo(none);
        assertThat(new String(codec.encode(event(empty)), StandardCharsets.UTF_8)).doesNotContain("references");
    }

    @Test
    void decodingRefusesWhatTheSchemaDoesNotAllowNamingTheField() {
        String head = "{\"type\":\"robot.error\"," + ENVELOPE;
        assertThatThrownBy(() -> codec.decode(utf8(head + ",\"errorType\":\"t\",\"level\":\"FATAL\",\"phase\":\"CLEARED\"}")))
                .isInstanceOf(EventFormatException.class).hasMessageContaining("durationSeconds is required");
        assertThatThrownBy(() -> codec.decode(utf8(head
                + ",\"errorType\":\"t\",\"level\":\"FATAL\",\"phase\":\"RAISED\",\"durationSeconds\":1.0}")))
                .hasMessageContaining("only for CLEARED");
        assertThatThrownBy(() -> codec.decode(utf8(head + ",\"errorType\":\"t\",\"level\":\"PANIC\",\"phase\":\"RAISED\"}")))
                .hasMessageContaining("robot.error field level").hasMessageContaining("PANIC");
        assertThatThrownBy(() -> codec.decode(utf8(head + ",\"errorType\":\"t\",\"level\":\"FATAL\",\"phase\":\"RAISED\","
                + "\"references\":[{\"key\":\"k\",\"value\":\"v\",\"extra\":1}]}")))
                .hasMessageContaining("extra");
        assertThatThrownBy(() -> codec.decode(utf8(head + ",\"errorType\":\"t\",\"level\":\"FATAL\",\"phase\":\"CLEARED\","
                + "\"durationSeconds\":-2,\"recurrences\":0}")))
                .hasMessageContaining("durationSeconds must not be negative");
        assertThatThrownBy(() -> codec.decode(utf8(head.replace("\"v\":1", "\"v\":2")
                + ",\"errorType\":\"t\",\"level\":\"FATAL\",\"phase\":\"RAISED\"}")))
                .hasMessageContaining("robot.error schema version 2 is not supported");
    }

    @Test
    void theRobotsTextIsBoundedInLengthAndCount() {
        assertThatThrownBy(() -> new RobotError(RobotError.Phase.RAISED, "x".repeat(RobotError.MAX_TYPE + 1),
                RobotError.Level.FATAL, null, null, null, null)).hasMessageContaining("errorType is longer than 64");
        assertThatThrownBy(() -> new RobotError(RobotError.Phase.RAISED, "t", RobotError.Level.FATAL,
                "d".repeat(RobotError.MAX_DESCRIPTION + 1), null, null, null))
                .hasMessageContaining("description is longer than 200");
        assertThatThrownBy(() -> new RobotError(RobotError.Phase.RAISED, "t", RobotError.Level.FATAL, "a\nb", null,
                null, null)).hasMessageContaining("control character");
        assertThatThrownBy(() -> new RobotError(RobotError.Phase.RAISED, "t", RobotError.Level.FATAL, null,
                Collections.nCopies(RobotError.MAX_REFERENCES + 1, new RobotError.Reference("k", "v")), null, null))
                .hasMessageContaining("at most 8");
        assertThatThrownBy(() -> new RobotError.Reference("k", "v".repeat(RobotError.MAX_REFERENCE_TEXT + 1)))
                .hasMessageContaining("references[].value is longer than 64");
    }
}
