package dev.provingground.vda5050;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out headers for one sender talking about one robot: headerIds count 0, 1, 2 … separately per topic,
 * as VDA 5050 defines them. Thread-safe.
 */
public final class HeaderCounter {

    private final String manufacturer;
    private final String serialNumber;
    private final Clock clock;
    private final Map<Topic, AtomicLong> nextIds = new EnumMap<>(Topic.class);

    public HeaderCounter(String manufacturer, String serialNumber, Clock clock) {
        this.manufacturer = Objects.requireNonNull(manufacturer, "manufacturer");
        this.serialNumber = Objects.requireNonNull(serialNumber, "serialNumber");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (Topic topic : Topic.values()) {
            nextIds.put(topic, new AtomicLong());
        }
    }

    public HeaderCounter(String manufacturer, String serialNumber) {
        this(manufacturer, serialNumber, Clock.systemUTC());
    }

    /**
     * The next header for {@code topic}. The timestamp is cut to milliseconds, the precision on the wire,
     * so a message survives encoding and decoding unchanged.
     */
    public Header next(Topic topic) {
        long headerId = nextIds.get(Objects.requireNonNull(topic, "topic")).getAndIncrement();
        return new Header(headerId, clock.instant().truncatedTo(ChronoUnit.MILLIS), Header.PROTOCOL_VERSION,
                manufacturer, serialNumber);
    }

    /**
     * Makes the next headerId of {@code topic} at least {@code nextId}: a sender that restarts continues above the ids
     * it sent before instead of from 0.
     */
    public void continueFrom(Topic topic, long nextId) {
        nextIds.get(Objects.requireNonNull(topic, "topic")).accumulateAndGet(nextId, Math::max);
    }

    /** Stamps {@code message} with the next header of its topic. */
    @SuppressWarnings("unchecked")
    public <T extends VdaMessage> T stamp(T message) {
        return (T) message.withHeader(next(message.topic()));
    }

    public String manufacturer() {
        return manufacturer;
    }

    public String serialNumber() {
        return serialNumber;
    }
}
