package dev.provingground.bench.report;

import dev.provingground.report.ReportGenerator;
import dev.provingground.report.pdf.ReportFonts;
import dev.provingground.report.text.Language;
import dev.provingground.trackrecord.TrackRecordConfig;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.event.EventBody;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.GeofenceTransition;
import dev.provingground.trackrecord.event.Incident;
import dev.provingground.trackrecord.event.Intervention;
import dev.provingground.trackrecord.event.Overspeed;
import dev.provingground.trackrecord.event.RobotLink;
import dev.provingground.trackrecord.event.StateSamples;
import dev.provingground.trackrecord.event.TaskLifecycle;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.export.ExportQuery;
import dev.provingground.trackrecord.export.ProgressListener;
import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.VerifyResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Seconds to draw the PDF report of a bundle of a million events, against the seconds {@code verify} takes on the same
 * bundle in the same run (the report verifies too, in the same pass, so verify is its floor). The bundle is a fleet's
 * trial as the server records it: robots sending a state batch every 5 s on two levels, with tasks, geofence
 * transitions, and now and then an intervention, incident, overspeed or lost link. Verify and report alternate,
 * after one untimed run of each, and the best of each counts.
 */
public final class ReportBenchmark {

    /**
     * @param events  events in the bundle
     * @param robots  robots of the firm
     * @param rounds  timed runs of each
     * @param workDir where the store, bundle and PDF go; a fresh temporary directory when {@code null}
     */
    public record Options(int events, int robots, int rounds, Path workDir) {

        public Options {
            if (events < 1 || robots < 1 || rounds < 1) {
                throw new IllegalArgumentException("events, robots and rounds must be at least 1");
            }
        }

        public static Options defaults() {
            return new Options(1_000_000, 20, 2, null);
        }

        public Options withEvents(int value) {
            return new Options(value, robots, rounds, workDir);
        }
    }

    /** Best seconds of each (wall clock and the CPU time of the thread doing it), and what the report came to. */
    public record Result(int events, long bundleBytes, Timing verify, Timing report, long pdfBytes) {

        public double ratio() {
            return report.wallSeconds() / verify.wallSeconds();
        }

        public double cpuRatio() {
            return report.cpuSeconds() / verify.cpuSeconds();
        }

        public String finalLine() {
            return String.format(Locale.ROOT, "report: %.1f s for a %d-event bundle (%.2fx verify, %.1f s; CPU %.1f s, %.2fx"
                    + " verify's %.1f s; PDF %d bytes)", report.wallSeconds(), events, ratio(), verify.wallSeconds(),
                    report.cpuSeconds(), cpuRatio(), verify.cpuSeconds(), pdfBytes);
        }
    }

    /** Wall-clock and CPU seconds of one run; the CPU figure holds when other work shares the machine. */
    public record Timing(double wallSeconds, double cpuSeconds) {

        Timing best(Timing other) {
            return new Timing(Math.min(wallSeconds, other.wallSeconds), Math.min(cpuSeconds, other.cpuSeconds));
        }
    }

    private static final String SITE = "bench-site";
    private static final String FIRM = "bench-firm";
    private static final LogId LOG = LogId.firmLog(SITE, FIRM);
    private static final Instant START = Instant.parse("2026-05-04T06:00:00Z");
    private static final Duration BATCH = Duration.ofSeconds(5);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReportBenchmark() {
    }

