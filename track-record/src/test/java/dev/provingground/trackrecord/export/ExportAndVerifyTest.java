package dev.provingground.trackrecord.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.MutableClock;
import dev.provingground.trackrecord.Scenario;
import dev.provingground.trackrecord.TrackRecordConfig;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.checkpoint.NoteSigner;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.context.BundleContext;
import dev.provingground.trackrecord.context.ContextFiles;
import dev.provingground.trackrecord.context.LogStamp;
import dev.provingground.trackrecord.context.RobotIdentity;
import dev.provingground.trackrecord.context.RuleChange;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.kpi.KpiFiles;
import dev.provingground.trackrecord.kpi.KpiFold;
import dev.provingground.trackrecord.kpi.KpiReport;
import dev.provingground.trackrecord.kpi.KpiScope;
import dev.provingground.trackrecord.kpi.KpiVersions;
import dev.provingground.trackrecord.event.TaskLifecycle;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.VerifyCommand;
import dev.provingground.trackrecord.verify.VerifyResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.function.Consumer;

class ExportAndVerifyTest {

    private static final LogId ACME = LogId.firmLog(Scenario.SITE, Scenario.FIRM);
    private static final Instant DAY = Instant.parse("2026-05-01T00:00:00Z");
    private static final int BEFORE = 20;
    private static final int MORNING = Scenario.acmeMorning().size();
    private static final int AFTER = 15;

    @TempDir
    Path dir;

    private final EventCodec codec = new EventCodec();
    private final MutableClock clock = new MutableClock(DAY.minus(Duration.ofDays(1)));
    private final BundleVerifier verifier = new BundleVerifier();
    private TrackRecordStore store;

    @BeforeEach
    void recordTwoDaysAroundTheMorning() throws Exception {
        store = TrackRecordStore.open(dir.resolve("data"), TrackRecordConfig.defaults()
                .withCommitInterval(Duration.ofMillis(2)).withTileHeight(2), clock);
        store.ensureLog(ACME).get(10, TimeUnit.SECONDS);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        List<TrackEvent> identity = Scenario.identity(DAY.minus(Duration.ofHours(21)));
        for (TrackEvent event : identity) {
            pending.add(record(event));
        }
        for (int i = identity.size(); i < BEFORE; i++) {
            pending.add(record(task(DAY.minus(Duration.ofHours(20)).plusSeconds(i * 60L), "early-" + i)));
        }
        for (TrackEvent event : Scenario.acmeMorning()) {
            pending.add(record(event));
        }
        for (int i = 0; i < AFTER; i++) {
            pending.add(record(task(DAY.plus(Duration.ofHours(30)).plusSeconds(i * 60L), "late-" + i)));
        }
        for (CompletableFuture<?> future : pending) {
            future.get(10, TimeUnit.SECONDS);
        }
        store.checkpointNow(ACME).get(10, TimeUnit.SECONDS);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    private static TrackEvent task(Instant time, String id) {
        return new TrackEvent(time, Scenario.SITE, Scenario.FIRM, "r1",
                new TaskLifecycle(id, TaskLifecycle.Phase.ASSIGNED, "delivery", null));
    }

    private CompletableFuture<?> record(TrackEvent event) {
        clock.set(event.time());
        return store.record(event);
    }

    private Path export(ExportQuery query, String name) throws IOException {
        Path bundle = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(bundle)) {
            store.export(ACME, query, out, ProgressListener.NONE);
        }
        return bundle;
    }

    private Path morningBundle() throws IOException {
        return export(ExportQuery.everything().withPeriod(DAY, DAY.plus(Duration.ofDays(1))), "morning.zip");
    }

