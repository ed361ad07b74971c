package dev.provingground.server.sites;

import java.util.List;

/**
 * A site sent over the API that cannot be used; nothing was changed.
 *
 * @param problems every problem, each as {@code json.path: what is wrong}
 */
public final class InvalidSiteException extends RuntimeException {

    private final String source;
    private final List<String> problems;

    public InvalidSiteException(String source, List<String> problems) {
        super(source + ": " + (problems.isEmpty() ? "invalid site" : problems.get(0))
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "")
                + "; nothing was changed");
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }
}
