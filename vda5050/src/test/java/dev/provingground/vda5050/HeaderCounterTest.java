package dev.provingground.vda5050;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderCounterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:47:46.123456789Z"), ZoneOffset.UTC);

    @Test
    void eachTopicCountsFromZeroOnItsOwn() {
        HeaderCounter counter = new HeaderCounter("acme", "db-0042", CLOCK);

        assertThat(counter.next(Topic.STATE).headerId()).isZero();
        assertThat(counter.next(Topic.STATE).headerId()).isEqualTo(1);
        assertThat(counter.next(Topic.VISUALIZATION).headerId()).isZero();
        assertThat(counter.next(Topic.STATE).headerId()).isEqualTo(2);
        assertThat(counter.next(Topic.CONNECTION).headerId()).isZero();
        assertThat(counter.next(Topic.VISUALIZATION).headerId()).isEqualTo(1);
    }

    @Test
    void headerCarriesIdentityVersionAndMillisecondTimeFromTheClock() {
        Header header = new HeaderCounter("acme", "db-0042", CLOCK).next(Topic.ORDER);

        assertThat(header).isEqualTo(new Header(0, Instant.parse("2026-11-22T03:47:46.123Z"), "2.1.0",
                "acme", "db-0042"));
    }

    @Test
    void countersOfDifferentRobotsAreIndependent() {
        HeaderCounter first = new HeaderCounter("acme", "db-0042", CLOCK);
        HeaderCounter second = new HeaderCounter("acme", "db-0043", CLOCK);
        first.next(Topic.ORDER);
        first.next(Topic.ORDER);

        assertThat(second.next(Topic.ORDER).headerId()).isZero();
    }

    @Test
    void stampGivesTheMessageTheNextHeaderOfItsTopic() {
        HeaderCounter counter = new HeaderCounter("acme", "db-0042", CLOCK);
        counter.next(Topic.INSTANT_ACTIONS);

        InstantActions stamped = counter.stamp(InstantActions.create(List.of()));

        assertThat(stamped.headerId()).isEqualTo(1);
        assertThat(stamped.manufacturer()).isEqualTo("acme");
        assertThat(stamped.serialNumber()).isEqualTo("db-0042");
        assertThat(stamped.version()).isEqualTo("2.1.0");
    }

    @Test
    void concurrentCallersNeverGetTheSameHeaderId() throws Exception {
        HeaderCounter counter = new HeaderCounter("acme", "db-0042", CLOCK);
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 2500; i++) {
                        ids.add(counter.next(Topic.STATE).headerId());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(ids).hasSize(10_000);
        assertThat(counter.next(Topic.STATE).headerId()).isEqualTo(10_000);
    }
}
