package dev.provingground.server.errors;

/** The request contradicts what exists (a duplicate, a robot that is not connected...). Nothing was changed. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
