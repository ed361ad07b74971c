package dev.provingground.server.time;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A test clock kept in UTC: the server reads instants from its clock, never a local time. */
abstract class UtcClock extends Clock {

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) return this;
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps time in UTC only");
    }
}
