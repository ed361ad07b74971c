package dev.provingground.server.auth;

import java.time.Instant;

/** A robot vendor taking part in the trial zone. */
public record Firm(String id, String name, Instant createdAt) {
}
