package dev.provingground.server.evidence;

import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.Zones;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.context.BundleContext;
import dev.provingground.trackrecord.context.ContextFiles;
import dev.provingground.trackrecord.context.RobotIdentity;
import dev.provingground.trackrecord.context.RuleChange;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.VerifyResult;
import dev.provingground.report.ReportGenerator;
import io.vertx.core.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static dev.provingground.server.support.Bundles.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** The server's events reach the track record, and its checkpoints, proofs and bundles hold up over HTTP. */
class TrackRecordApiTest {

    @TempDir
    Path data;
    @TempDir
    Path out;
    VirtualServer virtual;
    TestServer server;
    String acmeToken;
    String boltToken;
    String robotId;

    @BeforeEach
    void start() throws Exception {
        virtual = VirtualServer.start(data);
        server = virtual.api();
        acmeToken = server.registerFirm("acme");
        boltToken = server.registerFirm("bolt");
        JsonObject r = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
        robotId = r.getString("id");
        server.post("/api/v1/sites/test/zones", server.operatorToken,
                Zones.withProperty(Zones.rectangle("pit", "KEEP_OUT", 4, -1, 6, 1), "onViolation", "PAUSE"));
        try (InProcessRobot robot = virtual.robot("Acme", "A-1", r.getString("id"),
                r.getJsonObject("mqtt").getString("password"))) {
            robot.connectOnline();
            robot.sendState("L1", 1, 0, 90);
            robot.sendState("L1", 5, 0, 89);
            robot.sendState("L1", 8, 0, 88);
            virtual.advanceUntil("the violation recorded", Duration.ofSeconds(5), () -> server.get("/api/v1/events?type=geofence",
                    server.operatorToken).bodyAsJsonObject().getJsonArray("events").stream()
                    .anyMatch(e -> "VIOLATION".equals(((JsonObject) e).getString("transition"))));
        }
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private Path export(String token, String firm) throws Exception {
        var res = server.get("/api/v1/reports/export?site=test&firm=" + firm, token);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        assertThat(res.getHeader("content-type")).isEqualTo("application/zip");
        Path bundle = out.resolve(firm + ".zip");
        Files.write(bundle, res.body().getBytes());
        return bundle;
    }

    @Test
    void exportedBundleOfAFirmVerifiesWithThePinnedKeyAndHoldsItsEventsAndTheRulesInForce() throws Exception {
        Path bundle = export(acmeToken, "acme");
        VerifierKey key = VerifierKey.parse(server.get("/api/v1/sites/test/log/key?firm=acme", acmeToken)
                .bodyAsString().trim());
        VerifyResult result = new BundleVerifier().verify(bundle, key);
        assertThat(result.ok()).as(result.firstProblem()).isTrue();
        String events = entry(bundle, "events.jsonl");
        assertThat(events).contains("\"type\":\"robot.link\"").contains("\"transition\":\"VIOLATION\"")
                .contains("\"type\":\"config.change\"").contains("\"zone\":\"pit\"");
    }

    @Test
    void theBundleNamesTheRobotAsRegisteredWithItsModelAndCredentialRotationFromTheLog() throws Exception {
        assertThat(server.post("/api/v1/robots/" + robotId + "/credentials", acmeToken, new JsonObject()).statusCode())
                .isEqualTo(200);

        Path bundle = export(acmeToken, "acme");

        VerifyResult result = new BundleVerifier().verify(bundle, null);
        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.summary()).contains("robots " + robotId + " (Acme A-1, ");
        BundleContext context = ContextFiles.parse(entry(bundle, "context.json").getBytes(StandardCharsets.UTF_8));
        RobotIdentity robot = context.robot(robotId).orElseThrow();
        assertThat(robot.firm()).isEqualTo("acme");
        assertThat(robot.registration().manufacturer()).isEqualTo("Acme");
        assertThat(robot.registration().serialNumber()).isEqualTo("A-1");
        assertThat(robot.registration().profile()).isEqualTo("indoor-delivery");
        assertThat(robot.registration().kind()).isEqualTo("DELIVERY");
        assertThat(robot.registration().environment()).isEqualTo("INDOOR");
        assertThat(robot.registered()).isNotNull();
        assertThat(robot.credentialRotations()).hasSize(1);
        assertThat(context.rules()).extracting(RuleChange::targetId).contains("pit");
        assertThat(context.timeZone()).as("from the site definition the firm log starts with").isEqualTo("UTC");
        assertThat(context.levels()).isNotEmpty();
        assertThat(entry(bundle, "events.jsonl")).doesNotContain("\"password\"").doesNotContain("mqttSecret");
        assertThat(entry(bundle, "manifest.json")).contains("\"timeZone\" : \"UTC\"");
    }

