package dev.provingground.profiles;

/**
 * A profile value that breaks a rule, naming the field by its path inside the profile (for example
 * {@code service.massEmptyKg}) so that the loader can tell the author exactly where to look.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public InvalidFieldException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
