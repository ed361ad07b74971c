package dev.provingground.vda5050;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared workplace folder, passed by the build as system property {@code shared.dir}. */
final class SharedFiles {

    private SharedFiles() {
    }

    static Path dir() {
        String dir = System.getProperty("shared.dir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property shared.dir is not set; run the tests through Maven");
        }
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("shared.dir " + path + " is not a directory");
        }
        return path;
    }

    static Path schemas210() {
        return dir().resolve("vda5050").resolve("2.1.0");
    }
}
