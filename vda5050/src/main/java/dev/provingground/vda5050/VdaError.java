package dev.provingground.vda5050;

import java.util.List;

/** An active error of the robot (state.errors[]); named so it does not clash with java.lang.Error. */
public record VdaError(String errorType, List<ErrorReference> errorReferences, String errorDescription,
                       String errorHint, ErrorLevel errorLevel) {

    public VdaError {
        errorReferences = Lists.copy("VdaError.errorReferences", errorReferences);
    }

    public static VdaError of(String errorType, ErrorLevel errorLevel, String errorDescription) {
        return new VdaError(errorType, List.of(), errorDescription, null, errorLevel);
    }
}
