package dev.provingground.server.store;

import dev.provingground.server.auth.AccessStore;
import dev.provingground.server.auth.ApiToken;
import dev.provingground.server.auth.Firm;
import dev.provingground.server.auth.ManufacturerClaim;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

public final class MapDbAccessStore implements AccessStore {

    private static final VersionedJson<Firm> FIRM = new VersionedJson<>(Firm.class, 1);
    /** Version 2 added expiresAt and revokedAt; version 1 tokens read with both null. */
    private static final VersionedJson<ApiToken> TOKEN = new VersionedJson<>(ApiToken.class, 2, 1);
    private static final VersionedJson<ManufacturerClaim> CLAIM = new VersionedJson<>(ManufacturerClaim.class, 1);

    private final MapDbStore store;
    private final MapDbStore.Table firms;
    private final MapDbStore.Table tokens;
    private final MapDbStore.Table claims;

    public MapDbAccessStore(MapDbStore store) {
        this.store = store;
        this.firms = store.table("firms");
        this.tokens = store.table("tokens");
        this.claims = store.table("manufacturer-claims");
    }

    @Override
    public Collection<Firm> loadFirms() {
        return List.copyOf(firms.readAll(FIRM::decode).values());
    }

    @Override
    public Collection<ApiToken> loadTokens() {
        return List.copyOf(tokens.readAll(TOKEN::decode).values());
    }

    @Override
    public CompletableFuture<Void> saveFirm(Firm firm, ApiToken firstToken) {
        return store.writeAll(w -> w.put(firms, firm.id(), FIRM.encode(firm))
                .put(tokens, firstToken.id(), TOKEN.encode(firstToken)));
    }

    @Override
    public CompletableFuture<Void> saveToken(ApiToken token) {
        return tokens.put(token.id(), TOKEN.encode(token));
    }

    @Override
    public Collection<ManufacturerClaim> loadClaims() {
        return List.copyOf(claims.readAll(CLAIM::decode).values());
    }

    @Override
    public CompletableFuture<Void> saveClaim(ManufacturerClaim claim) {
        return claims.put(claim.manufacturer(), CLAIM.encode(claim));
    }
}
