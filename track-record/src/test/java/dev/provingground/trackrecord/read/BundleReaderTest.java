package dev.provingground.trackrecord.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provingground.trackrecord.MutableClock;
import dev.provingground.trackrecord.Scenario;
import dev.provingground.trackrecord.TrackRecordConfig;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.context.RuleChange;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.export.ExportQuery;
import dev.provingground.trackrecord.export.ProgressListener;
import dev.provingground.trackrecord.log.LogId;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleReaderTest {

    private static final LogId ACME = LogId.firmLog(Scenario.SITE, Scenario.FIRM);

    @TempDir
    Path dir;
    private TrackRecordStore store;

    @BeforeEach
    void recordTheMorningAfterTheRobotsWereRegistered() throws Exception {
        MutableClock clock = new MutableClock(Scenario.at(-3600));
        store = TrackRecordStore.open(dir.resolve("data"), TrackRecordConfig.defaults()
                .withCommitInterval(Duration.ofMillis(2)).withTileHeight(2), clock);
        List<TrackEvent> events = new ArrayList<>(Scenario.identity(Scenario.at(-3600)));
        events.addAll(Scenario.acmeMorning());
        for (TrackEvent event : events) {
            clock.set(event.time());
            store.record(event).get(10, TimeUnit.SECONDS);
        }
        store.checkpointNow(ACME).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path export(ExportQuery query) throws IOException {
        Path bundle = dir.resolve("bundle.zip");
        try (OutputStream out = Files.newOutputStream(bundle)) {
            store.export(ACME, query, out, ProgressListener.NONE);
        }
        return bundle;
    }

    @Test
    void aVerifiedBundleGivesItsPeriodRobotsRulesKpisAndEventsWithTheirLeaves() throws Exception {
        Path bundle = export(ExportQuery.everything().withPeriod(Scenario.at(-120), Scenario.at(3600)));

        try (BundleReader reader = BundleReader.openVerified(bundle, store.verifierKey())) {
            assertThat(reader.log()).isEqualTo(ACME);
            assertThat(reader.period().local(Scenario.at(0))).isEqualTo("2026-05-01 18:00:00.000 +09:00");
            assertThat(reader.context().robot("r1").orElseThrow().registration().serialNumber()).isEqualTo("SN-0001");
            assertThat(reader.context().rules()).extracting(RuleChange::target).contains("SITE", "RULE");
            assertThat(reader.kpis().require("missions.success_rate").basis().denominator()).isEqualByComparingTo("3");
            assertThat(reader.formulas()).startsWith("# Track-record KPIs");
            List<Long> leaves = new ArrayList<>();
            reader.forEachEvent((leaf, event) -> leaves.add(leaf));
            assertThat(leaves).hasSize(Scenario.acmeMorning().size()).startsWith(reader.start());
            EventCodec codec = new EventCodec();
            for (int i = 0; i < leaves.size(); i++) {
                assertThat(store.entry(ACME, leaves.get(i))).as("leaf %d", leaves.get(i))
                        .isEqualTo(codec.encode(Scenario.acmeMorning().get(i)));
            }
        }
    }

    @Test
    void aTamperedBundleIsRefusedWithTheVerifiersMessage() throws Exception {
        Path bundle = export(ExportQuery.everything());
        Path tampered = dir.resolve("tampered.zip");
        try (ZipFile in = new ZipFile(bundle.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (var entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("context.json")) {
                    content = new String(content, StandardCharsets.UTF_8).replace("SN-0002", "SN-7777")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }

        assertThatThrownBy(() -> BundleReader.openVerified(tampered, store.verifierKey()))
                .isInstanceOf(BundleReader.RejectedBundleException.class)
                .hasMessageContaining("context.json: robots[r2].serialNumber is \"SN-7777\" but the log gives \"SN-0002\"");
    }
}
