package dev.provingground.server.store;

import java.time.Instant;

/**
 * A stored record the server could not read at start-up, set aside in the {@code _quarantine} table instead of
 * stopping the server: where it was, why it could not be read, when, and its bytes as they were.
 *
 * @param table the table it was in, e.g. {@code zones}
 * @param key   its key there, e.g. {@code site/zone}
 */
public record QuarantinedRecord(String table, String key, String reason, Instant at, byte[] value) {
}
