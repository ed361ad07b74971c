package dev.provingground.server.store;

import dev.provingground.trackrecord.store.StorageHealth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What health reports, decided from each store's health and the records quarantined at this start: {@code DOWN}
 * while a store cannot write (changes are refused); {@code DEGRADED} while everything writes but part of what the
 * server keeps is missing — records quarantined at this start, robot events the track record had to refuse in this
 * run; else {@code UP}.
 *
 * @param reasons why, in plain words; empty for {@code UP}
 */
public record HealthVerdict(Status status, List<String> reasons) {

    public enum Status { UP, DEGRADED, DOWN }

    static final String CANNOT_WRITE = "storage cannot write; changes are refused and robot events are held in "
            + "memory until it recovers";

    public HealthVerdict {
        reasons = List.copyOf(reasons);
    }

    public static HealthVerdict of(Collection<StorageHealth> stores, int quarantinedThisRun) {
        if (stores.stream().anyMatch(StorageHealth::failing)) return new HealthVerdict(Status.DOWN, List.of(CANNOT_WRITE));
        List<String> reasons = new ArrayList<>();
        long dropped = stores.stream().mapToLong(StorageHealth::droppedEvents).sum();
        if (dropped > 0)
            reasons.add(dropped + " robot event" + (dropped == 1 ? " was" : "s were") + " refused while storage failed "
                    + "and " + (dropped == 1 ? "is" : "are") + " missing from the track record (each log that lost "
                    + "some has a record.gap event)");
        if (quarantinedThisRun > 0)
            reasons.add(quarantinedThisRun + " stored record" + (quarantinedThisRun == 1 ? "" : "s")
                    + " could not be read at start-up and " + (quarantinedThisRun == 1 ? "was" : "were")
                    + " quarantined; the server runs without " + (quarantinedThisRun == 1 ? "it" : "them")
                    + " (GET /api/v1/quarantine)");
        return new HealthVerdict(reasons.isEmpty() ? Status.UP : Status.DEGRADED, reasons);
    }

    /** The reasons as one line; empty for {@code UP}. */
    public String reason() {
        return String.join("; ", reasons);
    }
}
