package dev.provingground.server.tasks;

/**
 * Decides from an archived task's index entry alone whether a listing wants it, so a page is found without reading
 * every task it passes over.
 */
@FunctionalInterface
public interface ArchivedTaskFilter {

    /**
     * @param firm     the firm that requested it, null for an operator's or the server's own task
     * @param assignee the robot it was last assigned to, null if none
     */
    boolean keeps(TaskStatus status, String firm, String assignee);
}
