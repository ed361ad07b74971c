package dev.provingground.trackrecord.event;

import java.util.List;

/**
 * {@code robot.error}: an error the robot reports in its VDA 5050 state ({@code errors[]}) was raised, or cleared.
 * The fields are the robot's own words, so every one is bounded here: a reader can rely on the limits whatever the
 * robot sent (the server shortens them before it records, see docs/EVENTS.md).
 *
 * @param phase           RAISED when the error appears, CLEARED once it has stayed away for the debounce
 * @param errorType       VDA 5050 errorType, at most {@value #MAX_TYPE} characters
 * @param level           VDA 5050 errorLevel
 * @param description     VDA 5050 errorDescription, at most {@value #MAX_DESCRIPTION} characters; absent when none
 * @param references      VDA 5050 errorReferences, at most {@value #MAX_REFERENCES}; absent when none (an empty list
 *                        is kept as absent, so the bytes stay canonical)
 * @param durationSeconds for CLEARED: from the state that raised it to the first state without it; absent for RAISED
 * @param recurrences     for CLEARED: how often it came back within the debounce (0 when it never did); absent for
 *                        RAISED
 */
public record RobotError(Phase phase, String errorType, Level level, String description, List<Reference> references,
                         Double durationSeconds, Integer recurrences) implements EventBody {

    public static final int MAX_TYPE = 64;
    public static final int MAX_DESCRIPTION = 200;
    public static final int MAX_REFERENCES = 8;
    public static final int MAX_REFERENCE_TEXT = 64;

    public enum Phase { RAISED, CLEARED }

    /** VDA 5050 errorLevel: WARNING (the robot can go on) or FATAL (it needs someone). */
    public enum Level { WARNING, FATAL }

    /**
     * One VDA 5050 errorReference, e.g. {@code ("orderId", "o-17")}.
     *
     * @param key   referenceKey, at most {@value RobotError#MAX_REFERENCE_TEXT} characters
     * @param value referenceValue, at most {@value RobotError#MAX_REFERENCE_TEXT} characters
     */
    public record Reference(String key, String value) {
        public Reference {
            bounded(Require.text(key, "references[].key"), MAX_REFERENCE_TEXT, "references[].key");
            bounded(Require.text(value, "references[].value"), MAX_REFERENCE_TEXT, "references[].value");
        }
    }

    public RobotError {
        Require.present(phase, "phase");
        bounded(Require.text(errorType, "errorType"), MAX_TYPE, "errorType");
        Require.present(level, "level");
        bounded(Require.optionalText(description, "description"), MAX_DESCRIPTION, "description");
        if (references != null && references.size() > MAX_REFERENCES) {
            throw new IllegalArgumentException("references holds " + references.size() + " entries, at most "
                    + MAX_REFERENCES + " allowed");
        }
        references = references == null || references.isEmpty() ? null
                : List.copyOf(references.stream().map(r -> Require.present(r, "references[]")).toList());
        if (phase == Phase.CLEARED) {
            Require.present(durationSeconds, "durationSeconds");
            Require.nonNegative(durationSeconds, "durationSeconds");
            Require.present(recurrences, "recurrences");
            if (recurrences < 0) {
                throw new IllegalArgumentException("recurrences must not be negative, got " + recurrences);
            }
        } else if (durationSeconds != null || recurrences != null) {
            throw new IllegalArgumentException("durationSeconds and recurrences are only for CLEARED");
        }
    }

    private static String bounded(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters (" + value.length() + ")");
        }
        return value;
    }
}
