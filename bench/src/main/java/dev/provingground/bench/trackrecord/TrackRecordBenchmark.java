package dev.provingground.bench.trackrecord;

import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.TrackRecordConfig;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.export.ExportQuery;
import dev.provingground.trackrecord.export.ProgressListener;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.JsonlLeaves;
import dev.provingground.trackrecord.verify.RfcMerkle;
import dev.provingground.trackrecord.verify.VerifyResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import java.security.DigestException;

/**
 * {@code proving-ground bench track-record}: durable appends per second of 200-byte events through the store (group
 * commit), against plain MapDB puts of the same events under the same commit policy in the same run; and
 * verification speed (root recomputed from events.jsonl by the verifier's own code), against raw SHA-256 over the
 * same bytes (one digest per leaf). Prints progress and, last, the one-line result.
 */
public final class TrackRecordBenchmark {

    /**
     * @param warmup          appending before measuring starts, per store
     * @param measure         measured appending, per store
     * @param eventBytes      size of every event
     * @param commitInterval  group commit: longest wait
     * @param commitMaxEvents group commit: most events per commit
     * @param verifyLeaves    leaves in the in-memory events.jsonl for the verification run
     * @param bundleEvents    events in the exported bundle whose full verification (with KPIs) is also timed
     * @param workDir         where the stores go; a fresh temporary directory when {@code null}
     */
    public record Options(Duration warmup, Duration measure, int eventBytes, Duration commitInterval, int commitMaxEvents,
                          int verifyLeaves, int bundleEvents, Path workDir) {

        public Options {
            if (eventBytes < 160) {
                throw new IllegalArgumentException("eventBytes must be at least 160 to hold an event, got " + eventBytes);
            }
        }

        /** About a minute on two cores. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(3), Duration.ofSeconds(12), 200, Duration.ofMillis(50), 8192,
                    1_000_000, 100_000, null);
        }
    }

    /** Measured figures; ratios are against the baselines of the same run. */
    public record Result(double appendsPerSecond, double plainMapDbPutsPerSecond, double verifyLeavesPerSecond,
                         double rawSha256LeavesPerSecond, double bundleVerifyLeavesPerSecond) {

        public double appendRatio() {
            return appendsPerSecond / plainMapDbPutsPerSecond;
        }

        public double verifyRatio() {
            return verifyLeavesPerSecond / rawSha256LeavesPerSecond;
        }

        public String finalLine() {
            return String.format(Locale.ROOT, "track-record: %.0f appends/s (%.2fx plain MapDB), verify %.0f leaves/s (%.2fx raw SHA-256)",
                    appendsPerSecond, appendRatio(), verifyLeavesPerSecond, verifyRatio());
        }
    }

    private static final LogId LOG = LogId.firmLog("bench-site", "bench-firm");

    private TrackRecordBenchmark() {
    }

    public static void main(String[] args) {
        Result result = run(Options.defaults(), System.out);
        System.exit(result.appendsPerSecond() > 0 ? 0 : 1);
    }

    public static Result run(Options options, PrintStream out) {
        Path work = null;
        boolean temporary = options.workDir() == null;
        try {
            work = temporary ? Files.createTempDirectory("track-record-bench") : options.workDir();
            EventMaker events = new EventMaker(options.eventBytes());
            out.printf(Locale.ROOT, "track-record bench: %d-byte events, group commit every %d ms or %d events%n",
                    options.eventBytes(), options.commitInterval().toMillis(), options.commitMaxEvents());
            double appends = measureStore(options, events, work.resolve("store"), out);
            double plain = measurePlainMapDb(options, events, work.resolve("plain.mapdb"), out);
            double[] verify = measureVerification(options, events, out);
            double bundle = measureBundleVerification(options, events, work.resolve("bundle"), out);
            Result result = new Result(appends, plain, verify[0], verify[1], bundle);
            out.println(result.finalLine());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temporary && work != null) {
                deleteTree(work);
            }
        }
    }

    /** Events of exactly {@code size} bytes: a task event whose id carries a sequence number, padded with a note. */
    static final class EventMaker {
        private final byte[] template;
        private final int digitsAt;

