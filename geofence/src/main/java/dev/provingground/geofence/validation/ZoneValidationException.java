package dev.provingground.geofence.validation;

import java.util.List;

/** A zone collection was rejected; nothing was changed. Carries every problem found, in document order. */
public class ZoneValidationException extends IllegalArgumentException {

    private final String source;
    private final List<Problem> problems;

    public ZoneValidationException(String source, List<Problem> problems) {
        super(summary(source, problems));
        if (problems.isEmpty()) throw new IllegalArgumentException("a validation failure needs at least one problem");
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** Name of the file, request or other input the zones came from. */
    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(String source, List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(source).append(": ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        for (Problem p : problems) sb.append("\n  ").append(p.describe());
        return sb.toString();
    }
}
