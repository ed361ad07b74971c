package dev.provingground.vda5050;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Sample payloads from src/test/resources/samples. */
final class Samples {

    private Samples() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource samples/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
