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
        StallFile.write(file, loops, plain, gaps);
        StallFile.Stalls before = StallFile.read(file);

        loops.addAndGet(0, 10);
        loops.addAndGet(1, 3);
        plain.addAndGet(0, 1);
        gaps.addAndGet(0, millis(200));
        gaps.addAndGet(1, millis(50));
        StallFile.write(file, loops, plain, gaps);
        StallFile.Stalls window = StallFile.read(file).since(before);

        assertThat(window.measured()).isTrue();
        assertThat(window.describe()).isEqualTo("on the event loops 10/3/0/0/0 times, on a plain thread 1/0/0/0/0 "
                + "times; in their late gaps the event loops ran 25 % of the time");
        assertThat(StallFile.Stalls.NONE.since(before).measured()).as("nothing read at the window's end").isFalse();
    }

    private static long millis(double ms) {
        return (long) (ms * 1_000_000);
    }
}
