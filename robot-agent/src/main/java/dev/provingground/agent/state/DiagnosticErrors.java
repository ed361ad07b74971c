package dev.provingground.agent.state;

import dev.provingground.agent.ros.RosMessages.DiagnosticStatus;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.ErrorReference;
import dev.provingground.vda5050.VdaError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ROS {@code /diagnostics} as VDA 5050 errors: each diagnostic (by name) at level ERROR is a FATAL error of type
 * {@code rosDiagnostic} until a later array reports it otherwise; with warnings on, WARN and STALE are WARNING errors.
 * Diagnostic aggregators publish only some names per message, so a name not mentioned keeps its last level. Pure.
 */
public final class DiagnosticErrors {

    public static final String ERROR_TYPE = "rosDiagnostic";

    private final boolean reportWarnings;
    private final Map<String, DiagnosticStatus> latest = new LinkedHashMap<>();

    public DiagnosticErrors(boolean reportWarnings) {
        this.reportWarnings = reportWarnings;
    }

    /** Takes one DiagnosticArray; true when the errors it gives changed. */
    public boolean update(List<DiagnosticStatus> statuses) {
        List<VdaError> before = errors();
        for (DiagnosticStatus s : statuses) latest.put(s.name(), s);
        return !before.equals(errors());
    }

    public List<VdaError> errors() {
        List<VdaError> out = new ArrayList<>();
        for (DiagnosticStatus s : latest.values()) {
            ErrorLevel level;
            if (s.level() == DiagnosticStatus.ERROR) level = ErrorLevel.FATAL;
            else if (reportWarnings && (s.level() == DiagnosticStatus.WARN || s.level() == DiagnosticStatus.STALE))
                level = ErrorLevel.WARNING;
            else continue;
            List<ErrorReference> refs = new ArrayList<>();
            refs.add(new ErrorReference("diagnosticName", s.name()));
            if (!s.hardwareId().isEmpty()) refs.add(new ErrorReference("hardwareId", s.hardwareId()));
            out.add(new VdaError(ERROR_TYPE, refs, s.name() + ": " + s.message(), null, level));
        }
        return out;
    }
}
