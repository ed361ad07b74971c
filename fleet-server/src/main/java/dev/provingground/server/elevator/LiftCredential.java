package dev.provingground.server.elevator;

import dev.provingground.server.auth.SecretHasher;

import java.time.Instant;

/**
 * The MQTT login of one elevator car's controller: only the salted hash of its password is kept.
 *
 * @param username {@code lift:{site}:{car}}
 * @param car      the car id, which is the {@code lift_name} of the elevator protocol
 */
public record LiftCredential(String username, String site, String car, SecretHasher.HashedSecret secret,
                             Instant issuedAt) {
}
