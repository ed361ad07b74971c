package dev.provingground.server.auth;

import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.errors.ConflictException;
import dev.provingground.server.errors.NotFoundException;
import dev.provingground.server.store.MapDbAccessStore;
import dev.provingground.server.store.MapDbStore;
import dev.provingground.server.time.VirtualClock;
import dev.provingground.server.time.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Token expiry and revocation, and manufacturer claims, against the real MapDB store, reopened as on a restart. */
class AccessControlTest {

    @TempDir
    Path data;
    final VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-03-01T08:00:00Z"));
    final VirtualClock clock = time.clock();
    MapDbStore store;
    AccessControl access;

    @BeforeEach
    void open() {
        reopen();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        if (store != null) {
            store.flush().join();
            store.close();
        }
        store = MapDbStore.open(data.resolve("fleet.db"), StoreConfig.defaults());
        access = new AccessControl(new MapDbAccessStore(store), clock, Duration.ofDays(30));
    }

    private static TokenCheck.Refusal refusal(TokenCheck check) {
        return check instanceof TokenCheck.Refused r ? r.why() : null;
    }

    @Test
    void aTokenIsAcceptedUntilItsLifetimeHasPassedAndThenRefusedAsExpired() {
        String token = access.registerFirm("acme", "Acme").join().secret();
        time.advanceBy(Duration.ofDays(30).minusSeconds(1));
        assertThat(access.check(token)).isInstanceOf(TokenCheck.Accepted.class);
        time.advanceBy(Duration.ofSeconds(1));
        assertThat(refusal(access.check(token))).isEqualTo(TokenCheck.Refusal.EXPIRED);
        assertThat(access.tokens("acme").get(0).expiresAt()).isEqualTo(Instant.parse("2026-03-31T08:00:00Z"));
    }

