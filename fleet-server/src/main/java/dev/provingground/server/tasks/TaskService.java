package dev.provingground.server.tasks;

import dev.provingground.server.elevator.ElevatorService;
import dev.provingground.server.errors.ConflictException;
import dev.provingground.server.errors.NotFoundException;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.orders.OrderSender;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.server.time.Scheduler;
import dev.provingground.server.traffic.ZoneSlots;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.trackrecord.event.TaskLifecycle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Tasks from request to completion, as the API and the server's wiring see them: submitted ({@link TaskIntake}),
 * kept and persisted at every step ({@link TaskBook}), dispatched in rounds ({@link DispatchRound}), driven stop by
 * stop with VDA 5050 orders ({@link StopOrders}, {@link Journey}) as robot states, elevator notices and connection
 * changes come in ({@link TaskReactor}), and put back in the queue or given up ({@link RequeuePolicy}). After a
 * restart, queued tasks stay queued and underway ones are dispatched again. Runs on the server's event loop.
 *
 * <p>A stop on another floor is reached through elevator rides: each order's base is released only up to the next
 * car the robot does not hold and extended with order updates as the elevator manager grants it ({@link Journey}).
 */
public final class TaskService {

    private final TaskBook book;
    private final TaskIntake intake;
    private final TaskEvents taskEvents;
    private final Journeys journeys;
    private final OrderCancels cancels;
    private final DispatchRequests dispatch;
    private final DispatchRound round;
    private final TaskReactor reactor;
    private final Clock clock;

    /**
     * Listens to the robots of {@code registry} and the rides of {@code elevators} from now on.
     *
     * @param home where what robots report is handed to the task book: the server's context, whichever lane a robot
     *             reports on
     */
    public TaskService(TaskStore store, TaskPlanner planner, Dispatcher dispatcher, SiteCatalog sites,
                       ZoneService zones, RobotRegistry registry, OrderSender orders, EventHub events,
                       ElevatorService elevators, Clock clock, Scheduler scheduler, Random ids, Executor home) {
        this.clock = clock;
        this.book = new TaskBook(store, clock, ids);
        this.intake = new TaskIntake(sites, planner, dispatcher, book, clock);
        this.taskEvents = new TaskEvents(registry, events, clock);
        this.journeys = new Journeys();
        this.cancels = new OrderCancels(registry, orders);
        // Requests run the round through this service: the round is built from parts that themselves ask for rounds.
        this.dispatch = new DispatchRequests(scheduler, this::dispatchRound);
        RequeuePolicy requeues = new RequeuePolicy(book, journeys, taskEvents, cancels, dispatch, clock);
        StopOrders stopOrders = new StopOrders(book, journeys, requeues, dispatcher, sites, zones, new ZoneSlots(zones),
                registry, orders, elevators, clock);
        Rescues rescues = new Rescues(registry, sites, elevators, orders, events);
        this.round = new DispatchRound(book, dispatcher, planner, sites, zones, registry, rescues, stopOrders, requeues,
                cancels, taskEvents, clock);
        this.reactor = new TaskReactor(book, journeys, stopOrders, requeues, taskEvents, rescues, registry, dispatch);
        book.addListener(dispatch::requestIfRobotFreed);
        book.addListener(journeys::orderReplaced);
        elevators.addListener(reactor);
        registry.addListener(RobotListener.on(home, reactor, new ReactorGate(book, rescues)));
        // Added after the track record's sink, so a zone's violation is on the record before the cancellation.
        events.addSink(new ZoneCancels(book, journeys, taskEvents, clock));
    }

    /** Accepts a task and queues it for a dispatch round; completes once it is saved. */
    public CompletableFuture<Task> submit(TaskSubmission submission) {
        Task task = intake.accept(submission);
        CompletableFuture<Task> saved = book.update(task);
        dispatch.request();
        return saved;
    }

    /** A live task (or one finished a moment ago); never reads the store, so it suits the event loop. */
    public Optional<Task> findLive(String id) {
        return book.findLive(id);
    }

    /** A task, live or finished. Reads the store for a finished one: safe from any thread, best on a worker. */
    public Optional<Task> find(String id) {
        return book.findAnywhere(id);
    }

    /** The tasks not finished, and those finished a moment ago that the archive does not hold yet. */
    public List<Task> live() {
        List<Task> out = new ArrayList<>(book.live());
        out.addAll(book.archiving());
        return out;
    }

    /**
     * The archive's part of {@code listing}. Reads the store: safe from any thread, meant for a worker; merge it with
     * {@link TaskListing#liveCandidates} of {@link #live()} taken on the event loop.
     */
    public TaskPage archivedPage(TaskListing listing) {
        return book.store().archivedPage(listing.cursor(), listing.newestFirst(), listing.keep(), listing.limit());
    }

    /**
     * Every task, live and finished, in {@link TaskOrder}. Reads the whole archive: for tests and tools, never for the
     * event loop of a server with a history.
     */
    public List<Task> all() {
        TaskListing everything = new TaskListing(null, false, (status, firm, assignee) -> true, Integer.MAX_VALUE);
        return everything.merge(everything.liveCandidates(live()), archivedPage(everything)).tasks();
    }

    /** Robots doing a task now or being brought out of an elevator car; others (the demo's own traffic) leave them alone. */
    public Set<String> busyRobots() {
        return round.busyRobots();
    }

    public CompletableFuture<Task> cancel(String id, String actor) {
        Task t = book.findAnywhere(id).orElseThrow(() -> new NotFoundException("no task \"" + id + "\""));
        TaskStatus status = t.progress().status();
        if (status.isFinal()) throw new ConflictException("task " + id + " is already " + status.wireName());
        if (status == TaskStatus.UNDERWAY) cancels.cancel(t.progress().assignedTo(), t.id());
        journeys.drop(t.id());
        String why = "canceled by " + actor;
        taskEvents.publish(t, TaskLifecycle.Phase.CANCELLED, why);
        return book.update(t.withStatus(TaskStatus.CANCELED, clock.instant(), why));
    }

    /**
     * Asks for a dispatch round as soon as the server's context is free. Requests coalesce: while one round is
     * pending, more requests add nothing, so a burst of events costs one round.
     */
    public void requestDispatch() {
        dispatch.request();
    }

    /** One dispatch round now: robots low on battery get a charge task, then every waiting task whose time has come. */
    public void dispatchRound() {
        round.run();
    }

    /** Moves journeys on that wait for an elevator or a zone rather than for the robot; called after each elevator tick. */
    public void advanceRides() {
        reactor.advanceRides();
    }
}
