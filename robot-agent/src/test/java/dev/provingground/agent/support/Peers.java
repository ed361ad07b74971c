package dev.provingground.agent.support;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Independent peers the tests run against (npm packages, Node.js): missing ones skip the test with what to install,
 * unless {@code PG_REQUIRE_PEERS=true} (as {@code .ci/run} sets it), where a missing peer fails the test.
 */
public final class Peers {

    private Peers() {
    }

    public static void assume(boolean present, String what, String install) {
        if (present) return;
        String message = what + " is not installed; " + install;
        if ("true".equals(System.getenv("PG_REQUIRE_PEERS"))) throw new AssertionError("required peer missing: " + message);
        Assumptions.abort(message);
    }

    /** An executable on the PATH, or at {@code fallback}. */
    public static Optional<Path> executable(String name, Path fallback) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        }
        return Files.isExecutable(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    /** This module's npm peer folder (package.json, package-lock.json, scripts). */
    public static Path npmDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "src", "test", "peer");
    }
}
