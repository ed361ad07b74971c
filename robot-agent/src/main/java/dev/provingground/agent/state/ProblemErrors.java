package dev.provingground.agent.state;

import dev.provingground.agent.rosbridge.RosbridgeProblem;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.ErrorReference;
import dev.provingground.vda5050.VdaError;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bad messages on the rosbridge link as VDA 5050 errors. A bad message is a moment, not a condition, so each kind
 * stays reported for {@code hold} after its last occurrence — long enough for a fleet manager polling state to see
 * it — then clears by itself: {@code rosbridgeMessageError} (malformed JSON, unknown op, bad fragment, binary frame)
 * and {@code rosbridgeStatus} (a status of level error). Time comes from the injected clock.
 */
public final class ProblemErrors {

    public static final String MESSAGE_ERROR = "rosbridgeMessageError";
    public static final String STATUS_ERROR = "rosbridgeStatus";

    private record Seen(RosbridgeProblem problem, Instant at) {
    }

    private final Clock clock;
    private final Duration hold;
    private final Map<String, Seen> seen = new LinkedHashMap<>();

    public ProblemErrors(Clock clock, Duration hold) {
        this.clock = clock;
        this.hold = hold;
    }

    /** Takes a problem; warnings are only logged (by the client), not reported. True when the errors changed. */
    public boolean note(RosbridgeProblem p) {
        String type = switch (p.kind()) {
            case STATUS_ERROR -> STATUS_ERROR;
            case STATUS_WARNING -> null;
            default -> MESSAGE_ERROR;
        };
        if (type == null) return false;
        boolean isNew = !seen.containsKey(type);
        seen.put(type, new Seen(p, clock.instant()));
        return isNew;
    }

    /** Drops what is older than the hold; true when something was dropped. */
    public boolean expire() {
        Instant limit = clock.instant().minus(hold);
        return seen.values().removeIf(s -> s.at().isBefore(limit));
    }

    public List<VdaError> errors() {
        List<VdaError> out = new ArrayList<>();
        seen.forEach((type, s) -> {
            List<ErrorReference> refs = s.problem().id() == null ? List.of()
                    : List.of(new ErrorReference("rosbridgeId", s.problem().id()));
            out.add(new VdaError(type, refs, s.problem().kind() + ": " + s.problem().detail(), null, ErrorLevel.WARNING));
        });
        return out;
    }
}
