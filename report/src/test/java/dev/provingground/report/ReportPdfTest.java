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

        TreeSet<Long> listedIncidents = indices(section(text, "Incidents (", "Interventions ("));
        TreeSet<Long> listedInterventions = indices(section(text, "Interventions (", "Geofence violations ("));

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

    private static String section(String text, String from, String to) {
        int start = text.indexOf(from, text.indexOf("Event lists"));
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
