package dev.provingground.report.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one list, in log order. At most {@link #MAX_LINES} are kept, so a bundle with an outsized list still
 * fits in memory and in a readable document; {@link #total()} says how many there were.
 */
public final class EventList {

    public static final int MAX_LINES = 10_000;

    private final List<ListedEvent> lines = new ArrayList<>();
    private long total;

    /** Adds a line; returns its position in {@link #lines()}, or -1 when it was counted but not kept. */
    int add(ListedEvent line) {
        total++;
        if (lines.size() >= MAX_LINES) {
            return -1;
        }
        lines.add(line);
        return lines.size() - 1;
    }

    void replace(int position, ListedEvent line) {
        lines.set(position, line);
    }

    ListedEvent get(int position) {
        return lines.get(position);
    }

    public List<ListedEvent> lines() {
        return List.copyOf(lines);
    }

    /** Lines seen, kept or not. */
    public long total() {
        return total;
    }

    public long leftOut() {
        return total - lines.size();
    }
}
