package dev.provingground.server.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds programs the tests start as independent peers. */
public final class Executables {

    private Executables() {
    }

    /** The first of {@code usualPlaces} that is executable, else {@code name} on the PATH. */
    public static Optional<Path> find(String name, Path... usualPlaces) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(usualPlaces),
                        Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isBlank()).map(d -> Path.of(d, name)))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }
}
