package dev.provingground.trackrecord.verify;

import dev.provingground.trackrecord.checkpoint.VerifierKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code proving-ground verify BUNDLE [--key VERIFIER_KEY]}: {@code VERIFIER_KEY} is a file holding the C2SP verifier
 * key string, or the string itself. Exit 0 and a one-line summary when the bundle is valid; 1 and the first problem
 * when it is not; 2 for a usage error or an unreadable key or bundle.
 */
public final class VerifyCommand {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = "usage: proving-ground verify BUNDLE [--key VERIFIER_KEY]";

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command with {@code args} not including the word {@code verify}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path bundle = null;
        String keyArgument = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--key")) {
                if (i + 1 >= args.length) {
                    err.println("--key needs a verifier key file or string");
                    err.println(USAGE_TEXT);
                    return USAGE;
                }
                keyArgument = args[++i];
            } else if (arg.startsWith("--key=")) {
                keyArgument = arg.substring("--key=".length());
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE_TEXT);
                return VALID;
            } else if (arg.startsWith("-")) {
                err.println("unknown option " + arg);
                err.println(USAGE_TEXT);
                return USAGE;
            } else if (bundle == null) {
                bundle = Path.of(arg);
            } else {
                err.println("only one bundle can be verified at a time, got also " + arg);
                err.println(USAGE_TEXT);
                return USAGE;
            }
        }
        if (bundle == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (!Files.isRegularFile(bundle)) {
            err.println(bundle + ": no such file");
            return USAGE;
        }
        VerifierKey key = null;
        if (keyArgument != null) {
            try {
                key = readKey(keyArgument);
            } catch (IllegalArgumentException | IOException e) {
                err.println("--key " + keyArgument + ": " + e.getMessage());
                return USAGE;
            }
        }
        VerifyResult result = new BundleVerifier().verify(bundle, key);
        if (result.ok()) {
            out.println(result.summary());
            return VALID;
        }
        err.println(result.summary());
        return INVALID;
    }

    /** A verifier key from a file holding it or from the key string itself. */
    public static VerifierKey readKey(String argument) throws IOException {
        Path file = Path.of(argument);
        if (Files.isRegularFile(file)) {
            return VerifierKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        }
        if (argument.contains("+")) {
            return VerifierKey.parse(argument);
        }
        throw new IllegalArgumentException("neither a readable file nor a verifier key string");
    }
}
