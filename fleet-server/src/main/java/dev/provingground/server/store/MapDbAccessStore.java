package dev.provingground.server.store;

import dev.provingground.server.auth.AccessStore;
import dev.provingground.server.auth.ApiToken;
import dev.provingground.server.auth.Firm;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

public final class MapDbAccessStore implements AccessStore {

    private static final VersionedJson<Firm> FIRM = new VersionedJson<>(Firm.class, 1);
    private static final VersionedJson<ApiToken> TOKEN = new VersionedJson<>(ApiToken.class, 1);

    private final MapDbStore.Table firms;
    private final MapDbStore.Table tokens;

    public MapDbAccessStore(MapDbStore store) {
        this.firms = store.table("firms");
        this.tokens = store.table("tokens");
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
    public CompletableFuture<Void> saveFirm(Firm firm) {
        return firms.put(firm.id(), FIRM.encode(firm));
    }

    @Override
    public CompletableFuture<Void> saveToken(ApiToken token) {
        return tokens.put(token.id(), TOKEN.encode(token));
    }
}
