package dev.provingground.trackrecord.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A C2SP {@code signed-note}: text (non-empty, newline-terminated, no control characters but newline), a blank
 * line, then signature lines {@code — <key name> <base64(key ID || signature)>}.
 */
public record SignedNote(String text, List<Signature> signatures) {

    /** The separator before a signature: U+2014 EM DASH and a space. */
    static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final int MAX_SIGNATURES = 100;

    public record Signature(String keyName, byte[] keyId, byte[] signature) {
        public Signature {
            VerifierKey.requireValidName(keyName);
            if (keyId.length != 4) {
                throw new IllegalArgumentException("signature key ID must be 4 bytes, got " + keyId.length);
            }
            keyId = keyId.clone();
            signature = signature.clone();
        }

        @Override
        public byte[] keyId() {
            return keyId.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        String line() {
            byte[] blob = new byte[4 + signature.length];
            System.arraycopy(keyId, 0, blob, 0, 4);
            System.arraycopy(signature, 0, blob, 4, signature.length);
            return SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        }
    }

    public SignedNote {
        requireValidText(text);
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed note needs at least one signature");
        }
    }

    /** The note as it travels: text, blank line, signature lines. */
    public String encoded() {
        StringBuilder out = new StringBuilder(text).append('\n');
        for (Signature signature : signatures) {
            out.append(signature.line());
        }
        return out.toString();
    }

    public static SignedNote parse(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("signed note has no blank line between text and signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new IllegalArgumentException("signed note's signature block must be non-empty and end with a newline");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new IllegalArgumentException("signed note carries " + lines.length + " signatures, more than "
                    + MAX_SIGNATURES);
        }
        List<Signature> signatures = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            signatures.add(parseSignatureLine(lines[i], i + 1));
        }
        return new SignedNote(text, signatures);
    }

    private static Signature parseSignatureLine(String line, int number) {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new IllegalArgumentException("signature line " + number + " does not start with an em dash and a space: '"
                    + line + "'");
        }
        String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("signature line " + number + " must be '— <name> <signature>': '" + line + "'");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature line " + number + " signature is not base64: '" + parts[1] + "'", e);
        }
        if (blob.length < 5) {
            throw new IllegalArgumentException("signature line " + number + " is too short to hold a key ID and a signature");
        }
        return new Signature(parts[0], Arrays.copyOf(blob, 4), Arrays.copyOfRange(blob, 4, blob.length));
    }

    /**
     * Checks the note against one trusted key: the first signature carrying that key's name and ID must verify;
     * signatures by other keys are ignored.
     *
     * @return the verified text
     * @throws NoteVerificationException naming what is wrong
     */
    public String verify(VerifierKey key) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        for (Signature signature : signatures) {
            if (signature.keyName.equals(key.name()) && Arrays.equals(signature.keyId, key.keyId())) {
                if (!key.verifies(message, signature.signature)) {
                    throw new NoteVerificationException("signature by " + key.name() + "+"
                            + HexFormat.of().formatHex(key.keyId()) + " does not verify over the note text");
                }
                return text;
            }
        }
        throw new NoteVerificationException("note is not signed by " + key.name() + "+" + HexFormat.of().formatHex(key.keyId())
                + " (signed by " + signatures.stream().map(s -> s.keyName + "+" + HexFormat.of().formatHex(s.keyId)).toList() + ")");
    }

    private static void requireValidText(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("note text must not be empty");
        }
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must end with a newline");
        }
        if (text.contains("\n\n")) {
            throw new IllegalArgumentException("note text must not contain a blank line");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n') || c == 0x7f) {
                throw new IllegalArgumentException(String.format("note text contains control character U+%04X at offset %d", (int) c, i));
            }
        }
    }
}
