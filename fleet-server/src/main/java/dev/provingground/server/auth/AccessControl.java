package dev.provingground.server.auth;

import dev.provingground.server.errors.ConflictException;
import dev.provingground.server.errors.InvalidInputException;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Firms and bearer tokens. A token reads {@code pg.<id>.<secret>}: the id finds the stored hash in O(1), the secret
 * is checked against it in constant time.
 */
public final class AccessControl {

    private static final Pattern FIRM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final AccessStore store;
    private final Clock clock;
    private final Map<String, Firm> firms = new ConcurrentHashMap<>();
    private final Map<String, ApiToken> tokens = new ConcurrentHashMap<>();
    /** Firm ids whose registration is being written; not yet firms. */
    private final Set<String> registering = ConcurrentHashMap.newKeySet();

    public AccessControl(AccessStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        store.loadFirms().forEach(f -> firms.put(f.id(), f));
        store.loadTokens().forEach(t -> tokens.put(t.id(), t));
    }

    public Optional<Principal> authenticate(String bearer) {
        if (bearer == null) return Optional.empty();
        String[] parts = bearer.split("\\.");
        if (parts.length != 3 || !parts[0].equals("pg")) return Optional.empty();
        ApiToken token = tokens.get(parts[1]);
        if (token == null || !SecretHasher.matches(token.secret(), parts[2])) return Optional.empty();
        return Optional.of(new Principal(token.id(), token.role(), token.firm()));
    }

    public Optional<Firm> firm(String id) {
        return Optional.ofNullable(firms.get(id));
    }

    public List<Firm> firms() {
        return firms.values().stream().sorted(Comparator.comparing(Firm::id)).toList();
    }

    public boolean hasOperatorToken() {
        return tokens.values().stream().anyMatch(t -> t.role() == Role.OPERATOR);
    }

    /** Registers a firm and issues its first vendor token; the token text is in the result and nowhere else. */
    public CompletableFuture<Issued<Firm>> registerFirm(String id, String name) {
        if (id == null || !FIRM_ID.matcher(id).matches())
            throw new InvalidInputException("firm.id", "must be 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit; got "
                    + (id == null ? "nothing" : "\"" + id + "\""));
        if (name == null || name.isBlank()) throw new InvalidInputException("firm.name", "required");
        Firm firm = new Firm(id, name.strip(), clock.instant());
        // Durable before applied: the id is only reserved while the store writes; a failed write leaves no firm.
        if (firms.containsKey(id) || !registering.add(id))
            throw new ConflictException("firm \"" + id + "\" is already registered");
        IssuedToken token = unsavedToken(Role.VENDOR, id);
        return store.saveFirm(firm).thenCompose(v -> store.saveToken(token.stored())).whenComplete((v, failure) -> {
            if (failure == null) {
                tokens.put(token.stored().id(), token.stored());
                firms.put(id, firm);
            }
            registering.remove(id);
        }).thenApply(v -> new Issued<>(firm, token.text()));
    }

    public CompletableFuture<String> issueToken(Role role, String firm) {
        if (role == Role.VENDOR && !firms.containsKey(firm))
            throw new InvalidInputException("firm", "unknown firm \"" + firm + "\"");
        IssuedToken token = unsavedToken(role, role == Role.OPERATOR ? null : firm);
        return store.saveToken(token.stored()).thenApply(v -> {
            tokens.put(token.stored().id(), token.stored());
            return token.text();
        });
    }

    private IssuedToken unsavedToken(Role role, String firm) {
        String id = SecretHasher.randomText(9);
        String secret = SecretHasher.newSecret();
        ApiToken stored = new ApiToken(id, role, firm, SecretHasher.hash(secret), clock.instant());
        return new IssuedToken(stored, "pg." + id + "." + secret);
    }

    private record IssuedToken(ApiToken stored, String text) {
    }

    /** Something created together with a secret that is shown this once. */
    public record Issued<T>(T value, String secret) {
    }
}
