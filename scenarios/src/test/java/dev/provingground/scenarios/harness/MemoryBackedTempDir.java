package dev.provingground.scenarios.harness;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the scenarios' {@code @TempDir}s go (junit-platform.properties): memory-backed storage when the machine has
 * it, the default temporary directory otherwise. Scenarios are about behaviour, not the disk: every step waits for
 * both storage writers' commits, and on a disk each commit's forced writes would cost more than the step. Killing a
 * process loses nothing that reached the page cache either, so the SIGKILL scenario holds as well here; what a lost
 * disk write does is the business of the stores' own crash tests, which run on disk.
 */
public final class MemoryBackedTempDir implements TempDirFactory {

    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
        if (Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY))
            return Files.createTempDirectory(SHARED_MEMORY, "scenario-");
        return Files.createTempDirectory("scenario-");
    }
}
