package dev.provingground.server.orders;

import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.Topic;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderIdReservationsTest {

    /** A store that keeps what it is given, as the database would across a restart. */
    private final Map<String, Long> stored = new HashMap<>();
    private final HeaderIdStore store = new HeaderIdStore() {
        @Override
        public Map<String, Long> loadReservations() {
            return Map.copyOf(stored);
        }

        @Override
        public CompletableFuture<Void> saveReservation(String key, long reservedBelow) {
            stored.put(key, reservedBelow);
            return CompletableFuture.completedFuture(null);
        }
    };

    @Test
    void afterARestartEveryTopicContinuesAboveEveryIdSentBefore() {
        long lastOrder = sendAll(new HeaderIdReservations(store), Topic.ORDER, 2_345);
        long lastActions = sendAll(new HeaderIdReservations(store), Topic.INSTANT_ACTIONS, 3);

        HeaderIdReservations restarted = new HeaderIdReservations(store);
        HeaderCounter counter = new HeaderCounter("Acme", "A-1");
        restarted.seed("rb-1", counter);
        assertThat(counter.next(Topic.ORDER).headerId()).isGreaterThan(lastOrder);
        assertThat(counter.next(Topic.INSTANT_ACTIONS).headerId()).isGreaterThan(lastActions);
    }

    @Test
    void aFewIdsCostOneStoredReservationAndThousandsOnlyOnePerHalfBlock() {
        HeaderIdReservations reservations = new HeaderIdReservations(store);
        HeaderCounter counter = new HeaderCounter("Acme", "A-1");
        reservations.seed("rb-1", counter);
        int writes = 0;
        long before = -1;
        for (int i = 0; i < 5_000; i++) {
            long id = counter.next(Topic.ORDER).headerId();
            reservations.sent("rb-1", Topic.ORDER, id);
            long now = stored.get("rb-1/order");
            if (now != before) writes++;
            before = now;
            assertThat(now).isGreaterThan(id);
        }
        assertThat(writes).isLessThanOrEqualTo(5_000 / (int) (HeaderIdReservations.BLOCK / 2) + 1);
    }

    /** Sends {@code count} ids on {@code topic} of robot rb-1 from a fresh counter seeded as a started server would. */
    private static long sendAll(HeaderIdReservations reservations, Topic topic, int count) {
        HeaderCounter counter = new HeaderCounter("Acme", "A-1");
        reservations.seed("rb-1", counter);
        long last = -1;
        for (int i = 0; i < count; i++) {
            last = counter.next(topic).headerId();
            reservations.sent("rb-1", topic, last);
        }
        return last;
    }
}
