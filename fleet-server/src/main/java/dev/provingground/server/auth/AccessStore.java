package dev.provingground.server.auth;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** Persistence of firms and tokens; the MapDB implementation lives in the store package. */
public interface AccessStore {

    Collection<Firm> loadFirms();

    Collection<ApiToken> loadTokens();

    CompletableFuture<Void> saveFirm(Firm firm);

    CompletableFuture<Void> saveToken(ApiToken token);
}
