package dev.provingground.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provingground.trackrecord.TrackRecordConfig;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.event.Intervention;
import dev.provingground.trackrecord.event.StateSamples;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.export.ExportQuery;
import dev.provingground.trackrecord.export.ProgressListener;
import dev.provingground.trackrecord.log.LogId;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCliTest {

    private static final Instant TIME = Instant.parse("2026-05-04T09:00:00Z");
    private static final LogId LOG = LogId.firmLog("trial-zone", "acme");

    @TempDir
    Path dir;
    private Path bundle;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void exportABundle() throws Exception {
        try (TrackRecordStore store = TrackRecordStore.open(dir.resolve("data"),
                TrackRecordConfig.defaults().withCommitInterval(Duration.ofMillis(2)), Clock.fixed(TIME, ZoneOffset.UTC))) {
            store.ensureLog(LOG).get(10, TimeUnit.SECONDS);
            store.record(new TrackEvent(TIME, "trial-zone", "acme", "rb-1", new StateSamples(List.of(
                    new StateSamples.Sample(TIME, "L1", 0, 0, 1, StateSamples.OperatingMode.AUTOMATIC,
                            StateSamples.AreaClass.INDOOR, 80.0),
                    new StateSamples.Sample(TIME.plusSeconds(1), "L1", 1, 0, 1, StateSamples.OperatingMode.AUTOMATIC,
                            StateSamples.AreaClass.INDOOR, 80.0))))).get(10, TimeUnit.SECONDS);
            store.record(new TrackEvent(TIME.plusSeconds(5), "trial-zone", "acme", "rb-1",
                    new Intervention(Intervention.Kind.TELEOP, "stuck at the kerb", 30))).get(10, TimeUnit.SECONDS);
            store.checkpointNow(LOG).get(10, TimeUnit.SECONDS);
            bundle = dir.resolve("bundle.zip");
            try (OutputStream file = Files.newOutputStream(bundle)) {
                store.export(LOG, ExportQuery.everything(), file, ProgressListener.NONE);
            }
        }
    }

    private int run(String... args) {
        var line = ProvingGround.commandLine();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        return line.execute(args);
    }

    @Test
    void reportWritesAKoreanPdfAndSaysTheBundleVerified() throws Exception {
        Path pdf = dir.resolve("report.pdf");

        assertThat(run("report", bundle.toString(), "-o", pdf.toString(), "--lang", "ko")).as(err.toString()).isZero();

        assertThat(out.toString()).startsWith("VALID proving-ground/trial-zone/acme").contains("wrote " + pdf);
        assertThat(new String(Files.readAllBytes(pdf), 0, 8, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7");
    }

    @Test
    void aTamperedBundleIsRefusedWithTheVerifiersMessageAndNothingIsWritten() throws Exception {
        Path tampered = dir.resolve("tampered.zip");
        try (ZipFile zip = new ZipFile(bundle.toFile()); ZipOutputStream copy = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] content = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("events.jsonl")) {
                    content = new String(content, StandardCharsets.UTF_8).replace("stuck at the kerb", "stuck at the curb")
                            .getBytes(StandardCharsets.UTF_8);
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(content);
                copy.closeEntry();
            }
        }
        Path pdf = dir.resolve("tampered.pdf");

        assertThat(run("report", tampered.toString(), "-o", pdf.toString())).isEqualTo(1);

        assertThat(err.toString()).startsWith("INVALID: events.jsonl line 2").contains("no PDF written");
        assertThat(pdf).doesNotExist();
    }

    @Test
    void anUnknownLanguageIsAUsageErrorNamingTheLanguagesThereAre() {
        assertThat(run("report", bundle.toString(), "-o", dir.resolve("x.pdf").toString(), "--lang", "fr")).isEqualTo(2);

        assertThat(err.toString()).contains("--lang").contains("EN, KO");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }
}
