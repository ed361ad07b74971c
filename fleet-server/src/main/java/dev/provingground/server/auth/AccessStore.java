package dev.provingground.server.auth;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** Persistence of firms, tokens and manufacturer claims; the MapDB implementation lives in the store package. */
public interface AccessStore {

    Collection<Firm> loadFirms();

    Collection<ApiToken> loadTokens();

    Collection<ManufacturerClaim> loadClaims();

    /**
     * Stores a new firm together with its first token, in one commit: a crash or a failed write leaves both or
     * neither, never a firm no token can act for.
     */
    CompletableFuture<Void> saveFirm(Firm firm, ApiToken firstToken);

    CompletableFuture<Void> saveToken(ApiToken token);

    CompletableFuture<Void> saveClaim(ManufacturerClaim claim);
}
