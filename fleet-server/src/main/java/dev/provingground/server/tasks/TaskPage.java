package dev.provingground.server.tasks;

import java.util.List;

/**
 * One page of a task listing.
 *
 * @param next the cursor to ask for the page after this one with, null when this is the last
 */
public record TaskPage(List<Task> tasks, String next) {

    public TaskPage {
        tasks = List.copyOf(tasks);
    }
}
