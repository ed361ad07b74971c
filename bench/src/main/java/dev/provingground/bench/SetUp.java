package dev.provingground.bench;

import io.vertx.core.Future;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** What benchmarks that run a server in process share to set it up and take it down again. */
public final class SetUp {

    private SetUp() {
    }

    /** Waits for {@code future}; a failure is rethrown as it came, a hang ends after {@code seconds}. */
    public static <T> T await(Future<T> future, long seconds, String what) {
        return join(future.toCompletionStage().toCompletableFuture(), seconds, what);
    }

    /** @param what names who failed to answer, e.g. "the bench server" */
    public static <T> T join(CompletableFuture<T> future, long seconds, String what) {
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not answer within " + seconds + " s", e);
        }
    }

    /** Deletes a benchmark's data directory and everything in it. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the bench data directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
