package dev.provingground.vda5050;

import static dev.provingground.vda5050.MessageFields.OPTIONAL;
import static dev.provingground.vda5050.MessageFields.REQUIRED;

/** Reads the five header fields; which of them are required differs between topics and versions. */
final class HeaderReader {

    private HeaderReader() {
    }

    /** All five required: order, instantActions (2.1), state, connection. */
    static Header required(MessageFields f) {
        return read(f, REQUIRED, REQUIRED);
    }

    /** headerId and timestamp optional, identity required: factsheet. */
    static Header identityRequired(MessageFields f) {
        return read(f, OPTIONAL, REQUIRED);
    }

    /** Nothing required: visualization, and instantActions under the 2.0.0 schema. */
    static Header optional(MessageFields f) {
        return read(f, OPTIONAL, OPTIONAL);
    }

    private static Header read(MessageFields f, boolean idAndTimeRequired, boolean identityRequired) {
        return new Header(
                f.integerOrZero("headerId", idAndTimeRequired),
                f.timestamp("timestamp", idAndTimeRequired),
                f.string("version", identityRequired),
                f.string("manufacturer", identityRequired),
                f.string("serialNumber", identityRequired));
    }
}
