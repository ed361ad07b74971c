package dev.provingground.trackrecord.event;

/** Bytes that are not a valid track-record event; the message names the field and what is wrong. */
public final class EventFormatException extends IllegalArgumentException {

    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
