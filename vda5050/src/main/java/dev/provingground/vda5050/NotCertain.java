package dev.provingground.vda5050;

/**
 * Thrown inside the streaming decoder when a payload is not plainly a valid message (a wrong type, a missing or
 * duplicate field, a bound crossed, a form the tree decoder reads more leniently): the tree decoder then reads the
 * same bytes and decides, so every error and every lenient reading stays the tree decoder's. Never leaves the
 * decoder, hence one shared instance without a stack trace.
 */
final class NotCertain extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final NotCertain INSTANCE = new NotCertain();

    private NotCertain() {
        super("left to the tree decoder", null, false, false);
    }
}
