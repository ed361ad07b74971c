package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.event.TaskLifecycle;
import dev.provingground.trackrecord.event.TrackEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Missions counted once each, by task id, so the counts add up: a mission is started when it is first dispatched in
 * the scope (its first ASSIGNED or STARTED event), and each started mission is completed, failed, cancelled or still
 * running at the end of the scope. A mission that ends in the scope without having been dispatched in it (cancelled
 * while queued, or dispatched before the scope began) counts apart as {@code missions.ended_unstarted}.
 */
final class Missions implements KpiSection {

    private enum Outcome { RUNNING, COMPLETED, FAILED, CANCELLED }

    private final Map<String, Outcome> started = new HashMap<>();
    private long endedUnstarted;

    @Override
    public void accept(TrackEvent event) {
        if (!(event.body() instanceof TaskLifecycle task)) return;
        String id = task.taskId();
        switch (task.phase()) {
            case ASSIGNED, STARTED -> started.putIfAbsent(id, Outcome.RUNNING);
            case REQUEUED -> started.computeIfPresent(id, (k, o) -> Outcome.RUNNING);
            case COMPLETED -> end(id, Outcome.COMPLETED);
            case FAILED -> end(id, Outcome.FAILED);
            case CANCELLED -> end(id, Outcome.CANCELLED);
        }
    }

    private void end(String id, Outcome outcome) {
        if (started.containsKey(id)) started.put(id, outcome);
        else endedUnstarted++;
    }

    @Override
    public void report(Exposure exposure, MetricList out) {
        Map<Outcome, Long> counts = new HashMap<>();
        started.values().forEach(o -> counts.merge(o, 1L, Long::sum));
        long completed = counts.getOrDefault(Outcome.COMPLETED, 0L);
        long failed = counts.getOrDefault(Outcome.FAILED, 0L);
        out.count("missions.started", started.size());
        out.count("missions.completed", completed);
        out.count("missions.failed", failed);
        out.count("missions.cancelled", counts.getOrDefault(Outcome.CANCELLED, 0L));
        out.count("missions.running", counts.getOrDefault(Outcome.RUNNING, 0L));
        out.count("missions.ended_unstarted", endedUnstarted);
        out.share("missions.success_rate", "ratio", completed, completed + failed, completed + failed);
    }

    long failed() {
        return started.values().stream().filter(o -> o == Outcome.FAILED).count();
    }
}
