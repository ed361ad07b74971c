package dev.provingground.server.auth;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** Persistence of firms, tokens and manufacturer claims; the MapDB implementation lives in the store package. */
public interface AccessStore {

    Collection<Firm> loadFirms();

    Collection<ApiToken> loadTokens();

    Collection<ManufacturerClaim> loadClaims();

    CompletableFuture<Void> saveFirm(Firm firm);

    CompletableFuture<Void> saveToken(ApiToken token);

    CompletableFuture<Void> saveClaim(ManufacturerClaim claim);
}