        EventMaker(int size) {
            String head = "{\"type\":\"task\",\"v\":1,\"time\":\"2026-05-01T00:00:00.000Z\",\"site\":\"bench-site\","
                    + "\"firm\":\"bench-firm\",\"robot\":\"r1\",\"kind\":\"delivery\",\"phase\":\"ASSIGNED\",\"reason\":\"";
            String tail = "\",\"taskId\":\"t0000000000\"}";
            String padding = "x".repeat(size - head.length() - tail.length());
            template = (head + padding + tail).getBytes(StandardCharsets.UTF_8);
            digitsAt = template.length - 12;
            if (template.length != size) {
                throw new IllegalStateException("event template is " + template.length + " bytes, not " + size);
            }
        }

        byte[] event(long sequence) {
            byte[] event = template.clone();
            long value = sequence;
            for (int i = digitsAt + 9; i >= digitsAt; i--) {
                event[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            return event;
        }
    }

    private static double measureStore(Options options, EventMaker events, Path dir, PrintStream out) {
        TrackRecordConfig config = TrackRecordConfig.defaults().withCommitInterval(options.commitInterval())
                .withCommitMaxEvents(options.commitMaxEvents());
        AtomicLong durable = new AtomicLong();
        Semaphore inFlight = new Semaphore(4 * options.commitMaxEvents());
        try (TrackRecordStore store = TrackRecordStore.open(dir, config)) {
            long sequence = 0;
            long warmupEnd = System.nanoTime() + options.warmup().toNanos();
            while (System.nanoTime() < warmupEnd) {
                sequence = appendSome(store, events, sequence, inFlight, durable);
            }
            long startCount = durable.get();
            long start = System.nanoTime();
            long end = start + options.measure().toNanos();
            long nextReport = start + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end) {
                sequence = appendSome(store, events, sequence, inFlight, durable);
                if (System.nanoTime() >= nextReport) {
                    out.printf(Locale.ROOT, "  store: %d durable so far%n", durable.get() - startCount);
                    nextReport += TimeUnit.SECONDS.toNanos(3);
                }
            }
            // Until what was appended is durable: a window shorter than a commit (or a writer thread the machine
            // did not schedule in it) would otherwise measure nothing.
            store.flush().join();
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = (durable.get() - startCount) / seconds;
            out.printf(Locale.ROOT, "  store: %.0f durable appends/s (%d events in the log)%n", rate, store.size(LOG));
            return rate;
        }
    }

    private static long appendSome(TrackRecordStore store, EventMaker events, long sequence, Semaphore inFlight,
                                   AtomicLong durable) {
        long next = sequence;
        for (int i = 0; i < 256; i++) {
            inFlight.acquireUninterruptibly();
            CompletableFuture<?> appended = store.append(LOG, events.event(next++));
            appended.whenComplete((leaf, error) -> {
                inFlight.release();
                if (error == null) {
                    durable.incrementAndGet();
                }
            });
        }
        return next;
    }

    private static double measurePlainMapDb(Options options, EventMaker events, Path file, PrintStream out) {
        DB db = DBMaker.fileDB(file.toFile()).transactionEnable().fileMmapEnableIfSupported().cleanerHackEnable().make();
        try {
            // One record per event, values outside the B-tree nodes: the fastest of the plain layouts (in-node values
            // and HTreeMap measured slower on this kind of load), so the baseline is a strong one.
            BTreeMap<Long, byte[]> map = db.treeMap("events", Serializer.LONG, Serializer.BYTE_ARRAY)
                    .valuesOutsideNodesEnable().createOrOpen();
            long intervalNanos = options.commitInterval().toNanos();
            long key = 0;
            long durable = 0;
            int uncommitted = 0;
            long firstUncommitted = 0;
            long warmupEnd = System.nanoTime() + options.warmup().toNanos();
            long start = -1;
            long startCount = 0;
            long end = warmupEnd + options.measure().toNanos();
            while (true) {
                long now = System.nanoTime();
                if (start < 0 && now >= warmupEnd) {
                    start = now;
                    startCount = durable;
                }
                if (now >= end) {
                    break;
                }
                map.put(key, events.event(key));
                key++;
                if (uncommitted++ == 0) {
                    firstUncommitted = now;
                }
                if (uncommitted >= options.commitMaxEvents() || now - firstUncommitted >= intervalNanos) {
                    db.commit();
                    durable += uncommitted;
                    uncommitted = 0;
                }
            }
            double rate = (durable - startCount) / ((System.nanoTime() - start) / 1e9);
            out.printf(Locale.ROOT, "  plain MapDB (fileDB, transactions, mmap, one B-tree record per event): %.0f durable "
                    + "puts/s%n", rate);
            return rate;
        } finally {
            db.close();
        }
    }

