package dev.provingground.scenarios.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.export.BundleLayout;
import dev.provingground.trackrecord.export.ExportQuery;
import dev.provingground.trackrecord.export.ProgressListener;
import dev.provingground.trackrecord.kpi.KpiFiles;
import dev.provingground.trackrecord.kpi.KpiInvariants;
import dev.provingground.trackrecord.kpi.KpiReport;
import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.VerifyResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/**
 * What every scenario's record must satisfy, checked when its simulation stops: each log of the server exports a
 * bundle that verifies with the server's key, and whose KPIs add up ({@link KpiInvariants}: missions started =
 * completed + failed + cancelled + still running, totals = the sums of their breakdowns).
 */
public final class BundleChecks {

    private BundleChecks() {
    }

    /** Exports every log with a record, verifies it and asserts its KPIs add up; returns how many were checked. */
    public static int assertEveryBundleVerifiesAndAddsUp(TrackRecordStore store) {
        try {
            store.flush().join();
            Path dir = Files.createTempDirectory("scenario-bundles-");
            int checked = 0;
            try {
                for (LogId log : store.logs()) {
                    if (store.size(log) == 0) continue;
                    store.checkpointNow(log).join();
                    exportAndCheck(store, log, dir);
                    checked++;
                }
            } finally {
                deleteDirectory(dir);
            }
            return checked;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checkpoints and exports one log as it stands, asserts its bundle verifies and adds up, and returns its KPIs. */
    public static KpiReport exportedKpis(TrackRecordStore store, LogId log) {
        try {
            store.flush().join();
            store.checkpointNow(log).join();
            Path dir = Files.createTempDirectory("scenario-bundle-");
            try {
                return exportAndCheck(store, log, dir);
            } finally {
                deleteDirectory(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KpiReport exportAndCheck(TrackRecordStore store, LogId log, Path dir) throws IOException {
        Path bundle = dir.resolve(log.origin().replace('/', '_') + ".zip");
        try (OutputStream out = Files.newOutputStream(bundle)) {
            store.export(log, ExportQuery.everything(), out, ProgressListener.NONE);
        }
        return assertAddsUp(bundle, store);
    }

    private static void deleteDirectory(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) Files.deleteIfExists(file);
        }
        Files.deleteIfExists(dir);
    }

    /** One bundle: it verifies with the store's key, and the KPIs it carries add up; returns them. */
    public static KpiReport assertAddsUp(Path bundle, TrackRecordStore store) throws IOException {
        VerifyResult verified = new BundleVerifier().verify(bundle, store.verifierKey());
        assertThat(verified.ok()).as("%s: %s", bundle.getFileName(), verified.summary()).isTrue();
        KpiReport kpis;
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            kpis = KpiFiles.parseJson(zip.getInputStream(zip.getEntry(BundleLayout.KPIS_JSON)).readAllBytes());
        }
        assertThat(KpiInvariants.problems(kpis)).as("KPIs of %s that do not add up", bundle.getFileName()).isEmpty();
        return kpis;
    }
}