    @Test
    void aFullExportVerifiesWithThePinnedKey() throws IOException {
        Path bundle = export(ExportQuery.everything(), "all.zip");

        VerifyResult result = verifier.verify(bundle, store.verifierKey());

        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.summary()).startsWith("VALID proving-ground/site-a/acme: " + (BEFORE + MORNING + AFTER)
                + " events = leaves 0..").contains("(pinned key)").contains("KPIs (version 3) match")
                .contains("robots r1 (Acme Robotics SN-0001, Sidewalk Delivery), r2 (Acme Robotics SN-0002, UV-C Disinfection)");
        assertThat(lines(bundle)).hasSize(BEFORE + MORNING + AFTER);
    }

    @Test
    void aPeriodExportHoldsExactlyThatDaysLeavesAndVerifies() throws IOException {
        Path bundle = morningBundle();

        VerifyResult result = verifier.verify(bundle, store.verifierKey());

        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.summary()).contains(MORNING + " events = leaves " + BEFORE + ".." + (BEFORE + MORNING - 1)
                + " of " + (BEFORE + MORNING + AFTER));
        List<String> lines = lines(bundle);
        assertThat(lines.get(0)).isEqualTo(new String(codec.encode(Scenario.ruleChange()), StandardCharsets.UTF_8));
        assertThat(entry(bundle, BundleLayout.README)).contains("HOW TO VERIFY").contains("robot filter applies to the KPIs only");
    }

    @Test
    void theCommandLineExitsZeroWithASummaryForAValidBundle() throws IOException {
        Path bundle = morningBundle();
        Path keyFile = dir.resolve("data/checkpoint-verifier.key");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = VerifyCommand.run(new String[] {bundle.toString(), "--key", keyFile.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(VerifyCommand.VALID);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).singleElement().asString().startsWith("VALID ");
    }

    @Test
    void changingOneByteOfOneEventNamesItsLine() throws IOException {
        Path tampered = rewrite(morningBundle(), BundleLayout.EVENTS, events -> {
            String text = new String(events, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(text.lines().toList());
            lines.set(6, lines.get(6).replace("\"maxExcess\":0.8", "\"maxExcess\":0.9"));
            return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        });

        assertInvalid(tampered, "events.jsonl line 7: does not match leaf " + (BEFORE + 6));
    }

    @Test
    void deletingALineNamesWhereTheFileDiverges() throws IOException {
        Path tampered = rewriteLines(morningBundle(), lines -> lines.remove(10));

        assertInvalid(tampered, "events.jsonl line 11: does not match leaf " + (BEFORE + 10));
    }

    @Test
    void swappingTwoLinesNamesTheFirstOfThem() throws IOException {
        Path tampered = rewriteLines(morningBundle(), lines -> {
            String third = lines.get(3);
            lines.set(3, lines.get(4));
            lines.set(4, third);
        });

        assertInvalid(tampered, "events.jsonl line 4: does not match leaf " + (BEFORE + 3));
    }

    @Test
    void appendingALineNamesTheExtraLine() throws IOException {
        Path tampered = rewriteLines(morningBundle(), lines -> lines.add(new String(
                codec.encode(task(DAY.plusSeconds(3600), "forged")), StandardCharsets.UTF_8)));

        assertInvalid(tampered, "events.jsonl line " + (MORNING + 1) + ": extra line");
    }

    @Test
    void deletingTheLastLineNamesItAsMissing() throws IOException {
        Path tampered = rewriteLines(morningBundle(), lines -> lines.remove(lines.size() - 1));

        assertInvalid(tampered, "events.jsonl line " + MORNING + ": missing");
    }

    @Test
    void alteredKpisAreNamedWithTheValueTheEventsGive() throws IOException {
        Path tampered = rewrite(morningBundle(), BundleLayout.KPIS_JSON, json -> new String(json, StandardCharsets.UTF_8)
                .replace("\"value\" : 0.105", "\"value\" : 0.205").getBytes(StandardCharsets.UTF_8));

        assertInvalid(tampered, "kpis.json: distance.total_km is 0.205 but the events give 0.105");
    }

    @Test
    void alteredKpiCsvIsNamedByLine() throws IOException {
        Path tampered = rewrite(morningBundle(), BundleLayout.KPIS_CSV, csv -> new String(csv, StandardCharsets.UTF_8)
                .replace("missions.failed,count,1,", "missions.failed,count,0,").getBytes(StandardCharsets.UTF_8));

        VerifyResult result = verifier.verify(tampered, store.verifierKey());
        assertThat(result.ok()).isFalse();
        assertThat(result.firstProblem()).startsWith("kpis.csv line ").contains("'missions.failed,count,0,,,,,,' but the events give "
                + "'missions.failed,count,1,,,,,,'");
    }

    @Test
    void aBundleNotSignedByThePinnedKeyIsRejected() throws IOException {
        NoteSigner stranger = NoteSigner.generate("proving-ground");

        VerifyResult result = verifier.verify(morningBundle(), stranger.verifierKey());

        assertThat(result.ok()).isFalse();
        assertThat(result.firstProblem()).startsWith("checkpoint.txt: note is not signed by proving-ground+");
    }

    @Test
    void withoutAPinnedKeyTheBundlesOwnKeyIsUsedAndSaidSo() throws IOException {
        VerifyResult result = verifier.verify(morningBundle(), null);

        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.summary()).contains("key from the bundle, not pinned");
    }

    @Test
    void aSinceCheckpointBringsAConsistencyProofTheVerifierChecks() throws Exception {
        SignedCheckpoint held = store.latestCheckpoint(ACME).orElseThrow();
        for (int i = 0; i < 9; i++) {
            record(task(DAY.plus(Duration.ofHours(40)).plusSeconds(i), "later-" + i)).get(10, TimeUnit.SECONDS);
        }
        store.checkpointNow(ACME).get(10, TimeUnit.SECONDS);
        Path bundle = export(ExportQuery.everything().withSinceCheckpoint(held.note()), "since.zip");

        VerifyResult result = verifier.verify(bundle, store.verifierKey());
        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.summary()).contains("consistent with the checkpoint of size " + held.treeSize());

        Path tampered = rewrite(bundle, BundleLayout.CONSISTENCY_PROOF, json -> {
            String text = new String(json, StandardCharsets.UTF_8);
            int at = text.indexOf("\"proof\"") + 15;
            char flipped = text.charAt(at) == '0' ? '1' : '0';
            return (text.substring(0, at) + flipped + text.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
        });
        assertInvalid(tampered, "consistency-proof.json: does not prove that the tree of size " + held.treeSize());
    }

    @Test
    void aSinceCheckpointFromAnotherLogIsRefused() throws Exception {
        LogId globex = LogId.firmLog(Scenario.SITE, "globex");
        store.record(new TrackEvent(DAY, Scenario.SITE, "globex", "g1",
                new TaskLifecycle("g", TaskLifecycle.Phase.ASSIGNED, "delivery", null))).get(10, TimeUnit.SECONDS);
        SignedCheckpoint foreign = store.checkpointNow(globex).get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> export(ExportQuery.everything().withSinceCheckpoint(foreign.note()), "x.zip"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("since checkpoint is for proving-ground/site-a/globex, not proving-ground/site-a/acme");
    }

    @Test
    void aRobotFilterKeepsEveryLeafAndCountsOnlyThatRobot() throws IOException {
        Path all = morningBundle();
        Path onlyR2 = export(ExportQuery.everything().withPeriod(DAY, DAY.plus(Duration.ofDays(1))).withRobots(Set.of("r2")),
                "r2.zip");

        VerifyResult result = verifier.verify(onlyR2, store.verifierKey());

        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(lines(onlyR2)).isEqualTo(lines(all));
        assertThat(entry(onlyR2, BundleLayout.KPIS_CSV)).contains("events.count,count,10,,,,,,\n").contains("distance.total_km,km,0.04,,,,,,\n");
        assertThat(entry(onlyR2, BundleLayout.MANIFEST)).contains("\"robots\" : [ \"r2\" ]");
    }

    @Test
    void anEventOfAnotherFirmInTheLogIsReported() throws Exception {
        byte[] foreign = codec.encode(new TrackEvent(DAY.plus(Duration.ofHours(50)), Scenario.SITE, "globex", "g1",
                new TaskLifecycle("g", TaskLifecycle.Phase.ASSIGNED, "delivery", null)));
        clock.set(DAY.plus(Duration.ofHours(50)));
        store.append(ACME, foreign).get(10, TimeUnit.SECONDS);
        store.checkpointNow(ACME).get(10, TimeUnit.SECONDS);

        assertInvalid(export(ExportQuery.everything(), "mixed.zip"), "events.jsonl line " + (BEFORE + MORNING + AFTER + 1)
                + ": event of firm globex cannot be in log proving-ground/site-a/acme");
    }

    @Test
    void aMissingRangeProofIsNamed() throws IOException {
        Path tampered = rewrite(morningBundle(), BundleLayout.RANGE_PROOF, null);

        assertInvalid(tampered, "range-proof.json: missing from the bundle");
    }

    @Test
    void aLogWithoutACheckpointCannotBeExported() throws Exception {
        LogId empty = LogId.firmLog(Scenario.SITE, "newcomer");
        store.ensureLog(empty).get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> store.export(empty, ExportQuery.everything(), OutputStream.nullOutputStream(),
                ProgressListener.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no signed checkpoint yet");
    }

    @Test
    void aBundleNamesItsRobotsSiteRulesAndPeriodFromTheLogWithTheLeavesThatSaySo() throws IOException {
        Path bundle = morningBundle();

        BundleContext context = ContextFiles.parse(entry(bundle, BundleLayout.CONTEXT).getBytes(StandardCharsets.UTF_8));

        RobotIdentity r1 = context.robot("r1").orElseThrow();
        assertThat(r1.registration()).isEqualTo(Scenario.R1);
        assertThat(r1.registered().leaf()).isEqualTo(1);
        assertThat(r1.credentialRotations()).extracting(LogStamp::leaf).containsExactly(3L);
        assertThat(context.robot("r2").orElseThrow().registration().uvc()).isTrue();
        assertThat(context.timeZone()).isEqualTo("Asia/Seoul");
        assertThat(context.levels()).containsExactly("L1", "L2");
        assertThat(context.rules()).extracting(RuleChange::target).containsExactly("SITE", "RULE");
        assertThat(context.rules().get(1).at().leaf()).isEqualTo(BEFORE);
        assertThat(entry(bundle, BundleLayout.CONTEXT_LEAVES).lines()).hasSize(4);
        assertThat(entry(bundle, BundleLayout.MANIFEST)).contains("\"fromLocal\" : \"2026-05-01 09:00:00.000 +09:00\"")
                .contains("\"timeZoneSource\" : \"log\"");
        assertThat(entry(bundle, BundleLayout.README))
                .contains("Period:     2026-05-01T00:00:00.000Z to 2026-05-02T00:00:00.000Z (UTC) = "
                        + "2026-05-01 09:00:00.000 +09:00 to 2026-05-02 09:00:00.000 +09:00 (Asia/Seoul)")
                .contains("r1 of acme: Acme Robotics serial SN-0001, model Sidewalk Delivery (sidewalk-delivery)")
                .contains("speed class UP_TO_100_KG (cap 15.0 km/h)");
        assertThat(entry(bundle, BundleLayout.KPI_FORMULAS)).startsWith("# Track-record KPIs");
        VerifyResult result = verifier.verify(bundle, store.verifierKey());
        assertThat(result.summary()).contains("period 2026-05-01T00:00:00.000Z to 2026-05-02T00:00:00.000Z UTC "
                + "(2026-05-01 09:00:00.000 +09:00 to 2026-05-02 09:00:00.000 +09:00 Asia/Seoul)");
    }

    @Test
    void aChangedSerialNumberInTheIdentitySectionFailsNamingTheRobotAndItsRegistrationLeaf() throws IOException {
        Path tampered = rewrite(morningBundle(), BundleLayout.CONTEXT, json -> new String(json, StandardCharsets.UTF_8)
                .replace("SN-0001", "SN-9999").getBytes(StandardCharsets.UTF_8));

        assertInvalid(tampered, "context.json: robots[r1].serialNumber is \"SN-9999\" but the log gives \"SN-0001\" "
                + "(registered at leaf 1)");
    }

    @Test
    void aRobotLeftOutOfTheIdentitySectionFails() throws IOException {
        Path tampered = rewrite(morningBundle(), BundleLayout.CONTEXT, json -> {
            BundleContext context = ContextFiles.parse(json);
            return ContextFiles.json(new BundleContext(context.site(), context.firm(), context.timeZone(),
                    context.levels(), context.robots().subList(0, 1), context.rules()));
        });

        assertInvalid(tampered, "context.json: robots[r2] is missing; the log gives");
    }

    @Test
    void aChangedRuleInTheRulesSectionFails() throws IOException {
        Path tampered = rewrite(morningBundle(), BundleLayout.CONTEXT, json -> new String(json, StandardCharsets.UTF_8)
                .replace("\"maxSpeed\" : 1.5", "\"maxSpeed\" : 3.0").getBytes(StandardCharsets.UTF_8));

        assertInvalid(tampered, "context.json: rules[1].details.maxSpeed is 3.0 but the log gives 1.5 (leaf " + BEFORE + ")");
    }

    @Test
    void aForgedRegistrationLeafFailsItsInclusionProof() throws IOException {
        Path tampered = rewrite(morningBundle(), BundleLayout.CONTEXT_LEAVES, leaves -> new String(leaves,
                StandardCharsets.UTF_8).replace("SN-0001", "SN-9999").getBytes(StandardCharsets.UTF_8));

        assertInvalid(tampered, "context-leaves.jsonl line 2: is not leaf 1 of the signed tree");
    }

    @Test
    void aLocalTimeThatIsNotTheUtcTimeInTheSitesZoneFails() throws IOException {
        Path tampered = rewrite(morningBundle(), BundleLayout.MANIFEST, json -> new String(json, StandardCharsets.UTF_8)
                .replace("2026-05-01 09:00:00.000 +09:00", "2026-05-01 10:00:00.000 +09:00").getBytes(StandardCharsets.UTF_8));

        assertInvalid(tampered, "manifest.json: period.fromLocal is \"2026-05-01 10:00:00.000 +09:00\"");
    }

    @Test
    void changedFormulasFail() throws IOException {
        Path tampered = rewrite(morningBundle(), BundleLayout.KPI_FORMULAS, md -> (new String(md, StandardCharsets.UTF_8)
                + "\nAvailability is always 1.\n").getBytes(StandardCharsets.UTF_8));

        assertInvalid(tampered, "KPIS.md: SHA-256 ");
    }

    @Test
    void aBundleExportedBeforeVersionTwoStillVerifiesWithItsVersionOneKpis() throws IOException {
        Path old = asVersionOne(morningBundle());

        VerifyResult result = verifier.verify(old, store.verifierKey());

        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.summary()).contains("KPIs (version 1) match");
        Path tampered = rewrite(old, BundleLayout.KPIS_CSV, csv -> new String(csv, StandardCharsets.UTF_8)
                .replace("missions.failed,count,1", "missions.failed,count,0").getBytes(StandardCharsets.UTF_8));
        assertInvalid(tampered, "kpis.csv line ");
    }

    @Test
    void aBundleExportedBeforeTheElevatorRefusalMetricsStillVerifiesWithItsVersionTwoKpis() throws IOException {
        Path bundle = morningBundle();
        // What the writer of version 2 wrote: the same metrics without the refusal ones.
        KpiReport current = KpiFiles.parseJson(entry(bundle, BundleLayout.KPIS_JSON).getBytes(StandardCharsets.UTF_8));
        KpiReport report = new KpiReport(2, current.scope(), current.eventsInScope(), current.metrics().stream()
                .filter(m -> !m.name().startsWith("elevator.refusals")).toList());
        Path old = rewrite(rewrite(bundle, BundleLayout.KPIS_JSON, json -> KpiFiles.json(report)),
                BundleLayout.KPIS_CSV, csv -> KpiFiles.csv(report));

        VerifyResult result = verifier.verify(old, store.verifierKey());

        assertThat(current.metric("elevator.refusals")).isPresent();
        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.summary()).contains("KPIs (version 2) match");
    }

    /**
     * The bundle as the writer of version 1 made it: no context, no formulas, no period, and KPIs of version 1
     * (computed by the kept version 1 path, which is what that writer ran).
     */
    private Path asVersionOne(Path bundle) throws IOException {
        Path out = dir.resolve("v1-" + bundle.getFileName());
        KpiFold v1 = KpiVersions.fold(1, new KpiScope(DAY, DAY.plus(Duration.ofDays(1)), Set.of()), robot -> null);
        lines(bundle).forEach(line -> v1.accept(codec.decode(line.getBytes(StandardCharsets.UTF_8))));
        KpiReport report = v1.report();
        Set<String> dropped = Set.of(BundleLayout.CONTEXT, BundleLayout.CONTEXT_LEAVES, BundleLayout.CONTEXT_PROOFS,
                BundleLayout.KPI_FORMULAS);
        try (ZipFile in = new ZipFile(bundle.toFile()); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (dropped.contains(entry.getName())) continue;
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(BundleLayout.KPIS_JSON)) content = KpiFiles.json(report);
                if (entry.getName().equals(BundleLayout.KPIS_CSV)) content = KpiFiles.csv(report);
                if (entry.getName().equals(BundleLayout.MANIFEST)) {
                    var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(content);
                    manifest.put("version", 1);
                    manifest.remove("period");
                    content = manifest.toPrettyString().getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out;
    }

    private void assertInvalid(Path bundle, String problemStart) {
        VerifyResult result = verifier.verify(bundle, store.verifierKey());
        assertThat(result.ok()).as(result.summary()).isFalse();
        assertThat(result.firstProblem()).startsWith(problemStart);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(new String[] {bundle.toString(), "--key", store.verifierKey().encoded()},
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(VerifyCommand.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(problemStart);
    }

    private static List<String> lines(Path bundle) throws IOException {
        return entry(bundle, BundleLayout.EVENTS).lines().toList();
    }

    private static String entry(Path bundle, String name) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path rewriteLines(Path bundle, Consumer<List<String>> change) throws IOException {
        return rewrite(bundle, BundleLayout.EVENTS, events -> {
            List<String> lines = new ArrayList<>(new String(events, StandardCharsets.UTF_8).lines().toList());
            change.accept(lines);
            return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        });
    }

    /** Copies the bundle with one entry changed ({@code change == null} drops it). */
    private Path rewrite(Path bundle, String name, UnaryOperator<byte[]> change) throws IOException {
        Path out = dir.resolve("tampered-" + bundle.getFileName());
        try (ZipFile in = new ZipFile(bundle.toFile()); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(name)) {
                    if (change == null) {
                        continue;
                    }
                    byte[] changed = change.apply(content);
                    assertThat(Arrays.equals(changed, content)).as("the tampering changed " + name).isFalse();
                    content = changed;
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out;
    }
}
