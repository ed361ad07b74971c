package dev.provingground.vda5050;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.charset.StandardCharsets;

class EncodeTest {

    private static Vda5050Codec codec;
    private static Vda5050Schemas sharedSchemas;

    @BeforeAll
    static void loadSchemas() {
        codec = new Vda5050Codec();
        sharedSchemas = Vda5050Schemas.load(PublishedSchemas.v210());
    }

    static List<VdaMessage> messages() {
        return SampleMessages.all();
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessageTypeEncodesToJsonValidAgainstTheSharedSchema(VdaMessage message) {
        byte[] json = codec.encode(message);

        assertThat(sharedSchemas.validate(message.topic(), json)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("messages")
    void encodedJsonStartsWithTheHeaderAndCarriesNoJavaOnlyProperties(VdaMessage message) throws Exception {
        JsonNode json = Vda5050Json.mapper().readTree(codec.encode(message));

        assertThat(json.fieldNames()).toIterable().startsWith("headerId", "timestamp", "version", "manufacturer",
                "serialNumber");
        assertThat(json.has("topic")).isFalse();
        assertThat(json.has("header")).isFalse();
    }

    @Test
    void timestampsAreUtcWithExactlyMilliseconds() throws Exception {
        Instant[] times = {
                Instant.parse("2026-11-22T03:47:46Z"),
                Instant.parse("2026-11-22T03:47:46.100Z"),
                Instant.parse("2026-11-22T03:47:46.123456789Z")};
        String[] expected = {"2026-11-22T03:47:46.000Z", "2026-11-22T03:47:46.100Z", "2026-11-22T03:47:46.123Z"};
        for (int i = 0; i < times.length; i++) {
            Connection connection = Connection.create(ConnectionState.ONLINE)
                    .withHeader(new Header(0, times[i], "2.1.0", "acme", "db-0042"));
            JsonNode json = Vda5050Json.mapper().readTree(codec.encode(connection));
            assertThat(json.get("timestamp").textValue()).isEqualTo(expected[i]);
        }
    }

    @Test
    void absentOptionalFieldsAreOmittedNotWrittenAsNull() throws Exception {
        String json = new String(codec.encode(SampleMessages.connection()), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"headerId\":0,\"timestamp\":\"2026-11-22T03:47:46.123Z\",\"version\":\"2.1.0\","
                + "\"manufacturer\":\"acme-robotics\",\"serialNumber\":\"db-0042\",\"connectionState\":\"ONLINE\"}");
    }

    @Test
    void factsheetUsesTheJsonNamesOfTheSpecification() throws Exception {
        JsonNode json = Vda5050Json.mapper().readTree(codec.encode(SampleMessages.factsheet()));

        assertThat(json.at("/protocolLimits/maxArrayLens/order.nodes").asLong()).isEqualTo(64);
        assertThat(json.at("/protocolLimits/maxArrayLens/information.infoReferences").asLong()).isEqualTo(8);
        assertThat(json.at("/agvGeometry/wheelDefinitions/0/isActiveDriven").asBoolean()).isTrue();
        assertThat(json.at("/agvGeometry/wheelDefinitions/0/isActiveSteered").isBoolean()).isTrue();
        assertThat(json.at("/protocolFeatures/agvActions/0/actionParameters/1/isOptional").asBoolean()).isTrue();
        assertThat(json.at("/physicalParameters/angularSpeedMax").asDouble()).isEqualTo(1.0);
    }

    @Test
    void stateKeepsEmptyListsTheSchemaRequires() throws Exception {
        State idle = new State(0, SampleMessages.TIME, "2.1.0", "acme", "db-0042", null, "", 0, null, "", 0, false,
                null, null, null, OperatingMode.AUTOMATIC, null, null, null, null, null, null,
                BatteryState.of(80, false), null, null, new SafetyState(EStop.NONE, false));

        JsonNode json = Vda5050Json.mapper().readTree(codec.encode(idle));

        assertThat(json.get("nodeStates").isArray()).isTrue();
        assertThat(json.get("edgeStates").isEmpty()).isTrue();
        assertThat(json.get("actionStates").isEmpty()).isTrue();
        assertThat(json.get("errors").isEmpty()).isTrue();
    }
}
