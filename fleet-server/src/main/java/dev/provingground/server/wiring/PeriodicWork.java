package dev.provingground.server.wiring;

import dev.provingground.server.lifecycle.Lifecycle;
import dev.provingground.server.time.Scheduler;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Work the server does on its scheduler every so often, from the moment it starts until it stops. */
final class PeriodicWork implements Lifecycle {

    private record Job(Duration period, Runnable work) {
    }

    private final Scheduler scheduler;
    private final List<Job> jobs = new ArrayList<>();
    private final List<Long> timers = new ArrayList<>();

    PeriodicWork(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Adds {@code work} to run every {@code period} once started; jobs due at the same moment run in this order. */
    PeriodicWork every(Duration period, Runnable work) {
        jobs.add(new Job(period, work));
        return this;
    }

    @Override
    public Future<Void> start() {
        for (Job job : jobs) timers.add(scheduler.periodic(job.period(), job.work()));
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        timers.forEach(scheduler::cancel);
        timers.clear();
        return Future.succeededFuture();
    }
}
