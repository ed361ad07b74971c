package dev.provingground.app;

import dev.provingground.trackrecord.verify.VerifyCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify an exported track-record bundle offline: exit 0 and a one-line summary when valid, "
                + "non-zero naming the first bad line otherwise.")
public final class VerifyCli implements Callable<Integer> {

    @Parameters(paramLabel = "BUNDLE", description = "the .zip bundle from export")
    Path bundle;

    @Option(names = "--key", paramLabel = "VERIFIER_KEY",
            description = "pin the log's verifier key (a C2SP key string, or a file holding one) instead of trusting the bundle's copy")
    String key;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(List.of(bundle.toString()));
        if (key != null) args.addAll(List.of("--key", key));
        return VerifyCommand.run(args.toArray(String[]::new), System.out, System.err);
    }
}
