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
        StallFile.count(counts, millis(tick));           // on time
        StallFile.count(counts, millis(tick + 9.9));     // under every bound
        StallFile.count(counts, millis(tick + 10));      // 10 ms late
        StallFile.count(counts, millis(tick + 50.5));    // 50.5 ms late
        StallFile.count(counts, millis(tick + 1000));    // a second late

        assertThat(counts).hasToString("[3, 2, 2, 1, 1]");
    }

    @Test
    void whatIsWrittenReadsBackAndTheDifferenceOverAWindowIsWhatCameInIt() throws Exception {
        Path file = dir.resolve("stalls.tsv");
        assertThat(StallFile.read(file).measured()).isFalse();
        AtomicLongArray loops = new AtomicLongArray(new long[] {5, 4, 3, 2, 1});
        AtomicLongArray plain = new AtomicLongArray(new long[] {2, 1, 0, 0, 0});
        StallFile.write(file, loops, plain);
        StallFile.Stalls before = StallFile.read(file);

        loops.addAndGet(0, 10);
        loops.addAndGet(1, 3);
        plain.addAndGet(0, 1);
        StallFile.write(file, loops, plain);
        StallFile.Stalls window = StallFile.read(file).since(before);

        assertThat(window.measured()).isTrue();
        assertThat(window.describe()).isEqualTo("on the event loops 10/3/0/0/0 times, on a plain thread 1/0/0/0/0 times");
        assertThat(StallFile.Stalls.NONE.since(before).measured()).as("nothing read at the window's end").isFalse();
    }

    private static long millis(double ms) {
        return (long) (ms * 1_000_000);
    }
}
