package dev.provingground.report;

import dev.provingground.report.model.ReportCollector;
import dev.provingground.report.model.ReportModel;
import dev.provingground.report.pdf.ReportDocument;
import dev.provingground.report.pdf.ReportFonts;
import dev.provingground.report.text.Language;
import dev.provingground.report.text.Messages;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.VerifyResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Draws the PDF report of a track-record bundle from the bundle alone. The bundle is verified in the same pass that
 * gathers the report's figures; a bundle that does not verify is refused with the verifier's message and nothing is
 * written.
 */
public final class ReportGenerator {

    /** The name the bundle is attached to the PDF under. */
    public static final String ATTACHMENT_NAME = "track-record-bundle.zip";

    private final ReportFonts fonts;

    public ReportGenerator(ReportFonts fonts) {
        this.fonts = fonts;
    }

    /**
     * Verifies {@code bundle} and, when it is valid, writes its report to {@code out}.
     *
     * @param pinnedKey the verifier key the reader trusts, or {@code null} to use the bundle's own
     * @return the verifier's summary of the bundle
     * @throws BundleRefusedException when the bundle does not verify; nothing was written to {@code out}
     */
    public String write(Path bundle, VerifierKey pinnedKey, Language language, OutputStream out)
            throws IOException, BundleRefusedException {
        Verified verified = read(bundle, pinnedKey);
        new ReportDocument(fonts).write(verified.model(), new Messages(language), bundle, out);
        return verified.summary();
    }

    /**
     * Like {@link #write(Path, VerifierKey, Language, OutputStream)} into a file, which appears only whole: a refused
     * bundle or a failure on the way leaves no file behind (and an existing one as it was).
     */
    public String write(Path bundle, VerifierKey pinnedKey, Language language, Path output)
            throws IOException, BundleRefusedException {
        Verified verified = read(bundle, pinnedKey);
        Path partial = output.toAbsolutePath().resolveSibling("." + output.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                new ReportDocument(fonts).write(verified.model(), new Messages(language), bundle, out);
            }
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return verified.summary();
    }

    private Verified read(Path bundle, VerifierKey pinnedKey) throws IOException, BundleRefusedException {
        ReportCollector collector = new ReportCollector();
        VerifyResult result = new BundleVerifier().verify(bundle, pinnedKey, collector);
        if (!result.ok()) {
            throw new BundleRefusedException(result.summary());
        }
        return new Verified(collector.model(sha256(bundle), ATTACHMENT_NAME), result.summary());
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A verified bundle's model with the verifier's one-line summary. */
    private record Verified(ReportModel model, String summary) {
    }
}
