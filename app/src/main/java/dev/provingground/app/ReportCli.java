package dev.provingground.app;

import dev.provingground.report.BundleRefusedException;
import dev.provingground.report.ReportGenerator;
import dev.provingground.report.pdf.ReportFonts;
import dev.provingground.report.text.Language;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.verify.VerifyCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Draw the PDF/A report of a track-record bundle, with the bundle attached. The bundle is verified"
                + " first: one that does not verify is refused with the verifier's message and no PDF is written.")
public final class ReportCli implements Callable<Integer> {

    static final int REFUSED = 1;
    static final int USAGE = 2;

    @Parameters(paramLabel = "BUNDLE", description = "the .zip bundle from export")
    Path bundle;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "the PDF to write")
    Path output;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "ko|en",
            description = "language of the report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Language language;

    @Option(names = "--key", paramLabel = "VERIFIER_KEY",
            description = "pin the log's verifier key (a C2SP key string, or a file holding one) instead of trusting the bundle's copy")
    String key;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(bundle)) {
            System.err.println(bundle + ": no such file");
            return USAGE;
        }
        Path folder = output.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            System.err.println(output + ": no such folder " + folder);
            return USAGE;
        }
        VerifierKey pinned = null;
        if (key != null) {
            try {
                pinned = VerifyCommand.readKey(key);
            } catch (IllegalArgumentException | IOException e) {
                System.err.println("--key " + key + ": " + e.getMessage());
                return USAGE;
            }
        }
        try {
            String summary = new ReportGenerator(ReportFonts.load()).write(bundle, pinned, language, output);
            System.out.println(summary);
            System.out.println("wrote " + output + " (" + Files.size(output) + " bytes, " + language.code()
                    + ", PDF/A-3b with the bundle attached)");
            return 0;
        } catch (BundleRefusedException e) {
            System.err.println(e.getMessage());
            System.err.println("report refused: no PDF written");
            return REFUSED;
        } catch (IllegalStateException e) {
            System.err.println("report: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            System.err.println("report: cannot write " + output + ": " + e.getMessage());
            return REFUSED;
        }
    }
}
