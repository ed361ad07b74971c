package dev.provingground.app;

import dev.provingground.report.BundleRefusedException;
import dev.provingground.report.ReportGenerator;
import dev.provingground.report.pdf.ReportFonts;
import dev.provingground.report.text.Language;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.verify.VerifyCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) {
        if (!Files.isRegularFile(bundle)) {
            err.println(bundle + ": no such file");
            return USAGE;
        }
        Path folder = output.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            err.println(output + ": no such folder " + folder);
            return USAGE;
        }
        VerifierKey pinned = null;
        if (key != null) {
            try {
                pinned = VerifyCommand.readKey(key);
            } catch (IllegalArgumentException | IOException e) {
                err.println("--key " + key + ": " + e.getMessage());
                return USAGE;
            }
        }
        try {
            String summary = new ReportGenerator(ReportFonts.load()).write(bundle, pinned, language, output);
            out.println(summary);
            out.println("wrote " + output + " (" + Files.size(output) + " bytes, " + language.code()
                    + ", PDF/A-3b with the bundle attached)");
            return 0;
        } catch (BundleRefusedException e) {
            err.println(e.getMessage());
            err.println("report refused: no PDF written");
            return REFUSED;
        } catch (IllegalStateException e) {
            err.println("report: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("report: cannot write " + output + ": " + e.getMessage());
            return REFUSED;
        }
    }
}
