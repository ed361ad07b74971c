package dev.provingground.server.auth;

import java.time.Instant;

/**
 * A stored bearer token: only its salted hash is kept, the token itself is shown once when issued.
 *
 * @param expiresAt when it stops being accepted; tokens stored before expiry existed read as null and get
 *                  {@code createdAt} plus the configured lifetime when loaded
 * @param revokedAt when it was revoked; null while it is not
 */
public record ApiToken(String id, Role role, String firm, SecretHasher.HashedSecret secret, Instant createdAt,
                       Instant expiresAt, Instant revokedAt) {

    /** Why this token is not accepted at {@code now}, or null if it is. */
    public TokenCheck.Refusal refusalAt(Instant now) {
        if (revokedAt != null) return TokenCheck.Refusal.REVOKED;
        if (expiresAt != null && !now.isBefore(expiresAt)) return TokenCheck.Refusal.EXPIRED;
        return null;
    }

    public ApiToken revoked(Instant at) {
        return new ApiToken(id, role, firm, secret, createdAt, expiresAt, at);
    }

    ApiToken expiringAt(Instant at) {
        return new ApiToken(id, role, firm, secret, createdAt, at, revokedAt);
    }
}
