package dev.provingground.server.auth;

import java.time.Instant;

/**
 * A firm's claim on a manufacturer name: only that firm may register robots under it (VDA 5050 topics and robot ids
 * are built from the manufacturer, so a name is a firm's namespace).
 *
 * @param claimedBy the actor who made or assigned the claim ({@link Principal#actor()}, or "registry" for a claim
 *                  taken over from robots registered before claims existed)
 */
public record ManufacturerClaim(String manufacturer, String firm, Instant claimedAt, String claimedBy) {
}