    /**
     * Best of five interleaved runs each: the verifier recomputing the root from an in-memory events.jsonl, and the
     * raw SHA-256 baseline over the same leaf bytes, one digest per leaf (no prefix, no tree). One SHA-256 over all
     * the bytes concatenated is printed as well.
     */
    private static double[] measureVerification(Options options, EventMaker events, PrintStream out) {
        int leaves = options.verifyLeaves();
        int eventBytes = options.eventBytes();
        int lineBytes = eventBytes + 1;
        byte[] jsonl = new byte[leaves * lineBytes];
        for (int i = 0; i < leaves; i++) {
            System.arraycopy(events.event(i), 0, jsonl, i * lineBytes, eventBytes);
            jsonl[i * lineBytes + eventBytes] = '\n';
        }
        RfcMerkle merkle = new RfcMerkle();
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] expected = null;
        byte[] digest = new byte[32];
        double bestVerify = 0;
        double bestRaw = 0;
        double bestStream = 0;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            JsonlLeaves source = new JsonlLeaves(new ByteArrayInputStream(jsonl), merkle, (n, b, o, l) -> { });
            byte[] root = merkle.rootOfRange(leaves, 0, leaves, List.of(), source);
            bestVerify = Math.max(bestVerify, leaves / ((System.nanoTime() - start) / 1e9));
            if (source.ranOut() || source.linesRead() != leaves || (expected != null && !Arrays.equals(root, expected))) {
                throw new IllegalStateException("verification run " + run + " did not read every leaf consistently");
            }
            expected = root;

            start = System.nanoTime();
            try {
                for (int i = 0; i < leaves; i++) {
                    sha256.update(jsonl, i * lineBytes, eventBytes);
                    sha256.digest(digest, 0, 32);
                }
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            bestRaw = Math.max(bestRaw, leaves / ((System.nanoTime() - start) / 1e9));

            start = System.nanoTime();
            for (int i = 0; i < leaves; i++) {
                sha256.update(jsonl, i * lineBytes, eventBytes);
            }
            sha256.digest();
            bestStream = Math.max(bestStream, leaves / ((System.nanoTime() - start) / 1e9));
        }
        out.printf(Locale.ROOT, "  verify: %.0f leaves/s recomputing the root from events.jsonl; raw SHA-256 per leaf: %.0f "
                + "leaves/s; one SHA-256 over all bytes: %.0f leaves/s (%.2fx)%n",
                bestVerify, bestRaw, bestStream, bestVerify / bestStream);
        return new double[] {bestVerify, bestRaw};
    }

    /** The whole bundle check a recipient runs: signature, root, KPI recomputation (JSON decoding dominates). */
    private static double measureBundleVerification(Options options, EventMaker events, Path dir, PrintStream out)
            throws IOException {
        TrackRecordConfig config = TrackRecordConfig.defaults().withCommitInterval(options.commitInterval())
                .withCommitMaxEvents(options.commitMaxEvents());
        Path bundle = dir.resolve("bundle.zip");
        try (TrackRecordStore store = TrackRecordStore.open(dir.resolve("data"), config)) {
            CompletableFuture<?> last = CompletableFuture.completedFuture(null);
            for (int i = 0; i < options.bundleEvents(); i++) {
                last = store.append(LOG, events.event(i));
            }
            last.join();
            store.checkpointNow(LOG).join();
            try (OutputStream target = Files.newOutputStream(bundle)) {
                store.export(LOG, ExportQuery.everything(), target, ProgressListener.NONE);
            }
        }
        BundleVerifier verifier = new BundleVerifier();
        long start = System.nanoTime();
        VerifyResult result = verifier.verify(bundle, null);
        double rate = options.bundleEvents() / ((System.nanoTime() - start) / 1e9);
        if (!result.ok()) {
            throw new IllegalStateException("benchmark bundle failed verification: " + result.summary());
        }
        out.printf(Locale.ROOT, "  bundle verify (zip, signature, root, KPI recomputation): %.0f leaves/s%n", rate);
        return rate;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
