package dev.provingground.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.auth.Principal;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.tasks.DispatchDecision;
import dev.provingground.server.tasks.Stop;
import dev.provingground.server.tasks.Task;
import dev.provingground.server.tasks.TaskProgress;
import dev.provingground.server.tasks.TaskRequest;
import dev.provingground.server.tasks.TaskService;
import dev.provingground.server.tasks.TaskSubmission;
import dev.provingground.server.tasks.TaskStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import dev.provingground.server.errors.NotFoundException;
import java.util.Map;

/**
 * {@code /api/v1/tasks}: requests in Open-RMF's {@code task_request} vocabulary, answers shaped like its
 * {@code task_state}. A vendor's tasks go only to its own firm's robots, and it sees only its own tasks; any requester
 * may keep a task to the robots of firms it names.
 */
final class TaskRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TaskService tasks;
    private final RobotRegistry registry;
    private final AccessControl access;

    TaskRoutes(TaskService tasks, RobotRegistry registry, AccessControl access) {
        this.tasks = tasks;
        this.registry = registry;
        this.access = access;
    }

    void mount(Router router) {
        router.post("/api/v1/tasks").handler(this::submit);
        router.get("/api/v1/tasks").handler(this::list);
        router.get("/api/v1/tasks/:id").handler(this::get);
        router.post("/api/v1/tasks/:id/cancel").handler(this::cancel);
    }

    private void submit(RoutingContext ctx) {
        Principal p = BearerAuth.principal(ctx);
        JsonObject body = Bodies.object(ctx);
        Object description = body.getValue("description");
        Long earliest = body.getValue("unix_millis_earliest_start_time") instanceof Number n ? n.longValue() : null;
        if (body.containsKey("unix_millis_earliest_start_time") && earliest == null)
            throw ApiError.badRequest("unix_millis_earliest_start_time", "must be a number of milliseconds since 1970");
        Integer priority = body.getValue("priority") instanceof Number n ? n.intValue() : null;
        if (body.containsKey("priority") && priority == null) throw ApiError.badRequest("priority", "must be a whole number");
        List<String> labels = new ArrayList<>();
        if (body.getValue("labels") instanceof JsonArray a) a.forEach(l -> labels.add(String.valueOf(l)));
        var request = new TaskSubmission(Bodies.string(body, "site"), Bodies.string(body, "category"),
                description == null ? null : JSON.valueToTree(description instanceof JsonObject o ? o.getMap() : description),
                earliest, priority, labels, Bodies.string(body, "requester") == null ? p.actor() : Bodies.string(body, "requester"),
                p.isOperator() ? null : p.firm(), firms(body, p));
        Future.fromCompletionStage(tasks.submit(request), ctx.vertx().getOrCreateContext())
                .onSuccess(t -> ctx.response().setStatusCode(201).putHeader("content-type", "application/json")
                        .putHeader("Location", "/api/v1/tasks/" + t.id()).end(state(t).encode()))
                .onFailure(ctx::fail);
    }

    /**
     * The firms whose robots alone may do the task, if the request names any: each a registered firm, and for a vendor
     * only its own (its tasks go to its own robots anyway).
     */
    private List<String> firms(JsonObject body, Principal p) {
        Object value = body.getValue("firms");
        if (value == null) return List.of();
        if (!(value instanceof JsonArray array) || array.isEmpty())
            throw ApiError.badRequest("firms", "must be a non-empty array of firm ids; leave it out for any firm");
        List<String> firms = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String id) || id.isBlank())
                throw ApiError.badRequest("firms[" + i + "]", "must be a firm id");
            if (!p.mayActFor(id))
                throw ApiError.forbidden("a vendor token of firm \"" + p.firm()
                        + "\" gives tasks only to its own robots, not to those of \"" + id + "\"");
            if (access.firm(id).isEmpty()) throw ApiError.badRequest("firms[" + i + "]", "unknown firm \"" + id + "\"");
            if (!firms.contains(id)) firms.add(id);
        }
        return firms;
    }

    private void list(RoutingContext ctx) {
        Principal p = BearerAuth.principal(ctx);
        String status = ctx.queryParams().get("status");
        JsonArray out = new JsonArray();
        for (Task t : tasks.all()) {
            if (!visible(p, t)) continue;
            if (status != null && !t.progress().status().wireName().equals(status)) continue;
            out.add(state(t));
        }
        ctx.json(new JsonObject().put("tasks", out));
    }

    private Task visibleTask(RoutingContext ctx) {
        Task t = tasks.find(ctx.pathParam("id")).orElseThrow(() ->
                new NotFoundException("no task \"" + ctx.pathParam("id") + "\""));
        if (!visible(BearerAuth.principal(ctx), t)) throw ApiError.forbidden("task " + t.id() + " belongs to another firm");
        return t;
    }

    private void get(RoutingContext ctx) {
        ctx.json(state(visibleTask(ctx)));
    }

    private void cancel(RoutingContext ctx) {
        Task t = visibleTask(ctx);
        Future.fromCompletionStage(tasks.cancel(t.id(), BearerAuth.principal(ctx).actor()),
                ctx.vertx().getOrCreateContext()).onSuccess(c -> ctx.json(state(c))).onFailure(ctx::fail);
    }

    private boolean visible(Principal p, Task t) {
        if (p.isOperator()) return true;
        if (p.firm().equals(t.request().firm())) return true;
        String robot = t.progress().assignedTo();
        return robot != null && registry.find(robot).map(r -> p.firm().equals(r.firm())).orElse(false);
    }

    /** Open-RMF {@code task_state}: booking, category, status, assigned_to, phases; plus our dispatch log. */
    JsonObject state(Task t) {
        TaskRequest request = t.request();
        TaskProgress progress = t.progress();
        JsonObject booking = new JsonObject().put("id", request.id())
                .put("unix_millis_earliest_start_time", request.earliestStart().toEpochMilli())
                .put("unix_millis_request_time", request.requestedAt().toEpochMilli())
                .put("priority", request.priority()).put("labels", new JsonArray(request.labels()))
                .put("requester", request.requester());
        JsonObject phases = new JsonObject();
        JsonArray completed = new JsonArray();
        JsonArray pending = new JsonArray();
        Integer active = null;
        for (int i = 0; i < request.stops().size(); i++) {
            Stop s = request.stops().get(i);
            String status;
            if (progress.status() == TaskStatus.COMPLETED || i < progress.stopIndex()) status = "completed";
            else if (i == progress.stopIndex() && progress.status() == TaskStatus.UNDERWAY) status = "underway";
            else status = progress.status().isFinal() ? progress.status().wireName() : "queued";
            int id = i + 1;
            phases.put(String.valueOf(id), new JsonObject().put("id", id).put("category", s.label())
                    .put("detail", s.level() == null ? s.label() : s.label() + " (" + s.level() + ")").put("status", status));
            if (status.equals("completed")) completed.add(id);
            else if (status.equals("underway")) active = id;
            else pending.add(id);
        }
        JsonObject state = new JsonObject().put("booking", booking).put("category", request.category().wireName())
                .put("detail", new JsonObject(JSON.convertValue(request.description(), Map.class)))
                .put("site", request.site()).put("status", progress.status().wireName())
                .put("phases", phases).put("completed", completed).put("pending", pending).put("active", active)
                .put("unix_millis_start_time", progress.startedAt() == null ? null : progress.startedAt().toEpochMilli())
                .put("unix_millis_finish_time", progress.finishedAt() == null ? null : progress.finishedAt().toEpochMilli());
        if (progress.assignedTo() != null) state.put("assigned_to", new JsonObject()
                .put("group", registry.find(progress.assignedTo()).map(r -> r.firm()).orElse(null))
                .put("name", progress.assignedTo()));
        List<String> firms = !request.firms().isEmpty() ? request.firms()
                : request.firm() != null ? List.of(request.firm()) : List.of();
        if (!firms.isEmpty()) state.put("firms", new JsonArray(firms));
        if (progress.reason() != null) state.put("reason", progress.reason());
        JsonArray decisions = new JsonArray();
        for (DispatchDecision d : progress.decisions()) {
            JsonArray candidates = new JsonArray();
            d.candidates().forEach(c -> candidates.add(new JsonObject(c.fields())));
            decisions.add(new JsonObject().put("at", d.at().toString()).put("chosen", d.chosen()).put("candidates", candidates));
        }
        state.put("dispatch", new JsonObject().put("attempts", progress.attempt()).put("decisions", decisions));
        return state;
    }
}
