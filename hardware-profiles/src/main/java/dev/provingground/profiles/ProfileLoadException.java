package dev.provingground.profiles;

import java.util.Optional;

/**
 * A profile file that cannot be loaded. The message names the file, the field path inside it when there is
 * one, and what is wrong, e.g. {@code sidewalk-delivery.json: service.massEmptyKg: must be > 0, got -3}.
 */
public class ProfileLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String field;
    private final String problem;

    public ProfileLoadException(String file, String field, String problem) {
        this(file, field, problem, null);
    }

    public ProfileLoadException(String file, String field, String problem, Throwable cause) {
        super(file + ": " + (field == null ? "" : field + ": ") + problem, cause);
        this.file = file;
        this.field = field;
        this.problem = problem;
    }

    /** The file (or directory) the problem is in. */
    public String file() {
        return file;
    }

    /** Path of the offending field inside the file; empty for problems of the file as a whole. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public String problem() {
        return problem;
    }
}
