package dev.provingground.trackrecord.checkpoint;

/** A checkpoint together with the exact signed note that carries it. */
public record SignedCheckpoint(Checkpoint checkpoint, String note) {

    public SignedCheckpoint {
        if (checkpoint == null || note == null) {
            throw new IllegalArgumentException("a signed checkpoint needs both the checkpoint and its note");
        }
    }

    public static SignedCheckpoint sign(Checkpoint checkpoint, NoteSigner signer) {
        return new SignedCheckpoint(checkpoint, signer.sign(checkpoint).encoded());
    }

    /**
     * Parses a signed note, checks its signature with {@code key} and reads the checkpoint body.
     *
     * @throws IllegalArgumentException when the note or body is malformed
     * @throws NoteVerificationException when the key did not sign it
     */
    public static SignedCheckpoint verify(String note, VerifierKey key) {
        String text = SignedNote.parse(note).verify(key);
        return new SignedCheckpoint(Checkpoint.parse(text), note);
    }

    public long treeSize() {
        return checkpoint.treeSize();
    }
}
