package dev.provingground.server.evidence;

import dev.provingground.trackrecord.event.RobotError;
import dev.provingground.vda5050.ErrorReference;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.VdaError;

import java.util.ArrayList;
import java.util.List;

/**
 * One of a robot's VDA 5050 errors made fit for the record: the robot's text is untrusted, so control characters
 * become spaces and every field is cut to the bounds {@link RobotError} allows (a cut text ends in "…"); references
 * beyond the allowed number, or with an empty key or value, are left out.
 *
 * <p>Its {@link #identity()} is what makes two states' errors "the same error": the type, level and references when
 * the robot gives references (they name the thing in error — a diagnostic, an order, an action — while the
 * description may carry changing readings, such as a temperature), otherwise the type, level and description.
 *
 * @param errorType   the type, never empty ({@code unspecified} when the robot sent none)
 * @param level       the level; a missing level counts as WARNING, the milder one, as the robot did not say it is fatal
 * @param description the description, or null
 * @param references  the references, possibly empty
 */
record ReportedError(String errorType, RobotError.Level level, String description,
                     List<RobotError.Reference> references) {

    static final String UNSPECIFIED = "unspecified";

    static ReportedError of(VdaError error) {
        String type = fit(error.errorType(), RobotError.MAX_TYPE);
        RobotError.Level level = error.errorLevel() == ErrorLevel.FATAL ? RobotError.Level.FATAL : RobotError.Level.WARNING;
        List<RobotError.Reference> references = new ArrayList<>();
        for (ErrorReference r : error.errorReferences()) {
            if (references.size() == RobotError.MAX_REFERENCES) break;
            if (r == null) continue;
            String key = fit(r.referenceKey(), RobotError.MAX_REFERENCE_TEXT);
            String value = fit(r.referenceValue(), RobotError.MAX_REFERENCE_TEXT);
            if (key != null && value != null) references.add(new RobotError.Reference(key, value));
        }
        return new ReportedError(type == null ? UNSPECIFIED : type, level,
                fit(error.errorDescription(), RobotError.MAX_DESCRIPTION), List.copyOf(references));
    }

    /** What stays the same while the robot keeps reporting this error; see the class comment. */
    Object identity() {
        return references.isEmpty() ? List.of(errorType, level, "d", String.valueOf(description))
                : List.of(errorType, level, "r", references);
    }

    RobotError raised() {
        return new RobotError(RobotError.Phase.RAISED, errorType, level, description, references, null, null);
    }

    RobotError cleared(double durationSeconds, int recurrences) {
        return new RobotError(RobotError.Phase.CLEARED, errorType, level, description, references, durationSeconds,
                recurrences);
    }

    /** Blank becomes null; control characters become spaces; longer than {@code max} is cut, ending in "…". */
    static String fit(String text, int max) {
        if (text == null) return null;
        String clean = text.strip();
        boolean cut = clean.length() > max;
        // Room for the ellipsis when cut, and never split a surrogate pair.
        int end = cut ? max - 1 : clean.length();
        if (cut && Character.isHighSurrogate(clean.charAt(end - 1))) end--;
        StringBuilder out = new StringBuilder(end + 1);
        for (int i = 0; i < end; i++) {
            char c = clean.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        String fitted = out.toString().strip();
        if (fitted.isEmpty()) return null;
        return cut ? fitted + "…" : fitted;
    }
}
