package dev.provingground.bench.garbage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provingground.bench.SetUp;
import dev.provingground.trackrecord.store.CrashSafeMapDb;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.BatteryState;
import dev.provingground.vda5050.EStop;
import dev.provingground.vda5050.Header;
import dev.provingground.vda5050.OperatingMode;
import dev.provingground.vda5050.SafetyState;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.Velocity;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * {@code ./proving-ground bench garbage}: the garbage (and time) of the two things the server does most per robot
 * message, each against a baseline in the same run — decoding a typical VDA 5050 state with the codec against
 * merely parsing it into a Jackson tree (what the earlier decoder built before reading a field), and a commit of one
 * robot's record to a crash-safe MapDB store against the same commit to MapDB's own transactional file store. Young
 * collections stop every thread, and how often they come is set by the bytes allocated per message. Ends with
 * {@code garbage: state decode <B> bytes <µs> µs (<r>x the tree alone), commit <KB> KB <µs> µs (<r>x MapDB's own)}.
 */
public final class GarbageBenchmark {

    /** A robot's stored record is about this long (the registry's status entry). */
    private static final int RECORD_BYTES = 640;

    public record Options(int decodes, int commits) {
        public Options {
            if (decodes < 1) throw new IllegalArgumentException("--decodes: must be at least 1, got " + decodes);
            if (commits < 1) throw new IllegalArgumentException("--commits: must be at least 1, got " + commits);
        }

        public static Options defaults() {
            return new Options(300_000, 1_000);
        }
    }

    /** What one operation allocated and took, on average over the measured ones. */
    public record Cost(double bytes, double micros) {
    }

    public record Result(Cost decode, Cost tree, Cost commit, Cost mapDbCommit) {

        public double decodeRatio() {
            return decode.bytes() / tree.bytes();
        }

        public double commitRatio() {
            return commit.bytes() / mapDbCommit.bytes();
        }

        public String summaryLine() {
            return String.format(Locale.ROOT, "garbage: state decode %.0f bytes %.2f µs (%.2fx the tree alone), "
                            + "commit %.1f KB %.0f µs (%.2fx MapDB's own)", decode.bytes(), decode.micros(),
                    decodeRatio(), commit.bytes() / 1024, commit.micros(), commitRatio());
        }
    }

    private GarbageBenchmark() {
    }

    public static Result run(Options options, PrintStream out) {
        Vda5050Codec codec = new Vda5050Codec();
        ObjectMapper mapper = new ObjectMapper();
        byte[] state = typicalState(codec);
        out.printf(Locale.ROOT, "garbage bench: a %d-byte state decoded %d times after as many to warm up; %d commits "
                + "of a %d-byte record after %d to warm up, each store on a file of its own%n", state.length,
                options.decodes(), options.commits(), RECORD_BYTES, options.commits() / 2);
        Cost decode = measure(options.decodes(), options.decodes(), i -> codec.decode(Topic.STATE, state));
        Cost tree = measure(options.decodes(), options.decodes(), i -> {
            try {
                return mapper.readTree(state);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.printf(Locale.ROOT, "garbage bench: codec decode %.0f bytes, %.2f µs; Jackson tree alone %.0f bytes, "
                + "%.2f µs%n", decode.bytes(), decode.micros(), tree.bytes(), tree.micros());
        Cost commit = commits(options.commits(), CrashSafeMapDb::open);
        Cost mapDbCommit = commits(options.commits(),
                file -> DBMaker.fileDB(file.toFile()).transactionEnable().make());
        out.printf(Locale.ROOT, "garbage bench: crash-safe commit %.1f KB, %.0f µs; MapDB's own transactional "
                + "commit %.1f KB, %.0f µs%n", commit.bytes() / 1024, commit.micros(), mapDbCommit.bytes() / 1024,
                mapDbCommit.micros());
        Result result = new Result(decode, tree, commit, mapDbCommit);
        out.println(result.summaryLine());
        return result;
    }

    /** A state as the load generator's robots send it: driving, a position, velocity, battery, no order. */
    static byte[] typicalState(Vda5050Codec codec) {
        State state = new State(0, null, null, "acme", "lg-00001", List.of(), "", 0, null, "", 0, true, false,
                false, 0.0, OperatingMode.AUTOMATIC, List.of(), List.of(),
                AgvPosition.of(12.125, 3.25, 0.875, "hall"), Velocity.of(1.2, 0, 0), List.of(), List.of(),
                BatteryState.of(80, false), List.of(), List.of(), new SafetyState(EStop.NONE, false));
        return codec.encode(state.withHeader(new Header(123_456, Instant.parse("2026-12-07T00:04:00.903Z"),
                Header.PROTOCOL_VERSION, "acme", "lg-00001")));
    }

    private interface OpenStore {
        DB open(Path file);
    }

    private static Cost commits(int commits, OpenStore store) {
        Path dir;
        try {
            dir = Files.createTempDirectory("pg-garbage-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] record = new byte[RECORD_BYTES];
        Arrays.fill(record, (byte) 'x');
        try (DB db = store.open(dir.resolve("store.mapdb"))) {
            Map<String, byte[]> robots = db.hashMap("robots", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
            return measure(commits / 2, commits, i -> {
                robots.put("robot-" + (i % 1000), record);
                db.commit();
                return robots;
            });
        } finally {
            SetUp.deleteRecursively(dir);
        }
    }

    /** Runs {@code op} {@code warmup} times, then {@code measured} times, counting this thread's bytes and time. */
    private static Cost measure(int warmup, int measured, IntFunction<Object> op) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Object kept = null;
        for (int i = 0; i < warmup; i++) kept = op.apply(i);
        long bytesBefore = threads.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        for (int i = 0; i < measured; i++) kept = op.apply(i);
        long nanos = System.nanoTime() - started;
        long bytes = threads.getCurrentThreadAllocatedBytes() - bytesBefore;
        if (kept == null) throw new IllegalStateException("nothing came of the operation");
        return new Cost((double) bytes / measured, nanos / 1e3 / measured);
    }
}
