package dev.provingground.site;

import java.util.List;

/**
 * A site file that cannot be used. Carries every problem found, not just the first, each as
 * {@code source: json.path: what is wrong} — for example
 * {@code demo.json: levels[1].lanes[4].to: unknown waypoint "L2-x9"}.
 */
public final class SiteValidationException extends IllegalArgumentException {

    private final String source;
    private final List<String> problems;

    private SiteValidationException(String source, List<String> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** @param pathProblems problems as {@code json.path: what is wrong}; the source is put in front of each */
    static SiteValidationException in(String source, List<String> pathProblems) {
        return new SiteValidationException(source, pathProblems.stream().map(p -> source + ": " + p).toList());
    }

    private static String message(String source, List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        return problems.size() + " problems in " + source + ":\n  " + String.join("\n  ", problems);
    }

    /** Name of the file or request the site came from. */
    public String source() {
        return source;
    }

    /** Every problem, each naming the source, the JSON path and what is wrong. */
    public List<String> problems() {
        return problems;
    }
}
