package dev.provingground.server.store;

import dev.provingground.server.elevator.LiftCredential;
import dev.provingground.server.elevator.LiftCredentialStore;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

public final class MapDbLiftCredentialStore implements LiftCredentialStore {

    private static final VersionedJson<LiftCredential> CREDENTIAL = new VersionedJson<>(LiftCredential.class, 1);

    private final MapDbStore.Table credentials;

    public MapDbLiftCredentialStore(MapDbStore store) {
        this.credentials = store.table("lift-credentials");
    }

    @Override
    public Collection<LiftCredential> loadAll() {
        return List.copyOf(credentials.readAll(CREDENTIAL::decode).values());
    }

    @Override
    public CompletableFuture<Void> save(LiftCredential credential) {
        return credentials.put(credential.username(), CREDENTIAL.encode(credential));
    }
}
