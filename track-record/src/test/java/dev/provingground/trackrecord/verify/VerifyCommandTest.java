package dev.provingground.trackrecord.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return VerifyCommand.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8));
    }

    @Test
    void noBundleIsAUsageError() {
        assertThat(run()).isEqualTo(VerifyCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: proving-ground verify BUNDLE [--key VERIFIER_KEY]");
    }

    @Test
    void aMissingBundleFileIsNamed() {
        assertThat(run(dir.resolve("nope.zip").toString())).isEqualTo(VerifyCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.zip: no such file");
    }

    @Test
    void anUnreadableKeyIsAUsageErrorNamingIt() throws Exception {
        Path bundle = Files.writeString(dir.resolve("b.zip"), "not a zip");
        assertThat(run(bundle.toString(), "--key", "garbage")).isEqualTo(VerifyCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--key garbage: neither a readable file nor a verifier key string");
    }

    @Test
    void aFileThatIsNotAZipIsInvalid() throws Exception {
        Path bundle = Files.writeString(dir.resolve("b.zip"), "not a zip");
        assertThat(run(bundle.toString())).isEqualTo(VerifyCommand.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the bundle as a zip file");
    }
}