    @Test
    void aRevokedTokenIsRefusedAsRevokedAlsoAfterARestart() {
        String first = access.registerFirm("acme", "Acme").join().secret();
        String second = access.issueToken(Role.VENDOR, "acme").join();
        Principal vendor = ((TokenCheck.Accepted) access.check(second)).principal();
        access.revoke(first.split("\\.")[1], vendor).join();
        reopen();
        assertThat(refusal(access.check(first))).isEqualTo(TokenCheck.Refusal.REVOKED);
        assertThat(access.check(second)).isInstanceOf(TokenCheck.Accepted.class);
        assertThat(access.tokens("acme")).extracting(t -> t.revokedAt() != null).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aVendorCannotRevokeAnotherFirmsTokenNorLearnThatItExists() {
        String acme = access.registerFirm("acme", "Acme").join().secret();
        String bolt = access.registerFirm("bolt", "Bolt").join().secret();
        Principal boltVendor = ((TokenCheck.Accepted) access.check(bolt)).principal();
        assertThatThrownBy(() -> access.revoke(acme.split("\\.")[1], boltVendor))
                .isInstanceOf(NotFoundException.class);
        assertThat(access.check(acme)).isInstanceOf(TokenCheck.Accepted.class);
    }

    @Test
    void garbageAndMissingTokensAreRefusedAsUnknownAndMissing() {
        access.registerFirm("acme", "Acme").join();
        assertThat(refusal(access.check(null))).isEqualTo(TokenCheck.Refusal.MISSING);
        assertThat(refusal(access.check("pg.nope.nope"))).isEqualTo(TokenCheck.Refusal.UNKNOWN);
        String real = access.tokens("acme").get(0).id();
        assertThat(refusal(access.check("pg." + real + ".wrong-secret"))).isEqualTo(TokenCheck.Refusal.UNKNOWN);
    }

    @Test
    void theFirstClaimOnAManufacturerNameWinsAndSurvivesARestart() {
        access.registerFirm("acme", "Acme").join();
        access.registerFirm("bolt", "Bolt").join();
        access.claim("Acme Robotics", "acme", "firm:acme").join();
        reopen();
        assertThatThrownBy(() -> access.claim("Acme Robotics", "bolt", "firm:bolt"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("claimed by firm \"acme\"");
        assertThat(access.claim("Acme Robotics", "acme", "firm:acme").join().firm()).isEqualTo("acme");
    }

    @Test
    void anOperatorReassignsAManufacturerNameToAnotherFirm() {
        access.registerFirm("acme", "Acme").join();
        access.registerFirm("bolt", "Bolt").join();
        access.claim("Shared", "acme", "firm:acme").join();
        access.assign("Shared", "bolt", "operator:op1").join();
        reopen();
        assertThat(access.claimOn("Shared").orElseThrow().firm()).isEqualTo("bolt");
        assertThatThrownBy(() -> access.claim("Shared", "acme", "firm:acme")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("\"bolt\"");
    }

    @Test
    void aClaimAndATokenCountOnlyOnceStoredAndAClaimWhoseWriteFailsLeavesTheNameFree() {
        access.registerFirm("acme", "Acme").join();
        access.registerFirm("bolt", "Bolt").join();
        HeldWrites held = new HeldWrites(new MapDbAccessStore(store));
        AccessControl gated = new AccessControl(held, clock, Duration.ofDays(30));

        var claim = gated.claim("Pending", "acme", "firm:acme");
        assertThat(gated.claimOn("Pending")).isEmpty();
        // Claims on a name being written wait for it: the same firm gets the claim, another firm the refusal.
        var again = gated.claim("Pending", "acme", "firm:acme");
        var rival = gated.claim("Pending", "bolt", "firm:bolt");
        assertThat(again).isNotDone();
        assertThat(rival).isNotDone();
        held.release.complete(null);
        assertThat(claim.join().firm()).isEqualTo("acme");
        assertThat(again.join().firm()).isEqualTo("acme");
        assertThatThrownBy(rival::join).hasRootCauseInstanceOf(ConflictException.class)
                .rootCause().hasMessageContaining("claimed by firm \"acme\"");
        assertThat(gated.claimOn("Pending").orElseThrow().firm()).isEqualTo("acme");

        held.release = new CompletableFuture<>();
        var token = gated.issue(Role.VENDOR, "acme");
        var refused = gated.claim("Refused", "bolt", "firm:bolt");
        assertThat(gated.tokens("acme")).hasSize(1);
        held.release.completeExceptionally(new java.io.IOException("disk full"));
        assertThatThrownBy(refused::join).hasRootCauseMessage("disk full");
        assertThatThrownBy(token::join).hasRootCauseMessage("disk full");
        assertThat(gated.claimOn("Refused")).isEmpty();
        assertThat(gated.tokens("acme")).hasSize(1);
        held.release = CompletableFuture.completedFuture(null);
        assertThat(gated.claim("Refused", "acme", "firm:acme").join().firm()).isEqualTo("acme");
    }

    @Test
    void aFirmIsStoredWithItsFirstTokenOrNotAtAllWhenTheProcessDiesAfterOneWrite() {
        // The real store, with the process "killed" after its first write: nothing written later reaches the disk.
        AccessControl dying = new AccessControl(new DiesAfterFirstWrite(new MapDbAccessStore(store)), clock,
                Duration.ofDays(30));
        String token = dying.registerFirm("acme", "Acme").join().secret();
        reopen();
        assertThat(access.firm("acme")).isPresent();
        assertThat(access.check(token)).as("the firm's token came back with it").isInstanceOf(TokenCheck.Accepted.class);
    }

    @Test
    void aFirmWhoseWriteFailsIsNeitherRegisteredNorStoredAndItsIdStaysFree() {
        HeldWrites held = new HeldWrites(new MapDbAccessStore(store));
        held.firmRelease = held.release;
        AccessControl gated = new AccessControl(held, clock, Duration.ofDays(30));
        var firm = gated.registerFirm("acme", "Acme");
        assertThat(gated.firm("acme")).as("not before it is stored").isEmpty();
        assertThatThrownBy(() -> gated.registerFirm("acme", "Acme again")).isInstanceOf(ConflictException.class);
        held.release.completeExceptionally(new java.io.IOException("disk full"));
        assertThatThrownBy(firm::join).hasRootCauseMessage("disk full");
        assertThat(gated.firm("acme")).isEmpty();
        assertThat(gated.tokens("acme")).isEmpty();
        reopen();
        assertThat(access.firm("acme")).isEmpty();
        assertThat(access.tokens("acme")).isEmpty();
        assertThat(access.registerFirm("acme", "Acme").join().value().id()).as("the id is free again").isEqualTo("acme");
    }

    /** The real store, each write passing through {@link #gate} first: loads go straight to it. */
    private abstract static class GatedWrites implements AccessStore {
        private final AccessStore real;

        GatedWrites(AccessStore real) {
            this.real = real;
        }

        /** Runs {@code write} (a firm's, a token's or a claim's, as {@code kind} says) when and if the test lets it. */
        abstract CompletableFuture<Void> gate(String kind, Supplier<CompletableFuture<Void>> write);

        @Override
        public java.util.Collection<Firm> loadFirms() {
            return real.loadFirms();
        }

        @Override
        public java.util.Collection<ApiToken> loadTokens() {
            return real.loadTokens();
        }

        @Override
        public java.util.Collection<ManufacturerClaim> loadClaims() {
            return real.loadClaims();
        }

        @Override
        public CompletableFuture<Void> saveFirm(Firm firm, ApiToken firstToken) {
            return gate("firm", () -> real.saveFirm(firm, firstToken));
        }

        @Override
        public CompletableFuture<Void> saveToken(ApiToken token) {
            return gate("token", () -> real.saveToken(token));
        }

        @Override
        public CompletableFuture<Void> saveClaim(ManufacturerClaim claim) {
            return gate("claim", () -> real.saveClaim(claim));
        }
    }

    /** The real store until its first write is done; every later write fails as if the process had died. */
    private static final class DiesAfterFirstWrite extends GatedWrites {
        private final AtomicBoolean wrote = new AtomicBoolean();

        DiesAfterFirstWrite(AccessStore real) {
            super(real);
        }

        @Override
        CompletableFuture<Void> gate(String kind, Supplier<CompletableFuture<Void>> write) {
            if (wrote.getAndSet(true)) return CompletableFuture.failedFuture(new IllegalStateException("process killed"));
            return write.get();
        }
    }

    /** The real store, with claim and token writes (and firm writes, if asked) finishing only when the test says. */
    private static final class HeldWrites extends GatedWrites {
        volatile CompletableFuture<Void> release = new CompletableFuture<>();
        /** Firms are written at once unless a test holds them too. */
        volatile CompletableFuture<Void> firmRelease = CompletableFuture.completedFuture(null);

        HeldWrites(AccessStore real) {
            super(real);
        }

        @Override
        CompletableFuture<Void> gate(String kind, Supplier<CompletableFuture<Void>> write) {
            return (kind.equals("firm") ? firmRelease : release).thenCompose(v -> write.get());
        }
    }
}
