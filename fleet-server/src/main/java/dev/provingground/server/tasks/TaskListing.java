package dev.provingground.server.tasks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One page of a task listing in {@link TaskOrder}, put together from the live tasks (held in memory) and a page of
 * the archive read from the store. Pure: which tasks, in which order, and where the next page starts.
 *
 * @param cursor      the key the page starts after (exclusive), null from the start
 * @param newestFirst whether the listing runs from the newest request back
 * @param limit       at most this many tasks
 */
public record TaskListing(String cursor, boolean newestFirst, ArchivedTaskFilter keep, int limit) {

    /**
     * Those of {@code live} (any order) this listing may take, in its order: at most one more than {@link #limit}, to
     * tell whether a page follows.
     */
    public List<Task> liveCandidates(List<Task> live) {
        return live.stream().filter(this::kept).filter(this::beyondCursor).sorted(order())
                .limit(limit == Integer.MAX_VALUE ? limit : limit + 1L).toList();
    }

    /**
     * The page: {@code live} (as {@link #liveCandidates} gave them) and the archive's page merged; a task in both
     * (archived while the page was read) is taken once.
     */
    public TaskPage merge(List<Task> live, TaskPage archived) {
        Set<String> seen = new HashSet<>();
        List<Task> all = new ArrayList<>();
        for (Task t : live) if (seen.add(t.id())) all.add(t);
        for (Task t : archived.tasks()) if (seen.add(t.id())) all.add(t);
        all.sort(order());
        boolean more = all.size() > limit || archived.next() != null;
        List<Task> page = all.subList(0, Math.min(limit, all.size()));
        return new TaskPage(page, more && !page.isEmpty() ? TaskOrder.key(page.get(page.size() - 1)) : null);
    }

    private boolean kept(Task t) {
        return keep.keeps(t.progress().status(), t.request().firm(), t.progress().assignedTo());
    }

    private boolean beyondCursor(Task t) {
        if (cursor == null) return true;
        int c = TaskOrder.key(t).compareTo(cursor);
        return newestFirst ? c < 0 : c > 0;
    }

    private Comparator<Task> order() {
        return newestFirst ? TaskOrder.COMPARATOR.reversed() : TaskOrder.COMPARATOR;
    }
}
