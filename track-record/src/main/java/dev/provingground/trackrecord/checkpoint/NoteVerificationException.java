package dev.provingground.trackrecord.checkpoint;

/** A signed note that parses but is not signed by the trusted key. */
public final class NoteVerificationException extends RuntimeException {

    public NoteVerificationException(String message) {
        super(message);
    }
}
