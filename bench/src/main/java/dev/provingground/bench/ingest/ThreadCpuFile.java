package dev.provingground.bench.ingest;

import dev.provingground.bench.EventLoopLoad;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time of every thread of the server's JVM, written to a file once a second (name, tab, nanoseconds): the
 * operating system cuts thread names to 15 characters, so {@code /proc} cannot tell Vert.x's event loops apart, and
 * the harness must not reach into the server. Read by {@link #read(Path)}.
 */
final class ThreadCpuFile {

    private ThreadCpuFile() {
    }

    /** Starts a daemon thread that rewrites {@code file} every second (whole, by an atomic move). */
    static void startWriting(Path file) {
        Thread writer = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    write(file);
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | UncheckedIOException e) {
                    System.err.println("thread CPU file: " + e.getMessage());
                }
            }
        }, "bench-thread-cpu");
        writer.setDaemon(true);
        writer.start();
    }

    private static void write(Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        EventLoopLoad.threadCpuNanos().forEach((name, cpu) -> out.append(name).append('\t').append(cpu).append('\n'));
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, out, StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Thread name to CPU nanoseconds as last written; threads of one name are summed. Empty before the first write. */
    static Map<String, Long> read(Path file) {
        Map<String, Long> cpu = new HashMap<>();
        try {
            if (!Files.exists(file)) return cpu;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.lastIndexOf('\t');
                if (tab > 0) cpu.merge(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)), Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server's thread CPU file " + file, e);
        }
        return cpu;
    }
}
