package dev.provingground.trackrecord.context;

import java.time.Instant;

/**
 * Where a fact of a bundle's context comes from: the event's time and its leaf index in the log, so it can be proven
 * with an inclusion proof.
 */
public record LogStamp(Instant time, long leaf) {
}
