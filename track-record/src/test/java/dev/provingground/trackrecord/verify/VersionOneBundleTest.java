package dev.provingground.trackrecord.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provingground.trackrecord.checkpoint.VerifierKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle written by the version 1 writer (the code before bundle format 2, run on the test Scenario's morning) still
 * verifies, its KPIs recomputed by the version 1 computation kept for it.
 */
class VersionOneBundleTest {

    @TempDir
    Path dir;

    private Path fixture() throws IOException {
        Path bundle = dir.resolve("v1.zip");
        try (InputStream in = getClass().getResourceAsStream("/bundles/v1-acme-morning.zip")) {
            Files.copy(in, bundle);
        }
        return bundle;
    }

    private static VerifierKey keyOf(Path bundle) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            return VerifierKey.parse(new String(zip.getInputStream(zip.getEntry("verifier-key.txt")).readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void aBundleExportedBeforeFormatTwoStillVerifiesWithItsVersionOneKpis() throws IOException {
        Path bundle = fixture();

        VerifyResult result = new BundleVerifier().verify(bundle, keyOf(bundle));

        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.summary()).contains("32 events").contains("KPIs (version 1) match");
    }

    @Test
    void aChangedVersionOneKpiIsStillCaught() throws IOException {
        Path bundle = fixture();
        Path tampered = dir.resolve("tampered.zip");
        try (ZipFile in = new ZipFile(bundle.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (var entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("kpis.json")) {
                    String json = new String(content, StandardCharsets.UTF_8);
                    String changed = json.replace("\"value\" : 0.105", "\"value\" : 0.205");
                    assertThat(changed).isNotEqualTo(json);
                    content = changed.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }

        VerifyResult result = new BundleVerifier().verify(tampered, keyOf(bundle));

        assertThat(result.ok()).isFalse();
        assertThat(result.firstProblem()).isEqualTo("kpis.json: distance.total_km is 0.205 but the events give 0.105");
    }
}
