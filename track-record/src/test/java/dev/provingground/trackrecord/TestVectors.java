package dev.provingground.trackrecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The test vectors kept in {@code src/test/resources/testvectors} (origin and licences in the README there). */
public final class TestVectors {

    private TestVectors() {
    }

    public static JsonNode json(String relative) {
        try (InputStream in = TestVectors.class.getResourceAsStream("/" + relative)) {
            if (in == null) {
                throw new IllegalStateException("test vector " + relative + " is not on the test class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode merkle() {
        return json("testvectors/rfc6962-merkle.json");
    }

    public static List<byte[]> hexList(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(node -> out.add(HexFormat.of().parseHex(node.asText())));
        return out;
    }

    public static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }
}
