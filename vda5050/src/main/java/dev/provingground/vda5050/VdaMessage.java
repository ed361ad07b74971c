package dev.provingground.vda5050;

import java.time.Instant;

/** A VDA 5050 message: one of the six topic records, flat like its JSON with the header fields first. */
public sealed interface VdaMessage permits Order, InstantActions, State, Visualization, Connection, Factsheet {

    long headerId();

    Instant timestamp();

    String version();

    String manufacturer();

    String serialNumber();

    /** The topic this message travels on. */
    Topic topic();

    /** A copy with all five header fields replaced. */
    VdaMessage withHeader(Header header);

    default Header header() {
        return new Header(headerId(), timestamp(), version(), manufacturer(), serialNumber());
    }
}
