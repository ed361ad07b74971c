package dev.provingground.server.store;

import dev.provingground.trackrecord.store.StorageHealth;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DOWN while a store cannot write; DEGRADED, with every reason, while part of what the server keeps is missing. */
class HealthVerdictTest {

    private static final StorageHealth WRITING = new StorageHealth(false, null, null, 0, 0, 0);
    private static final StorageHealth FAILING = new StorageHealth(true, "No space left on device",
            Instant.parse("2026-03-01T08:00:00Z"), 12, 0, 1);
    private static final StorageHealth LOST_SOME = new StorageHealth(false, null, null, 0, 7, 1);

    @Test
    void bothStoresWritingAndNothingQuarantinedIsUpWithoutAReason() {
        HealthVerdict verdict = HealthVerdict.of(List.of(WRITING, WRITING), 0);
        assertThat(verdict.status()).isEqualTo(HealthVerdict.Status.UP);
        assertThat(verdict.reason()).isEmpty();
    }

    @Test
    void aStoreThatCannotWriteIsDownWhateverElseIsAmiss() {
        HealthVerdict verdict = HealthVerdict.of(List.of(WRITING, FAILING), 3);
        assertThat(verdict.status()).isEqualTo(HealthVerdict.Status.DOWN);
        assertThat(verdict.reason()).startsWith("storage cannot write; changes are refused");
    }

    @Test
    void recordsQuarantinedAtThisStartDegradeNamingHowManyAndWhereToLook() {
        assertThat(HealthVerdict.of(List.of(WRITING, WRITING), 1)).isEqualTo(new HealthVerdict(
                HealthVerdict.Status.DEGRADED, List.of("1 stored record could not be read at start-up and was "
                        + "quarantined; the server runs without it (GET /api/v1/quarantine)")));
    }

    @Test
    void robotEventsTheTrackRecordHadToRefuseDegradeOnceItWritesAgainAlongsideQuarantinedRecords() {
        HealthVerdict verdict = HealthVerdict.of(List.of(WRITING, LOST_SOME), 2);
        assertThat(verdict.status()).isEqualTo(HealthVerdict.Status.DEGRADED);
        assertThat(verdict.reasons()).containsExactly(
                "7 robot events were refused while storage failed and are missing from the track record (each log "
                        + "that lost some has a record.gap event)",
                "2 stored records could not be read at start-up and were quarantined; the server runs without them "
                        + "(GET /api/v1/quarantine)");
    }
}
