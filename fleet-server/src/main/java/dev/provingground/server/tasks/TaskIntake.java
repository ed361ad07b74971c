package dev.provingground.server.tasks;

import dev.provingground.server.errors.InvalidInputException;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.site.Site;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns a submission into a queued task: checks it against the site, plans its stops, and refuses at once a task no
 * robot of the site could ever do, naming every candidate and why it was left out.
 */
final class TaskIntake {

    private final SiteCatalog sites;
    private final TaskPlanner planner;
    private final Dispatcher dispatcher;
    private final TaskBook book;
    private final Clock clock;

    TaskIntake(SiteCatalog sites, TaskPlanner planner, Dispatcher dispatcher, TaskBook book, Clock clock) {
        this.sites = sites;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.book = book;
        this.clock = clock;
    }

    /** @throws InvalidInputException naming the field at fault, or the task when no robot could do it */
    Task accept(TaskSubmission s) {
        if (s.site() == null || s.site().isBlank()) throw new InvalidInputException("site", "required");
        Site site = sites.find(s.site()).orElseThrow(() -> new InvalidInputException("site", "unknown site \""
                + s.site() + "\"; known: " + sites.ids()));
        TaskCategory category = TaskCategory.fromWire(s.category()).orElseThrow(() -> new InvalidInputException(
                "category", "must be one of delivery, serving, disinfection, go_to_place, charge; got \""
                + s.category() + "\""));
        if (s.description() == null || !s.description().isObject())
            throw new InvalidInputException("description", "a JSON object is required");
        List<Stop> stops = planner.plan(site.id(), category, s.description());
        Instant now = clock.instant();
        Instant earliest = s.earliestStartMillis() == null ? now : Instant.ofEpochMilli(s.earliestStartMillis());
        Task task = Task.queued(new TaskRequest(book.newId(), site.id(), category, s.description(), earliest,
                s.priority() == null ? 0 : s.priority(), s.labels(), s.requester(), s.firm(), s.firms(),
                category.robotKind(), null, stops, now));
        Dispatcher.Outcome probe = dispatcher.possible(task, now);
        if (probe.impossible()) throw new InvalidInputException("task", "cannot be done: " + probe.reason(),
                Map.of("candidates", probe.decision().candidates().stream()
                        .map(DispatchDecision.Candidate::fields).toList()));
        return task;
    }
}
