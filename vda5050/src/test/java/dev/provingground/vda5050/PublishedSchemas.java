package dev.provingground.vda5050;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The VDA 5050 schemas as published, as folders on the test class path: 2.1.0 is the copy the product ships,
 * 2.0.0 a copy kept for tests only (both with their licence and origin in a README beside them).
 */
final class PublishedSchemas {

    private PublishedSchemas() {
    }

    static Path v210() {
        return folder(Vda5050Schemas.RESOURCE_FOLDER);
    }

    static Path v200() {
        return folder("/published-schemas/2.0.0/");
    }

    private static Path folder(String resource) {
        URL url = PublishedSchemas.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("schema folder " + resource + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
