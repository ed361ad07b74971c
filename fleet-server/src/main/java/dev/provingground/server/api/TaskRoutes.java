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
import dev.provingground.server.tasks.TaskListing;
import dev.provingground.server.tasks.TaskPage;
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
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code /api/v1/tasks}: requests in Open-RMF's {@code task_request} vocabulary, answers shaped like its
 * {@code task_state}. A vendor's tasks go only to its own firm's robots, and it sees only its own tasks; any requester
 * may keep a task to the robots of firms it names.
 */
final class TaskRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most tasks one listing page holds, and how many it holds unless asked for fewer. */
    static final int MAX_PAGE = 1000;
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

    /**
     * A page of the tasks this token may see, in the order they were requested ({@code order=desc}: newest first),
     * at most {@code limit} (default and most {@value #MAX_PAGE}), starting after the cursor {@code after}; the
     * answer's {@code next} is the cursor of the page after it, absent on the last. Live tasks come from memory,
     * finished ones from the store, read on a worker.
     */
    private void list(RoutingContext ctx) {
        Principal p = BearerAuth.principal(ctx);
        String status = ctx.queryParams().get("status");
        String order = ctx.queryParams().get("order");
        if (order != null && !order.equals("asc") && !order.equals("desc"))
            throw ApiError.badRequest("order", "must be asc or desc; got \"" + order + "\"");
        TaskListing listing = new TaskListing(ctx.queryParams().get("after"), "desc".equals(order),
                (taskStatus, firm, assignee) -> (status == null || taskStatus.wireName().equals(status))
                        && visible(p, firm, assignee), limit(ctx));
        List<Task> live = listing.liveCandidates(tasks.live());
        ctx.vertx().executeBlocking(() -> tasks.archivedPage(listing)).onSuccess(archived -> {
            TaskPage page = listing.merge(live, archived);
            JsonArray out = new JsonArray();
            page.tasks().forEach(t -> out.add(state(t)));
            JsonObject body = new JsonObject().put("tasks", out);
            if (page.next() != null) body.put("next", page.next());
            ctx.json(body);
        }).onFailure(ctx::fail);
    }

    private static int limit(RoutingContext ctx) {
        String value = ctx.queryParams().get("limit");
        if (value == null) return MAX_PAGE;
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_PAGE) return limit;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest("limit", "must be a whole number from 1 to " + MAX_PAGE + "; got \"" + value + "\"");
    }

    /** Answers with the task of the path's id if this token may see it: a live one at once, a finished one from the store. */
    private void withVisibleTask(RoutingContext ctx, Consumer<Task> then) {
        String id = ctx.pathParam("id");
        Principal p = BearerAuth.principal(ctx);
        Future<Optional<Task>> found = tasks.findLive(id).isPresent() ? Future.succeededFuture(tasks.findLive(id))
                : ctx.vertx().executeBlocking(() -> tasks.find(id));
        found.onSuccess(task -> {
            try {
                Task t = task.orElseThrow(() -> new NotFoundException("no task \"" + id + "\""));
                if (!visible(p, t)) throw ApiError.forbidden("task " + t.id() + " belongs to another firm");
                then.accept(t);
            } catch (RuntimeException e) {
                ctx.fail(e);
            }
        }).onFailure(ctx::fail);
    }

    private void get(RoutingContext ctx) {
        withVisibleTask(ctx, t -> ctx.json(state(t)));
    }

    private void cancel(RoutingContext ctx) {
        withVisibleTask(ctx, t -> Future.fromCompletionStage(tasks.cancel(t.id(), BearerAuth.principal(ctx).actor()),
                ctx.vertx().getOrCreateContext()).onSuccess(c -> ctx.json(state(c))).onFailure(ctx::fail));
    }

    private boolean visible(Principal p, Task t) {
        return visible(p, t.request().firm(), t.progress().assignedTo());
    }

    /** An operator sees every task, a vendor those its firm requested and those given to its firm's robots. */
    private boolean visible(Principal p, String firm, String assignee) {
        if (p.isOperator()) return true;
        if (p.firm().equals(firm)) return true;
        return assignee != null && registry.find(assignee).map(r -> p.firm().equals(r.firm())).orElse(false);
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