    public static Result run(Options options, PrintStream out) {
        Path dir = options.workDir();
        boolean temporary = dir == null;
        try {
            if (temporary) dir = Files.createTempDirectory("pg-report-bench");
            out.printf(Locale.ROOT, "report bench: a bundle of %d events from %d robots%n", options.events(), options.robots());
            Path bundle = writeBundle(options, dir, out);
            long bundleBytes = Files.size(bundle);
            out.printf(Locale.ROOT, "  bundle: %d bytes%n", bundleBytes);
            ReportGenerator generator = new ReportGenerator(ReportFonts.load());
            Path pdf = dir.resolve("report.pdf");
            timeVerify(bundle);
            timeReport(generator, bundle, pdf);
            Timing verify = new Timing(Double.MAX_VALUE, Double.MAX_VALUE);
            Timing report = verify;
            for (int round = 1; round <= options.rounds(); round++) {
                Timing v = timeVerify(bundle);
                Timing r = timeReport(generator, bundle, pdf);
                out.printf(Locale.ROOT, "  round %d: verify %.2f s (CPU %.2f s), report %.2f s (CPU %.2f s): %.2fx wall, %.2fx CPU%n",
                        round, v.wallSeconds(), v.cpuSeconds(), r.wallSeconds(), r.cpuSeconds(),
                        r.wallSeconds() / v.wallSeconds(), r.cpuSeconds() / v.cpuSeconds());
                verify = verify.best(v);
                report = report.best(r);
            }
            Result result = new Result(options.events(), bundleBytes, verify, report, Files.size(pdf));
            out.println(result.finalLine());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temporary && dir != null) deleteTree(dir);
        }
    }

    private static Timing timeVerify(Path bundle) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        VerifyResult result = new BundleVerifier().verify(bundle, null);
        Timing timing = new Timing((System.nanoTime() - start) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9);
        if (!result.ok()) throw new IllegalStateException("benchmark bundle failed verification: " + result.summary());
        return timing;
    }

    private static Timing timeReport(ReportGenerator generator, Path bundle, Path pdf) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try {
            generator.write(bundle, null, Language.KO, pdf);
        } catch (Exception e) {
            throw new IllegalStateException("benchmark report failed: " + e.getMessage(), e);
        }
        return new Timing((System.nanoTime() - start) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9);
    }

    private static Path writeBundle(Options options, Path dir, PrintStream out) throws IOException {
        Path bundle = dir.resolve("bundle.zip");
        EventCodec codec = new EventCodec();
        long started = System.nanoTime();
        try (TrackRecordStore store = TrackRecordStore.open(dir.resolve("data"), TrackRecordConfig.defaults()
                .withCommitInterval(Duration.ofMillis(50)).withCommitMaxEvents(8192))) {
            store.ensureLog(LOG).join();
            Fleet fleet = new Fleet(options.robots());
            CompletableFuture<?> last = CompletableFuture.completedFuture(null);
            for (int i = 0; i < options.events(); i++) {
                last = store.append(LOG, codec.encode(fleet.next()));
                if (i % 100_000 == 99_999) {
                    last.join();
                    out.printf(Locale.ROOT, "  recorded %d events%n", i + 1);
                }
            }
            last.join();
            store.checkpointNow(LOG).join();
            try (OutputStream target = Files.newOutputStream(bundle)) {
                store.export(LOG, ExportQuery.everything(), target, ProgressListener.NONE);
            }
        }
        out.printf(Locale.ROOT, "  recorded and exported in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return bundle;
    }

    /** The fleet's events in time order: each robot's turn every {@link #BATCH}, its state batch and now and then more. */
    private static final class Fleet {
        private final SplittableRandom random = new SplittableRandom(7);
        private final int robots;
        private final double[] x;
        private final double[] y;
        private final double[] heading;
        private long turn;
        private final List<TrackEvent> queued = new ArrayList<>();

        Fleet(int robots) {
            this.robots = robots;
            x = new double[robots];
            y = new double[robots];
            heading = new double[robots];
            for (int r = 0; r < robots; r++) {
                x[r] = random.nextDouble(5, 195);
                y[r] = random.nextDouble(5, 95);
                heading[r] = random.nextDouble(0, 2 * Math.PI);
            }
        }

        TrackEvent next() {
            if (!queued.isEmpty()) return queued.remove(0);
            int r = (int) (turn % robots);
            Instant time = START.plus(BATCH.multipliedBy(turn / robots)).plusMillis(r * 200L);
            turn++;
            String robot = String.format(Locale.ROOT, "rb-%03d", r);
            double roll = random.nextDouble();
            if (roll < 0.0010) queue(time, robot, new Intervention(Intervention.Kind.values()[random.nextInt(3)], "blocked path", 30));
            else if (roll < 0.0012) queue(time, robot, new Incident(Incident.Severity.MINOR, "brushed an obstacle", "operator"));
            else if (roll < 0.0020) queue(time, robot, new GeofenceTransition("keep-out-" + r % 4, "keep-out-entered",
                    GeofenceTransition.Transition.VIOLATION, 4.0, 0.3, level(r), x[r], y[r], null, null, "PAUSE"));
            else if (roll < 0.0025) queue(time, robot, new Overspeed("sidewalk", 1.5, 1.7, 2.0));
            else if (roll < 0.0028) {
                queue(time, robot, new RobotLink(RobotLink.State.LINK_LOST, "keep-alive timeout"));
                queue(time.plusSeconds(3), robot, new RobotLink(RobotLink.State.CONNECTED, "2.1.0"));
            } else if (roll < 0.05) queue(time, robot, new TaskLifecycle("t-" + turn, TaskLifecycle.Phase.values()[random.nextInt(6)], "delivery", null));
            else if (roll < 0.10) queue(time, robot, new GeofenceTransition("aisle-" + r % 8, null,
                    GeofenceTransition.Transition.ENTER, null, null, level(r), x[r], y[r], null, null, null));
            return new TrackEvent(time, SITE, FIRM, robot, samples(r, time));
        }

        private void queue(Instant time, String robot, EventBody body) {
            queued.add(new TrackEvent(time, SITE, FIRM, robot, body));
        }

        /** Five samples a second apart, walking on and turning at the walls of a 200 m × 100 m level. */
        private StateSamples samples(int r, Instant time) {
            List<StateSamples.Sample> samples = new ArrayList<>(5);
            for (int s = 0; s < 5; s++) {
                double speed = 0.6 + 0.15 * (r % 7);
                heading[r] += random.nextDouble(-0.2, 0.2);
                double nx = x[r] + speed * Math.cos(heading[r]);
                double ny = y[r] + speed * Math.sin(heading[r]);
                if (nx < 1 || nx > 199 || ny < 1 || ny > 99) {
                    heading[r] += Math.PI;
                } else {
                    x[r] = nx;
                    y[r] = ny;
                }
                samples.add(new StateSamples.Sample(time.plusSeconds(s), level(r), x[r], y[r], speed,
                        StateSamples.OperatingMode.AUTOMATIC, r % 3 == 0 ? StateSamples.AreaClass.SIDEWALK
                        : StateSamples.AreaClass.INDOOR, 80.0));
            }
            return new StateSamples(samples);
        }

        private static String level(int r) {
            return r % 2 == 0 ? "L1" : "L2";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
