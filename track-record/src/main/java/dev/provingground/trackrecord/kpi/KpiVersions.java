package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.context.RobotRegistration;
import java.util.function.Function;

/**
 * The KPI computation of each format version a verifier still checks: version 1 for bundles exported before version 2,
 * version 2 for those exported before the elevator refusal metrics, version 3 ({@link KpiFiles#VERSION}) for new ones.
 */
public final class KpiVersions {

    public static final int OLDEST = 1;

    private KpiVersions() {
    }

    /**
     * @throws IllegalArgumentException for a version this build does not know
     */
    public static KpiFold fold(int version, KpiScope scope, Function<String, RobotRegistration> registrations) {
        return switch (version) {
            case 1 -> new KpiAccumulatorV1(scope);
            case 2 -> new KpiAccumulator(scope, registrations, 2);
            case KpiFiles.VERSION -> new KpiAccumulator(scope, registrations);
            default -> throw new IllegalArgumentException("KPI format version " + version + " is not one this verifier "
                    + "knows (" + OLDEST + " to " + KpiFiles.VERSION + ")");
        };
    }
}
