package dev.provingground.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StallFileTest {

    @TempDir
    Path dir;

    @Test
    void aTickCountsUnderEveryBoundItWasAtLeastThatLate() {
        AtomicLongArray counts = new AtomicLongArray(StallFile.BOUNDS_MILLIS.size());
        long tick = StallFile.TICK_MILLIS;
        assertThat(StallFile.count(counts, millis(tick))).as("on time").isFalse();
        assertThat(StallFile.count(counts, millis(tick + 9.9))).as("under every bound").isFalse();
        assertThat(StallFile.count(counts, millis(tick + 10))).as("10 ms late").isTrue();
        assertThat(StallFile.count(counts, millis(tick + 50.5))).as("50.5 ms late").isTrue();
        assertThat(StallFile.count(counts, millis(tick + 1000))).as("a second late").isTrue();

        assertThat(counts).hasToString("[3, 2, 2, 1, 1]");
    }

    @Test
    void whatIsWrittenReadsBackAndTheDifferenceOverAWindowIsWhatCameInIt() throws Exception {
        Path file = dir.resolve("stalls.tsv");
        assertThat(StallFile.read(file).measured()).isFalse();
        AtomicLongArray loops = new AtomicLongArray(new long[] {5, 4, 3, 2, 1});
        AtomicLongArray plain = new AtomicLongArray(new long[] {2, 1, 0, 0, 0});
        AtomicLongArray gaps = new AtomicLongArray(new long[] {millis(300), millis(100)});
        StallFile.write(file, loops, plain, gaps, new StallFile.CoreWait(2, seconds(10), seconds(5), seconds(1)));
        StallFile.Stalls before = StallFile.read(file);

        loops.addAndGet(0, 10);
        loops.addAndGet(1, 3);
        plain.addAndGet(0, 1);
        gaps.addAndGet(0, millis(200));
        gaps.addAndGet(1, millis(50));
        // Over 30 s two loops ran 15 s and waited 6 s for a core between them.
        StallFile.write(file, loops, plain, gaps, new StallFile.CoreWait(2, seconds(40), seconds(20), seconds(7)));
        StallFile.Stalls window = StallFile.read(file).since(before);

        assertThat(window.measured()).isTrue();
        assertThat(window.describe()).isEqualTo("on the event loops 10/3/0/0/0 times, on a plain thread 1/0/0/0/0 "
                + "times; in their late gaps the event loops ran 25 % of the time; the 2 event loops ran 0.50 cores and "
                + "waited for a core 0.20 s of each second (the kernel's run-queue wait, summed)");
        assertThat(StallFile.Stalls.NONE.since(before).measured()).as("nothing read at the window's end").isFalse();
    }

    @Test
    void withoutTheLoopsSchedulerStatisticsTheLineSaysNothingOfWaitingForACore() throws Exception {
        Path file = dir.resolve("stalls.tsv");
        AtomicLongArray counts = new AtomicLongArray(StallFile.BOUNDS_MILLIS.size());
        AtomicLongArray gaps = new AtomicLongArray(2);
        StallFile.write(file, counts, counts, gaps, StallFile.CoreWait.UNKNOWN);
        StallFile.Stalls before = StallFile.read(file);
        StallFile.write(file, counts, counts, gaps, new StallFile.CoreWait(1, seconds(5), seconds(1), 0));

        assertThat(StallFile.read(file).since(before).describe())
                .isEqualTo("on the event loops 0/0/0/0/0 times, on a plain thread 0/0/0/0/0 times");
    }

    @Test
    void aLoopsSchedulerStatisticsAreWhatTheKernelWritesAndTheyAreSummedOnceEveryLoopHasRead() {
        assertThat(StallFile.parseSchedstat("2074330781 1137270651 9671\n")).containsExactly(2074330781L, 1137270651L);
        assertThat(StallFile.parseSchedstat("")).isNull();
        assertThat(StallFile.parseSchedstat("ran waited slices")).isNull();

        AtomicLongArray perLoop = new AtomicLongArray(new long[] {100, 10, -1, 0});
        assertThat(StallFile.coreWait(perLoop, 7).measured()).as("the second loop has not read yet").isFalse();
        perLoop.set(2, 300);
        perLoop.set(3, 30);
        assertThat(StallFile.coreWait(perLoop, 7)).isEqualTo(new StallFile.CoreWait(2, 7, 400, 40));
    }

    @Test
    void onLinuxALoopReadsItsOwnSchedulerStatistics() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(Path.of("/proc/thread-self/schedstat")),
                "no /proc/thread-self/schedstat here");
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] before = StallFile.readOwnSchedstat();
        // Spun until the thread itself has run 20 ms more, however long a busy machine keeps it waiting meanwhile.
        long cpuUntil = threads.getCurrentThreadCpuTime() + 20_000_000;
        while (threads.getCurrentThreadCpuTime() < cpuUntil) Thread.onSpinWait();
        long[] after = StallFile.readOwnSchedstat();

        assertThat(after[0] - before[0]).as("the thread's own run time grew by its 20 ms of spinning")
                .isGreaterThan(15_000_000L);
    }

    private static long seconds(double s) {
        return (long) (s * 1_000_000_000);
    }

    private static long millis(double ms) {
        return (long) (ms * 1_000_000);
    }
}
