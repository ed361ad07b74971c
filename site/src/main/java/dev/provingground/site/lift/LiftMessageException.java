package dev.provingground.site.lift;

/** A lift message that cannot be encoded or decoded; {@link #field()} names the offending JSON field. */
public final class LiftMessageException extends IllegalArgumentException {

    private final String field;

    public LiftMessageException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
