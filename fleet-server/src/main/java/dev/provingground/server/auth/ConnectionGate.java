package dev.provingground.server.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts open connections, in total and per source address, and says whether one more may open. Transports call
 * {@link #tryOpen} when a connection arrives and {@link #closed} when an admitted one ends.
 */
public final class ConnectionGate {

    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final LongAdder refused = new LongAdder();
    private final ConcurrentHashMap<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    public ConnectionGate(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    /** @return true and counts the connection when both limits allow it; false counts nothing */
    public boolean tryOpen(String address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            refused.increment();
            return false;
        }
        boolean[] admitted = {false};
        perAddress.compute(address, (a, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            if (count.get() < maxPerAddress) {
                count.incrementAndGet();
                admitted[0] = true;
            }
            return count.get() == 0 ? null : count;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            refused.increment();
        }
        return admitted[0];
    }

    /** An admitted connection from {@code address} ended. */
    public void closed(String address) {
        perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        total.decrementAndGet();
    }

    /** Connections refused so far, over either limit. */
    public long refused() {
        return refused.sum();
    }

    public int open() {
        return total.get();
    }
}
