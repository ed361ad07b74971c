package dev.provingground.server.elevator;

import java.util.Objects;

/** Yes, or no with a code and a reason a person can read. */
public record Decision(boolean allowed, Refusal refusal, String reason) {

    private static final Decision YES = new Decision(true, null, "");

    public Decision {
        if (allowed && refusal != null) throw new IllegalArgumentException("an allowed decision has no refusal");
        if (!allowed) {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public static Decision yes() {
        return YES;
    }

    public static Decision no(Refusal refusal, String reason) {
        return new Decision(false, refusal, reason);
    }

    @Override
    public String toString() {
        return allowed ? "yes" : "no: " + refusal + " (" + reason + ")";
    }
}
