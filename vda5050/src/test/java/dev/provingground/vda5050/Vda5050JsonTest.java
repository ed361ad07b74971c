package dev.provingground.vda5050;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Vda5050JsonTest {

    @Test
    void factsheetEmbeddedInALargerFileReadsLikeAFactsheetMessage() throws Exception {
        String profile = "{\"model\": \"DeliBot S2\", \"uvc\": {\"lamps\": 0}, \"factsheet\": "
                + new String(Samples.bytes("2.1.0/factsheet.json"), StandardCharsets.UTF_8) + "}";
        JsonNode node = Vda5050Json.mapper().readTree(profile);

        Factsheet factsheet = Vda5050Json.mapper().treeToValue(node.get("factsheet"), Factsheet.class);

        assertThat(factsheet.typeSpecification()).isEqualTo(SampleMessages.factsheet().typeSpecification());
    }

    @Test
    void embeddedFactsheetErrorsNameTheFieldRelativeToTheFactsheet() throws Exception {
        JsonNode node = Vda5050Json.mapper().readTree("{\"factsheet\": {\"version\": \"2.1.0\", \"manufacturer\": \"m\","
                + " \"serialNumber\": \"s\"}}");

        assertThatThrownBy(() -> Vda5050Json.mapper().treeToValue(node.get("factsheet"), Factsheet.class))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("factsheet: missing required field $.typeSpecification");
    }

    @Test
    void partsCanBeReadOnTheirOwnWithTheSameRules() throws Exception {
        Action action = Vda5050Json.mapper().readValue(
                "{\"actionType\": \"uvcLampOn\", \"actionId\": \"a1\", \"blockingType\": \"SOFT\","
                        + " \"actionParameters\": [{\"key\": \"doseJPerM2\", \"value\": 30}]}", Action.class);

        assertThat(action).isEqualTo(Action.of("uvcLampOn", "a1", BlockingType.SOFT,
                List.of(ActionParameter.of("doseJPerM2", 30L))));
        assertThatThrownBy(() -> Vda5050Json.mapper().readValue("{\"x\": 1, \"y\": 2}", NodePosition.class))
                .isInstanceOf(Vda5050DecodeException.class)
                .hasMessage("nodePosition: missing required field $.mapId");
    }

    @Test
    void instantsAreWrittenAsWireTimestamps() throws Exception {
        String json = Vda5050Json.mapper().writeValueAsString(Map.of("t", Instant.parse("2026-11-22T03:47:46.987654Z")));

        assertThat(json).isEqualTo("{\"t\":\"2026-11-22T03:47:46.987Z\"}");
    }

    @Test
    void newMapperIsIndependentOfTheSharedOne() {
        assertThat(Vda5050Json.newMapper()).isNotSameAs(Vda5050Json.mapper());
        assertThat(Vda5050Json.mapper()).isSameAs(Vda5050Json.mapper());
    }
}
