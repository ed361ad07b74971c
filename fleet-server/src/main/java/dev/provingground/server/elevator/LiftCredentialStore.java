package dev.provingground.server.elevator;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** Persistence of lift controller logins; the MapDB implementation lives in the store package. */
public interface LiftCredentialStore {

    Collection<LiftCredential> loadAll();

    /** Adds the login, or replaces the one with the same username. */
    CompletableFuture<Void> save(LiftCredential credential);
}
