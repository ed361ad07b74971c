package dev.provingground.trackrecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The shared test vectors, found through the {@code shared.dir} system property. */
public final class TestVectors {

    private TestVectors() {
    }

    public static Path sharedFile(String relative) {
        String shared = System.getProperty("shared.dir");
        if (shared == null) {
            throw new IllegalStateException("system property shared.dir is not set; run the tests through Maven");
        }
        Path file = Path.of(shared).resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("shared file " + file + " is missing");
        }
        return file;
    }

    public static JsonNode json(String relative) {
        try {
            return new ObjectMapper().readTree(sharedFile(relative).toFile());
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
