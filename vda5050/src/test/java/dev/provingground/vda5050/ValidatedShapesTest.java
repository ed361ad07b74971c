package dev.provingground.vda5050;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidatedShapesTest {

    private static InstantActions pause(long headerId, Instant at, String actionId, String actionType) {
        return InstantActions.create(List.of(Action.instant(actionType, actionId, BlockingType.HARD, List.of())))
                .withHeader(new Header(headerId, at, Header.PROTOCOL_VERSION, "Acme", "A-1"));
    }

    private static byte[] json(VdaMessage message) {
        return Vda5050Json.newMapper().valueToTree(message).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void messagesDifferingOnlyInHeaderIdTimestampAndActionIdsHaveOneShape() {
        String first = ValidatedShapes.shape(Topic.INSTANT_ACTIONS,
                json(pause(1, Instant.parse("2026-03-02T08:00:00.123Z"), "pause-1\"x", "startPause")));
        String second = ValidatedShapes.shape(Topic.INSTANT_ACTIONS,
                json(pause(98765, Instant.parse("2027-11-30T23:59:59.999Z"), "pause-2", "startPause")));

        assertThat(second).isEqualTo(first);
        assertThat(ValidatedShapes.shape(Topic.INSTANT_ACTIONS,
                json(pause(1, Instant.parse("2026-03-02T08:00:00.123Z"), "pause-1", "stopPause"))))
                .as("another action type").isNotEqualTo(first);
        assertThat(ValidatedShapes.shape(Topic.ORDER,
                json(pause(1, Instant.parse("2026-03-02T08:00:00.123Z"), "pause-1", "startPause"))))
                .as("another topic").isNotEqualTo(first);
    }

    @Test
    void aMessageOfAShapeNeverValidatedIsStillRefusedAfterOthersPassed() {
        Vda5050Codec codec = new Vda5050Codec();
        for (int i = 0; i < 3; i++) codec.encode(pause(i, Instant.parse("2026-03-02T08:00:00Z"), "p-" + i, "startPause"));
        InstantActions unstamped = InstantActions.create(List.of(Action.instant("startPause", "p-9", BlockingType.HARD,
                List.of())));

        assertThatThrownBy(() -> codec.encode(unstamped)).isInstanceOf(Vda5050EncodeException.class)
                .hasMessageContaining("timestamp");
    }
}
