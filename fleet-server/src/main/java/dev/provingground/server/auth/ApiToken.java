package dev.provingground.server.auth;

import java.time.Instant;

/** A stored bearer token: only its salted hash is kept, the token itself is shown once when issued. */
public record ApiToken(String id, Role role, String firm, SecretHasher.HashedSecret secret, Instant createdAt) {
}