    @Test
    void anOperatorGetsTheSiteBundleWithEveryLogOfTheSiteEachVerifyingAlone() throws Exception {
        var res = server.get("/api/v1/reports/export?site=test", server.operatorToken);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        assertThat(res.getHeader("content-disposition")).contains("site_test.zip");
        Path bundle = out.resolve("site.zip");
        Files.write(bundle, res.body().getBytes());

        VerifyResult result = new BundleVerifier().verify(bundle, null);

        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.summary()).startsWith("VALID site bundle test, 2 logs: proving-ground/test: ")
                .contains("| proving-ground/test/acme: ");
        assertThat(entry(bundle, "site-manifest.json")).contains("logs/firm-acme.zip").contains("logs/site.zip");
        assertThat(server.get("/api/v1/reports/export?site=test", acmeToken).statusCode()).isEqualTo(403);
    }

    @Test
    void changingOneByteOfOneEventMakesVerificationFailNamingTheLine() throws Exception {
        Path bundle = export(acmeToken, "acme");
        String events = entry(bundle, "events.jsonl");
        String tampered = events.replaceFirst("\"x\":5.0", "\"x\":6.0");
        assertThat(tampered).isNotEqualTo(events);
        Path forged = out.resolve("forged.zip");
        rewrite(bundle, forged, "events.jsonl", tampered);
        VerifyResult result = new BundleVerifier().verify(forged, null);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstProblem()).contains("events.jsonl");
    }

    @Test
    void checkpointVerifiesAndProofsAreServed() {
        String note = server.get("/api/v1/sites/test/log/checkpoint?firm=acme", acmeToken).bodyAsString();
        VerifierKey key = VerifierKey.parse(server.get("/api/v1/sites/test/log/key?firm=acme", acmeToken)
                .bodyAsString().trim());
        SignedCheckpoint checkpoint = SignedCheckpoint.verify(note, key);
        long size = checkpoint.treeSize();
        assertThat(size).isGreaterThanOrEqualTo(5);
        var inclusion = server.get("/api/v1/sites/test/log/proof/inclusion?firm=acme&index=1&size=" + size, acmeToken);
        assertThat(inclusion.statusCode()).isEqualTo(200);
        assertThat(inclusion.bodyAsJsonObject().getJsonArray("path")).isNotEmpty();
        var consistency = server.get("/api/v1/sites/test/log/proof/consistency?firm=acme&from=2&to=" + size, acmeToken);
        assertThat(consistency.statusCode()).isEqualTo(200);
        assertThat(consistency.bodyAsJsonObject().getJsonArray("proof")).isNotEmpty();
        assertThat(server.get("/api/v1/sites/test/log/proof/inclusion?firm=acme&index=" + size + "&size=" + size,
                acmeToken).statusCode()).isEqualTo(400);
    }

    @Test
    void vendorGets403OnAnotherFirmsLogAndExport() {
        assertThat(server.get("/api/v1/sites/test/log/checkpoint?firm=acme", boltToken).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/reports/export?site=test&firm=acme", boltToken).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/sites/test/log/checkpoint", boltToken).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/sites/test/log/checkpoint", server.operatorToken).statusCode()).isEqualTo(200);
    }

    @Test
    void theReportOfAFirmIsAPdfCarryingTheBundleThatVerifiesWithTheServersKey() throws Exception {
        var res = server.get("/api/v1/reports/pdf?site=test&firm=acme&lang=ko", acmeToken);

        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        assertThat(res.getHeader("content-type")).isEqualTo("application/pdf");
        assertThat(res.getHeader("content-disposition")).contains("proving-ground_test_acme.pdf");
        Path bundle = out.resolve("attached.zip");
        try (PDDocument pdf = Loader.loadPDF(res.body().getBytes())) {
            var attached = pdf.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
                    .get(ReportGenerator.ATTACHMENT_NAME);
            Files.write(bundle, attached.getEmbeddedFile().toByteArray());
            assertThat(new PDFTextStripper().getText(pdf)).contains("운행 기록 보고서").contains("proving-ground/test/acme");
        }
        VerifierKey key = VerifierKey.parse(server.get("/api/v1/sites/test/log/key?firm=acme", acmeToken)
                .bodyAsString().trim());
        VerifyResult result = new BundleVerifier().verify(bundle, key);
        assertThat(result.ok()).as(result.firstProblem()).isTrue();
        assertThat(entry(bundle, "events.jsonl")).contains("\"transition\":\"VIOLATION\"");
    }

    @Test
    void aVendorGets403OnAnotherFirmsReportAndAnUnknownLanguageIsABadRequestNamingIt() {
        assertThat(server.get("/api/v1/reports/pdf?site=test&firm=acme", boltToken).statusCode()).isEqualTo(403);
        var res = server.get("/api/v1/reports/pdf?site=test&firm=acme&lang=fr", acmeToken);
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.bodyAsJsonObject().getJsonObject("error").getString("message")).startsWith("lang:").contains("ko");
    }

    @Test
    void malformedFirmIsABadRequestNamingIt() {
        var res = server.get("/api/v1/sites/test/log/checkpoint?firm=a%20b", server.operatorToken);
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.bodyAsJsonObject().getJsonObject("error").getString("message")).startsWith("firm:");
    }

    private static void rewrite(Path from, Path to, String name, String content) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(from)));
             ZipOutputStream zip = new ZipOutputStream(buffer)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = e.getName().equals(name) ? content.getBytes(StandardCharsets.UTF_8) : in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        Files.write(to, buffer.toByteArray());
    }
}
