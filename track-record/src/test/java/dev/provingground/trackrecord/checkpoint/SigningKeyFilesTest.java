package dev.provingground.trackrecord.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void firstStartCreatesAPrivateKeyReadableOnlyByItsOwner() throws Exception {
        NoteSigner signer = SigningKeyFiles.loadOrCreate(dir, "proving-ground");

        Path privateFile = dir.resolve(SigningKeyFiles.PRIVATE_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve(SigningKeyFiles.PUBLIC_FILE)).strip())
                .isEqualTo(signer.verifierKey().encoded());
        assertThat(Files.readString(privateFile)).startsWith("PRIVATE+KEY+proving-ground+");
    }

    @Test
    void laterStartsLoadTheSameKey() {
        NoteSigner first = SigningKeyFiles.loadOrCreate(dir, "proving-ground");
        NoteSigner second = SigningKeyFiles.loadOrCreate(dir, "another-name-is-ignored");

        assertThat(second.verifierKey()).isEqualTo(first.verifierKey());
        assertThat(second.sign("t\n").verify(first.verifierKey())).isEqualTo("t\n");
    }

    @Test
    void aPrivateKeyOthersCanReadIsRefused() throws Exception {
        SigningKeyFiles.loadOrCreate(dir, "proving-ground");
        Files.setPosixFilePermissions(dir.resolve(SigningKeyFiles.PRIVATE_FILE), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> SigningKeyFiles.loadOrCreate(dir, "proving-ground"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("0600");
    }

    @Test
    void aMissingPrivateKeyIsNotSilentlyReplaced() throws Exception {
        SigningKeyFiles.loadOrCreate(dir, "proving-ground");
        Files.delete(dir.resolve(SigningKeyFiles.PRIVATE_FILE));

        assertThatThrownBy(() -> SigningKeyFiles.loadOrCreate(dir, "proving-ground"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SigningKeyFiles.PRIVATE_FILE + " is missing");
    }
}
