package dev.provingground.vda5050;

import java.time.Instant;

/** The five header fields every VDA 5050 message starts with. */
public record Header(long headerId, Instant timestamp, String version, String manufacturer, String serialNumber) {

    /** The protocol version this module writes. */
    public static final String PROTOCOL_VERSION = "2.1.0";
}
