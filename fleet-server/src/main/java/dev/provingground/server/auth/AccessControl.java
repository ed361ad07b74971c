package dev.provingground.server.auth;

import dev.provingground.server.lifecycle.CallerContext;
import dev.provingground.server.errors.ConflictException;
import dev.provingground.server.errors.InvalidInputException;
import dev.provingground.server.errors.NotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Firms, bearer tokens and manufacturer claims. A token reads {@code pg.<id>.<secret>}: the id finds the stored hash
 * in O(1), the secret is checked against it in constant time. Tokens expire after the configured lifetime and can
 * be revoked; both are kept, so a refused token says why.
 */
public final class AccessControl {

    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(90);
    private static final Pattern FIRM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final AccessStore store;
    private final Clock clock;
    private final Map<String, Firm> firms = new ConcurrentHashMap<>();
    private final Map<String, ApiToken> tokens = new ConcurrentHashMap<>();
    /** Firm ids whose registration is being written; not yet firms. */
    private final Set<String> registering = ConcurrentHashMap.newKeySet();
    private final Map<String, ManufacturerClaim> claims = new ConcurrentHashMap<>();
    /** Manufacturer names whose first claim is being written; not yet claimed. */
    private final Map<String, CompletableFuture<ManufacturerClaim>> claiming = new ConcurrentHashMap<>();
    private final Duration tokenLifetime;

    public AccessControl(AccessStore store, Clock clock) {
        this(store, clock, DEFAULT_TOKEN_LIFETIME);
    }

    /** @param tokenLifetime how long tokens issued from now on are valid; also given to stored tokens without expiry */
    public AccessControl(AccessStore store, Clock clock, Duration tokenLifetime) {
        this.store = store;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        store.loadFirms().forEach(f -> firms.put(f.id(), f));
        store.loadTokens().forEach(t -> tokens.put(t.id(),
                t.expiresAt() == null ? t.expiringAt(t.createdAt().plus(tokenLifetime)) : t));
        store.loadClaims().forEach(c -> claims.put(c.manufacturer(), c));
    }

    public Optional<Principal> authenticate(String bearer) {
        return check(bearer) instanceof TokenCheck.Accepted a ? Optional.of(a.principal()) : Optional.empty();
    }

    /** The principal {@code bearer} names, or why it is refused (missing, unknown, expired, revoked). */
    public TokenCheck check(String bearer) {
        if (bearer == null || bearer.isEmpty()) return new TokenCheck.Refused(TokenCheck.Refusal.MISSING);
        String[] parts = bearer.split("\\.");
        if (parts.length != 3 || !parts[0].equals("pg")) return new TokenCheck.Refused(TokenCheck.Refusal.UNKNOWN);
        ApiToken token = tokens.get(parts[1]);
        if (token == null || !SecretHasher.matches(token.secret(), parts[2]))
            return new TokenCheck.Refused(TokenCheck.Refusal.UNKNOWN);
        TokenCheck.Refusal refusal = token.refusalAt(clock.instant());
        if (refusal != null) return new TokenCheck.Refused(refusal);
        return new TokenCheck.Accepted(new Principal(token.id(), token.role(), token.firm()));
    }

    /** The firm's tokens (hashes only, never a secret), newest first; every firm's and operators' for null. */
    public List<ApiToken> tokens(String firm) {
        return tokens.values().stream().filter(t -> firm == null || firm.equals(t.firm()))
                .sorted(Comparator.comparing(ApiToken::createdAt).reversed().thenComparing(ApiToken::id)).toList();
    }

    /**
     * Revokes a token at once; revoking one already revoked changes nothing. A vendor may revoke only its own
     * firm's tokens: another's reads as not found, as it would when listing.
     */
    public CompletableFuture<ApiToken> revoke(String tokenId, Principal by) {
        ApiToken token = tokens.get(tokenId);
        if (token == null || !(by.isOperator() || (token.firm() != null && by.mayActFor(token.firm()))))
            throw new NotFoundException("no token \"" + tokenId + "\"");
        if (token.revokedAt() != null) return CompletableFuture.completedFuture(token);
        ApiToken revoked = token.revoked(clock.instant());
        return store.saveToken(revoked).thenApplyAsync(v -> {
            tokens.put(tokenId, revoked);
            return revoked;
        }, CallerContext.current());
    }

    /** The claim on {@code manufacturer}, if a firm holds it. */
    public Optional<ManufacturerClaim> claimOn(String manufacturer) {
        return Optional.ofNullable(claims.get(manufacturer));
    }

    /** Claims the firm holds (every claim for null), by name. */
    public List<ManufacturerClaim> claims(String firm) {
        return claims.values().stream().filter(c -> firm == null || firm.equals(c.firm()))
                .sorted(Comparator.comparing(ManufacturerClaim::manufacturer)).toList();
    }

