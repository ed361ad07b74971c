package dev.provingground.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provingground.report.pdf.ReportFonts;
import dev.provingground.report.text.Language;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.Incident;
import dev.provingground.trackrecord.event.Intervention;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.kpi.KpiFiles;
import dev.provingground.trackrecord.kpi.KpiReport;
import dev.provingground.trackrecord.kpi.Metric;
import dev.provingground.trackrecord.merkle.InclusionProof;
import dev.provingground.trackrecord.verify.RfcMerkle;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPdfTest {

    private static final Pattern LINE = Pattern.compile("^\\s*(\\d+)\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC", Pattern.MULTILINE);

    @TempDir
    static Path dir;

    private static TrialBundle trial;
    private static Path bundle;
    private static Path korean;
    private static Path english;
    private static final ReportGenerator generator = new ReportGenerator(ReportFonts.load());

    @BeforeAll
    static void recordATrialAndDrawItsReports() throws Exception {
        trial = new TrialBundle(dir.resolve("data"));
        bundle = trial.export(dir.resolve("bundle.zip"));
        korean = dir.resolve("report-ko.pdf");
        english = dir.resolve("report-en.pdf");
        generator.write(bundle, null, Language.KO, korean);
        generator.write(bundle, null, Language.EN, english);
    }

    @AfterAll
    static void close() {
        trial.close();
    }

    @Test
    void theKoreanCoverShowsItsLabelsInHangul() throws Exception {
        String text = Poppler.text(korean);

        assertThat(text).contains("운행 기록 보고서", "업체", "실증 구역", "기간", "로봇", "서명된 체크포인트", "키 지문",
                "요약", "로봇별 현황", "이 보고서를 검증하는 방법", "보도 턱에 걸림");
        assertThat(text).contains("acme", "trial-zone", "rb-alpha", "rb-beta", "rb-gamma");
    }

    @Test
    void theKoreanCoverShowsEachRobotsIdentityAndThePeriodInLocalTimeAndUtc() throws Exception {
        String cover = before(Poppler.text(korean), "요약");

        assertThat(cover).contains("제조사", "일련번호", "기간 (현지 시각)", "기간 (UTC)");
        assertThat(cover).contains("Acme Robotics", "SN-ALPHA-0001", "SN-BETA-0002", "한빛로보틱스", "SN-GAMMA-0003");
        assertThat(cover).contains("Sidewalk Delivery", "UP_TO_100_KG · 15 km/h", "48.5 kg", "없음 (실내 로봇)");
        // The first event is the site definition a day before the trial, at 09:00 in Seoul (00:00 UTC).
        assertThat(cover).contains("2026-05-03 09:00:00.000 +09:00", "Asia/Seoul", "2026-05-03 00:00:00 UTC");
        // Registrations and the credential rotation with the leaves that prove them.
        assertThat(cover).contains("2026-05-03 00:10:00 UTC ·", "리프 3", "인증 정보 교체: 2026-05-05", "리프 89");
    }

    @Test
    void theKpiTableShowsNumeratorDenominatorSampleSizeAndTheConfidenceIntervalOfInterventionsPer1000Km() throws Exception {
        Metric rate = kpis(bundle).require("interventions.per_1000_km");
        Metric.Basis basis = rate.basis();
        String text = Poppler.text(english);

        assertThat(basis.ciLow()).isNotNull();
        assertThat(text).containsPattern("interventions\\.per_1000_km\\s+" + Pattern.quote(rate.value().toPlainString())
                + "\\s+1/1000km\\s+6 / " + Pattern.quote(basis.denominator().toPlainString()) + "\\s+6\\s+"
                + Pattern.quote(basis.ciLow().toPlainString() + " – " + basis.ciHigh().toPlainString()));
        assertThat(text).contains("95 % CI");
    }

    @Test
    void aRateBelowTheMinimumSaysNotEnoughDataInBothLanguagesWithItsNote() throws Exception {
        Metric perHour = kpis(bundle).require("interventions.per_hour");
        assertThat(perHour.value()).as("under one operating hour in the trial").isNull();

        assertThat(Poppler.text(english)).containsPattern("interventions\\.per_hour\\s+not enough data \\*\\s+1/h")
                .contains("* interventions.per_hour: " + perHour.basis().note());
        assertThat(Poppler.text(korean)).containsPattern("interventions\\.per_hour\\s+데이터 부족 \\*\\s+1/h");
    }

    @Test
    void theRulesSectionListsTheZoneRulesInForceWithTheirLeaves() throws Exception {
        String rules = section(Poppler.text(english), "Site and zone rules in force over the period", "Charts");

        assertThat(rules).containsPattern("(?m)^\\s+0\\s+2026-05-03 00:00:00 UTC\\s+SITE trial-zone ·");
        assertThat(rules).containsPattern("(?m)^\\s+1\\s+2026-05-03 00:01:00 UTC\\s+ZONE sidewalk-east ·\\s+[^\\n]*\\n\\s+CREATE");
        assertThat(rules).containsPattern("(?m)^\\s+88\\s+2026-05-05 18:00:00 UTC\\s+ZONE sidewalk-east ·\\s+[^\\n]*\\n\\s+UPDATE");
        assertThat(rules).contains("maxSpeed: 1.5", "maxSpeed: 1.2", "timeZone: \"Asia/Seoul\"").doesNotContain("coordinates");
    }

    @Test
    void aBundleWithoutAContextSectionStillRendersAndSaysSo() throws Exception {
        Path older = dir.resolve("v1.zip");
        try (var in = ReportPdfTest.class.getResourceAsStream("/bundles/v1-acme-morning.zip")) {
            Files.copy(in, older);
        }
        Path pdf = dir.resolve("v1.pdf");

        generator.write(older, null, Language.EN, pdf);

        String text = Poppler.text(pdf);
        assertThat(text).contains("This bundle has no context section (an older bundle, format version 1)")
                .contains("carry no numerator, denominator, sample size or confidence interval")
                .contains("the rules in force are not part of it");
        assertThat(text).containsPattern("Period\\s+open \\(first or last event: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC");
    }

    @Test
    void everyChartAndEveryLevelMapIsAnImageInThePdf() throws Exception {
        List<String> images = Poppler.images(english);

        // distance per day, interventions per day, speed distribution, and a map for each of the levels L1 and L2
        assertThat(images).hasSize(5);
        assertThat(images).allSatisfy(line -> assertThat(line).contains("image").contains("rgb"));
        Poppler.pngs(english, dir.resolve("page"));
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().startsWith("page-"))).isNotEmpty();
    }

    @Test
    void theAttachedBundleIsByteIdenticalToTheBundle() throws Exception {
        byte[] attached = Poppler.attachment(korean, dir.resolve("attached.zip"));

        assertThat(attached).isEqualTo(Files.readAllBytes(bundle));
    }

    @Test
    void thePdfDeclaresPdfA3b() throws Exception {
        String xmp = Poppler.metadata(english);

        assertThat(xmp).containsPattern("pdfaid:part(>|=\")3");
        assertThat(xmp).containsPattern("pdfaid:conformance(>|=\")B");
        try (PDDocument pdf = Loader.loadPDF(english.toFile())) {
            PDDocumentCatalog catalog = pdf.getDocumentCatalog();
            assertThat(catalog.getOutputIntents()).singleElement().satisfies(intent -> {
                assertThat(intent.getCOSObject().getNameAsString(COSName.S)).isEqualTo("GTS_PDFA1");
                assertThat(intent.getDestOutputIntent()).isNotNull();
            });
            PDComplexFileSpecification attached = catalog.getNames().getEmbeddedFiles().getNames()
                    .get(ReportGenerator.ATTACHMENT_NAME);
            assertThat(attached.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship"))).isEqualTo("Source");
            assertThat(catalog.getCOSObject().getCOSArray(COSName.getPDFName("AF"))).hasSize(1);
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).as("font %s embedded", name).isTrue();
                }
            }
        }
    }

    @Test
    void twoRunsOnTheSameBundleGiveTheSameBytes() throws Exception {
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        generator.write(bundle, null, Language.EN, again);

        assertThat(again.toByteArray()).isEqualTo(Files.readAllBytes(english));
    }

    @Test
    void theSummaryShowsTheKpisOfTheBundle() throws Exception {
        String text = Poppler.text(english);

        assertThat(text).containsPattern("interventions\\.count\\s+6\\s+count");
        assertThat(text).containsPattern("incidents\\.count\\s+4\\s+count");
        assertThat(text).containsPattern("elevator\\.refusals\\s+1\\s+count")
                // The metric's name wraps in its column: "outside_service_" then "hours" under it.
                .containsPattern("elevator\\.refusals\\.rule\\.outside_service_\\s+1\\s+count\\s+hours");
        assertThat(text).contains("Link losses (3)").contains("link back after 1m 35s").contains("not back within the bundle");
    }

    @Test
    void aTamperedBundleIsRefusedWithTheVerifiersMessageAndNoFileIsWritten() throws Exception {
        Path tampered = dir.resolve("tampered.zip");
        rewriteEvents(bundle, tampered, events -> events.replaceFirst("stuck at the kerb", "stuck at the curb"));
        Path output = dir.resolve("tampered.pdf");

        assertThatThrownBy(() -> generator.write(tampered, null, Language.EN, output))
                .isInstanceOf(BundleRefusedException.class)
                .hasMessageStartingWith("INVALID: events.jsonl line");
        assertThat(output).doesNotExist();
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
    }

    @Test
    void everyIncidentAndInterventionLineCarriesALogIndexWhoseInclusionProofVerifiesAgainstTheCheckpoint() throws Exception {
        String text = Poppler.text(english);
        List<String> events = events(bundle);
        SignedCheckpoint checkpoint = checkpoint(bundle);
        EventCodec codec = new EventCodec();
        TreeSet<Long> incidents = new TreeSet<>();
        TreeSet<Long> interventions = new TreeSet<>();
        for (int i = 0; i < events.size(); i++) {
            TrackEvent event = codec.decode(events.get(i).getBytes(StandardCharsets.UTF_8));
            if (event.body() instanceof Incident) incidents.add((long) i);
            if (event.body() instanceof Intervention) interventions.add((long) i);
        }

        TreeSet<Long> listedIncidents = indices(listSection(text, "Incidents (", "Interventions ("));
        TreeSet<Long> listedInterventions = indices(listSection(text, "Interventions (", "Geofence violations ("));

        assertThat(listedIncidents).isEqualTo(incidents).hasSize(4);
        assertThat(listedInterventions).isEqualTo(interventions).hasSize(6);
        RfcMerkle merkle = new RfcMerkle();
        List<Long> all = new ArrayList<>(listedIncidents);
        all.addAll(listedInterventions);
        for (long index : all) {
            InclusionProof proof = trial.store().inclusionProof(TrialBundle.LOG, index, checkpoint.treeSize());
            byte[] leaf = merkle.leafHash(events.get((int) index).getBytes(StandardCharsets.UTF_8));
            assertThat(merkle.verifyInclusion(index, checkpoint.treeSize(), leaf, proof.path(),
                    checkpoint.checkpoint().rootHash())).as("inclusion of leaf %d", index).isTrue();
        }
    }

    private static String before(String text, String end) {
        int at = text.indexOf(end);
        assertThat(at).as(end).isPositive();
        return text.substring(0, at);
    }

    private static KpiReport kpis(Path bundle) throws Exception {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            return KpiFiles.parseJson(zip.getInputStream(zip.getEntry("kpis.json")).readAllBytes());
        }
    }

    private static String listSection(String text, String from, String to) {
        return section(text.substring(text.indexOf("Event lists")), from, to);
    }

    private static String section(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start);
        assertThat(start).as(from).isPositive();
        assertThat(end).as(to).isGreaterThan(start);
        return text.substring(start, end);
    }

    private static TreeSet<Long> indices(String section) {
        TreeSet<Long> out = new TreeSet<>();
        Matcher matcher = LINE.matcher(section);
        while (matcher.find()) {
            out.add(Long.parseLong(matcher.group(1)));
        }
        return out;
    }

    private static List<String> events(Path bundle) throws Exception {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            String text = new String(zip.getInputStream(zip.getEntry("events.jsonl")).readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.asList(text.split("\n"));
        }
    }

    private static SignedCheckpoint checkpoint(Path bundle) throws Exception {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            String note = new String(zip.getInputStream(zip.getEntry("checkpoint.txt")).readAllBytes(), StandardCharsets.UTF_8);
            return SignedCheckpoint.verify(note, trial.store().verifierKey());
        }
    }

    private static void rewriteEvents(Path from, Path to, java.util.function.UnaryOperator<String> change) throws Exception {
        try (ZipFile zip = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] content = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("events.jsonl")) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
    }
}
