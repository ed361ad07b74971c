package dev.provingground.trackrecord.context;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.log.LogId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds the leaves of a bundle, in log order, into its {@link BundleContext}: registrations and credential rotations
 * of robots, and changes of site, zones, rules and elevators. Earlier leaves (the bundle's context leaves, before its
 * range) are fed the same way, so the writer and the verifier derive the same context from the same leaves.
 */
public final class ContextAccumulator {

    private final LogId log;
    private final Map<String, Robot> robots = new TreeMap<>();
    private final List<RuleChange> rules = new ArrayList<>();
    private String timeZone;
    private List<String> levels = List.of();

    private static final class Robot {
        final String firm;
        RobotRegistration registration;
        LogStamp registered;
        final List<LogStamp> rotations = new ArrayList<>();

        Robot(String firm) {
            this.firm = firm;
        }
    }

    public ContextAccumulator(LogId log) {
        this.log = log;
    }

    /** Whether an event adds to a bundle's context, so an earlier leaf holding it is carried as a context leaf. */
    public static boolean isContext(TrackEvent event) {
        return event.body() instanceof ConfigurationChange;
    }

    /** Takes in one leaf, in log order. */
    public void accept(long leaf, TrackEvent event) {
        if (event.robot() != null) robots.computeIfAbsent(event.robot(), id -> new Robot(event.firm()));
        if (!(event.body() instanceof ConfigurationChange change)) return;
        LogStamp at = new LogStamp(event.time(), leaf);
        switch (change.target()) {
            case ROBOT -> {
                if (event.robot() != null && RobotRegistration.isRegistration(change.details())) {
                    Robot robot = robots.get(event.robot());
                    robot.registration = RobotRegistration.fromDetails(change.details());
                    robot.registered = at;
                }
            }
            case CREDENTIAL -> {
                JsonNode details = change.details();
                if (details != null && RobotRegistration.CREDENTIALS_ROTATED.equals(details.path("change").asText(null))) {
                    robots.computeIfAbsent(change.targetId(), id -> new Robot(event.firm())).rotations.add(at);
                }
            }
            case SITE, ZONE, RULE, ELEVATOR -> {
                rules.add(new RuleChange(at, change.target().name(), change.targetId(), change.action().name(),
                        change.actor(), change.details()));
                if (change.target() == ConfigurationChange.Target.SITE) site(change.details());
            }
        }
    }

    private void site(JsonNode details) {
        JsonNode definition = details == null ? null : details.get("definition");
        if (definition == null || !definition.isObject()) return;
        if (definition.hasNonNull("timeZone")) timeZone = definition.get("timeZone").asText();
        List<String> ids = new ArrayList<>();
        definition.path("levels").forEach(level -> {
            if (level.hasNonNull("id")) ids.add(level.get("id").asText());
        });
        levels = ids;
    }

    /** The registration of a robot as far as the leaves so far tell, or {@code null}. */
    public RobotRegistration registration(String robot) {
        Robot r = robots.get(robot);
        return r == null ? null : r.registration;
    }

    public BundleContext context() {
        List<RobotIdentity> identities = new ArrayList<>();
        robots.forEach((id, r) -> identities.add(new RobotIdentity(id, r.firm, r.registration, r.registered, r.rotations)));
        return new BundleContext(log.site(), log.firm(), timeZone, levels, identities, rules);
    }
}