    /**
     * The first claim wins: an unclaimed name goes to {@code firm}; a name the firm holds already is returned as it
     * is; a name another firm holds is refused, naming that firm. Only an operator moves a claim ({@link #assign}).
     */
    public CompletableFuture<ManufacturerClaim> claim(String manufacturer, String firm, String actor) {
        if (!firms.containsKey(firm)) throw new InvalidInputException("firm", "unknown firm \"" + firm + "\"");
        ManufacturerClaim held = claims.get(manufacturer);
        if (held == null) {
            Executor caller = CallerContext.current();
            ManufacturerClaim fresh = new ManufacturerClaim(manufacturer, firm, clock.instant(), actor);
            CompletableFuture<ManufacturerClaim> mine = new CompletableFuture<>();
            CompletableFuture<ManufacturerClaim> pending = claiming.putIfAbsent(manufacturer, mine);
            // A claim on the name is being written: this one is judged once that is stored or failed (the same firm
            // registering two robots at once must not be refused by itself).
            if (pending != null) return pending.handle((c, failure) -> null)
                    .thenComposeAsync(ignored -> claim(manufacturer, firm, actor), caller);
            // Durable before applied: the name is only reserved while the store writes, so two claims on one name
            // cannot both win and a claim that cannot be stored leaves the name unclaimed.
            store.saveClaim(fresh).whenCompleteAsync((v, failure) -> {
                ManufacturerClaim won = failure == null ? claims.computeIfAbsent(manufacturer, m -> fresh) : null;
                claiming.remove(manufacturer, mine);
                if (failure != null) mine.completeExceptionally(failure);
                else if (!won.firm().equals(firm)) mine.completeExceptionally(claimedBy(manufacturer, won));
                else mine.complete(won);
            }, caller);
            return mine;
        }
        if (held.firm().equals(firm)) return CompletableFuture.completedFuture(held);
        throw claimedBy(manufacturer, held);
    }

    private static ConflictException claimedBy(String manufacturer, ManufacturerClaim held) {
        return new ConflictException("manufacturer name \"" + manufacturer + "\" is claimed by firm \"" + held.firm()
                + "\"; an operator can reassign it (PUT /api/v1/manufacturers/{name})");
    }

    /** An operator gives the name to {@code firm}, whoever held it before. */
    public CompletableFuture<ManufacturerClaim> assign(String manufacturer, String firm, String actor) {
        if (!firms.containsKey(firm)) throw new InvalidInputException("firm", "unknown firm \"" + firm + "\"");
        ManufacturerClaim claim = new ManufacturerClaim(manufacturer, firm, clock.instant(), actor);
        return store.saveClaim(claim).thenApplyAsync(v -> {
            claims.put(manufacturer, claim);
            return claim;
        }, CallerContext.current());
    }

    public Optional<Firm> firm(String id) {
        return Optional.ofNullable(firms.get(id));
    }

    public List<Firm> firms() {
        return firms.values().stream().sorted(Comparator.comparing(Firm::id)).toList();
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
        Executor caller = CallerContext.current();
        return store.saveFirm(firm, token.stored()).whenCompleteAsync((v, failure) -> {
            if (failure == null) {
                tokens.put(token.stored().id(), token.stored());
                firms.put(id, firm);
            }
            registering.remove(id);
        }, caller).thenApply(v -> new Issued<>(firm, token.text()));
    }

    public CompletableFuture<String> issueToken(Role role, String firm) {
        return issue(role, firm).thenApply(Issued::secret);
    }

    /** A new token, valid for the configured lifetime: what is stored, and its text (shown this once). */
    public CompletableFuture<Issued<ApiToken>> issue(Role role, String firm) {
        if (role == Role.VENDOR && !firms.containsKey(firm))
            throw new InvalidInputException("firm", "unknown firm \"" + firm + "\"");
        IssuedToken token = unsavedToken(role, role == Role.OPERATOR ? null : firm);
        // Durable before applied: the token authenticates only once it is stored.
        return store.saveToken(token.stored()).thenApplyAsync(v -> {
            tokens.put(token.stored().id(), token.stored());
            return new Issued<>(token.stored(), token.text());
        }, CallerContext.current());
    }

    /** The time tokens are judged at. */
    public Instant now() {
        return clock.instant();
    }

    private IssuedToken unsavedToken(Role role, String firm) {
        String id = SecretHasher.randomText(9);
        String secret = SecretHasher.newSecret();
        Instant now = clock.instant();
        ApiToken stored = new ApiToken(id, role, firm, SecretHasher.hash(secret), now, now.plus(tokenLifetime), null);
        return new IssuedToken(stored, "pg." + id + "." + secret);
    }

    private record IssuedToken(ApiToken stored, String text) {
    }

    /** Something created together with a secret that is shown this once. */
    public record Issued<T>(T value, String secret) {
    }
}
