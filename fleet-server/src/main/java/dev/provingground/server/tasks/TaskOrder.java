package dev.provingground.server.tasks;

import java.util.Comparator;

/**
 * The order tasks are listed in, live and archived alike: by the millisecond they were requested, then by id. A
 * task's key in that order is the cursor a listing pages on; it sorts as text the way the tasks sort.
 */
public final class TaskOrder {

    public static final Comparator<Task> COMPARATOR = Comparator.comparing(TaskOrder::key);

    private TaskOrder() {
    }

    /** Milliseconds since 1970 zero-padded to 15 digits, {@code /}, the id. */
    public static String key(Task t) {
        return String.format("%015d/%s", t.request().requestedAt().toEpochMilli(), t.id());
    }
}
