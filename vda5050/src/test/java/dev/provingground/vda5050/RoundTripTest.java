package dev.provingground.vda5050;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripTest {

    private static Vda5050Codec codec;

    @BeforeAll
    static void createCodec() {
        codec = new Vda5050Codec();
    }

    static List<VdaMessage> messages() {
        return SampleMessages.all();
    }

    @ParameterizedTest
    @MethodSource("messages")
    void decodingTheEncodingGivesTheSameMessage(VdaMessage message) {
        VdaMessage decoded = codec.decode(message.topic(), codec.encode(message));

        assertThat(decoded).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void jacksonMapperReadsWhatItWrites(VdaMessage message) throws Exception {
        String json = Vda5050Json.mapper().writeValueAsString(message);

        assertThat(Vda5050Json.mapper().readValue(json, message.getClass())).isEqualTo(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1.0/state.json", "2.1.0/order.json", "2.1.0/instantActions.json",
            "2.1.0/connection.json", "2.1.0/visualization.json", "2.1.0/factsheet.json",
            "2.0.0/state.json", "2.0.0/order.json", "2.0.0/instantActions.json", "2.0.0/connection.json",
            "2.0.0/visualization.json", "2.0.0/factsheet.json", "2.0.0/vda-5050-lib-1.4.0/state.json"})
    void decodedSamplesReEncodeValidAndDecodeToTheSameMessageAtMillisecondPrecision(String sample) {
        Topic topic = Topic.fromWire(sample.substring(sample.lastIndexOf('/') + 1, sample.indexOf(".json")))
                .orElseThrow();
        VdaMessage decoded = codec.decode(topic, Samples.bytes(sample));
        Header header = decoded.header();
        VdaMessage wireTime = decoded.withHeader(new Header(header.headerId(),
                header.timestamp().truncatedTo(ChronoUnit.MILLIS), header.version(), header.manufacturer(),
                header.serialNumber()));

        assertThat(codec.decode(topic, codec.encode(decoded))).isEqualTo(wireTime);
    }
}
