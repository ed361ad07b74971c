package dev.provingground.trackrecord.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.trackrecord.TestVectors;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    private final JsonNode example = TestVectors.json("testvectors/c2sp-signed-note.json");

    @Test
    void theC2spExampleNoteVerifiesWithItsVerifierKey() {
        VerifierKey key = VerifierKey.parse(example.get("verifierKey").asText());
        SignedNote note = SignedNote.parse(example.get("signedNote").asText());

        assertThat(note.verify(key)).isEqualTo(example.get("text").asText());
        assertThat(key.name()).isEqualTo("example.com/foo");
        assertThat(key.encoded()).isEqualTo(example.get("verifierKey").asText());
        assertThat(note.encoded()).isEqualTo(example.get("signedNote").asText());
    }

    @Test
    void theC2spExampleFailsWhenItsTextChanges() {
        VerifierKey key = VerifierKey.parse(example.get("verifierKey").asText());
        String altered = example.get("signedNote").asText().replace("example message", "example massage");

        assertThatThrownBy(() -> SignedNote.parse(altered).verify(key))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void aNoteSignedByAnotherKeyIsRejectedNamingBothKeys() {
        NoteSigner ours = NoteSigner.generate("proving-ground");
        NoteSigner theirs = NoteSigner.generate("proving-ground");
        SignedNote note = theirs.sign("hello\n");

        assertThatThrownBy(() -> note.verify(ours.verifierKey()))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("not signed by proving-ground+");
    }

    @Test
    void aGeneratedKeySignsNotesItsVerifierKeyAccepts() {
        NoteSigner signer = NoteSigner.generate("proving-ground.test");
        Checkpoint checkpoint = new Checkpoint("proving-ground/site-a/acme", 42, new byte[32]);
        SignedCheckpoint signed = SignedCheckpoint.sign(checkpoint, signer);

        VerifierKey reparsed = VerifierKey.parse(signer.verifierKey().encoded());
        SignedCheckpoint verified = SignedCheckpoint.verify(signed.note(), reparsed);

        assertThat(verified.checkpoint()).isEqualTo(checkpoint);
        assertThat(signed.note()).startsWith("proving-ground/site-a/acme\n42\n" + Base64.getEncoder().encodeToString(new byte[32])
                + "\n\n\u2014 proving-ground.test ");
    }

    @Test
    void signerKeysSurviveTheirTextForm() {
        NoteSigner signer = NoteSigner.generate("pg");
        NoteSigner restored = NoteSigner.fromKeys(signer.privateKeyText(), signer.verifierKey());

        assertThat(restored.sign("x\n").verify(signer.verifierKey())).isEqualTo("x\n");
        assertThatThrownBy(() -> NoteSigner.fromKeys(signer.privateKeyText(), NoteSigner.generate("pg").verifierKey()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match verifier key");
    }

    @Test
    void keysWhoseBase64ContainsAPlusSignStillParse() {
        NoteSigner signer = NoteSigner.generate("pg");
        for (int attempt = 0; attempt < 1000 && !base64Part(signer.verifierKey().encoded()).contains("+"); attempt++) {
            signer = NoteSigner.generate("pg");
        }
        String encoded = signer.verifierKey().encoded();
        assertThat(base64Part(encoded)).contains("+");

        assertThat(VerifierKey.parse(encoded)).isEqualTo(signer.verifierKey());
        assertThat(NoteSigner.fromKeys(signer.privateKeyText(), signer.verifierKey()).verifierKey())
                .isEqualTo(signer.verifierKey());
    }

    private static String base64Part(String key) {
        return key.substring(key.indexOf('+', key.indexOf('+') + 1) + 1);
    }

    @Test
    void malformedVerifierKeysAreRejectedWithTheReason() {
        String good = VerifierKey.parse(example.get("verifierKey").asText()).encoded();
        assertThatThrownBy(() -> VerifierKey.parse("example.com/foo+530d903a"))
                .hasMessageContaining("name+keyid+key");
        assertThatThrownBy(() -> VerifierKey.parse(good.replace("+530d903a+", "+530d903b+")))
                .hasMessageContaining("does not match its name and key");
        assertThatThrownBy(() -> VerifierKey.parse("example.com/foo+530d903a+AgAA"))
                .hasMessageContaining("not an Ed25519 key");
    }

    @Test
    void malformedNotesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> SignedNote.parse("no blank line\n— a b\n"))
                .hasMessageContaining("no blank line");
        assertThatThrownBy(() -> SignedNote.parse("text\n\n-- a AAAAAAAA\n"))
                .hasMessageContaining("em dash");
        assertThatThrownBy(() -> SignedNote.parse("text\n\n— a !!!\n"))
                .hasMessageContaining("not base64");
    }

    @Test
    void checkpointBodiesRoundTripAndRejectBadSizes() {
        Checkpoint checkpoint = new Checkpoint("proving-ground/s", 7, new byte[32]);
        assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
        assertThat(Checkpoint.parse(checkpoint.body() + "extension line\n")).isEqualTo(checkpoint);
        assertThatThrownBy(() -> Checkpoint.parse("o\n07\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n"))
                .hasMessageContaining("not a decimal number");
        assertThatThrownBy(() -> Checkpoint.parse("o\n7\nAAAA\n"))
                .hasMessageContaining("root hash must be 32 bytes");
    }
}
