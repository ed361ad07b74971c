package dev.provingground.site;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a document so that all of it is reported at once. */
final class Problems {

    private final List<String> found = new ArrayList<>();

    void add(String path, String message) {
        found.add((path.isEmpty() ? "(root)" : path) + ": " + message);
    }

    /** A mark to compare against later: no new problems since the mark means the element read cleanly. */
    int mark() {
        return found.size();
    }

    boolean noneSince(int mark) {
        return found.size() == mark;
    }

    List<String> list() {
        return List.copyOf(found);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }
}
