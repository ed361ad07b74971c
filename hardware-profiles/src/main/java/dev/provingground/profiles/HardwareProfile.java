package dev.provingground.profiles;

import dev.provingground.vda5050.AgvAction;
import dev.provingground.vda5050.Factsheet;
import dev.provingground.vda5050.Header;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A robot model: its VDA 5050 factsheet, the service-robot extension and the public sources of its figures.
 * Construction enforces every rule that does not depend on where the profile was read from, so no inconsistent
 * profile (say an outdoor robot too heavy to certify, or a UV-C robot without lamp actions) exists anywhere.
 *
 * @param id        stable identifier: lowercase letters, digits and single hyphens, e.g. {@code sidewalk-delivery}
 * @param name      human-readable model name
 * @param factsheet the model's factsheet; its serialNumber names the model, see {@link #factsheetFor(String)}
 * @param service   service-robot figures
 * @param sources   public documents the figures come from (at least one)
 * @param estimates figures no source publishes directly, with their basis
 */
public record HardwareProfile(String id, String name, Factsheet factsheet, ServiceExtension service,
                              List<Source> sources, List<Estimate> estimates) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public HardwareProfile {
        Text.requireText("id", id);
        if (!ID.matcher(id).matches()) {
            throw new InvalidFieldException("id", "must be lowercase letters, digits and single hyphens, got \"" + id + "\"");
        }
        Text.requireText("name", name);
        if (factsheet == null) {
            throw new InvalidFieldException("factsheet", "required");
        }
        if (service == null) {
            throw new InvalidFieldException("service", "required");
        }
        if (sources == null || sources.isEmpty()) {
            throw new InvalidFieldException("sources", "at least one public source of the figures is required");
        }
        sources = copyWithoutNulls("sources", sources);
        estimates = estimates == null ? List.of() : copyWithoutNulls("estimates", estimates);
        ProfileRules.check(factsheet, service);
    }

    /** A profile without estimates: every figure is read straight off a source. */
    public HardwareProfile(String id, String name, Factsheet factsheet, ServiceExtension service, List<Source> sources) {
        this(id, name, factsheet, service, sources, List.of());
    }

    public double massWithPayloadKg() {
        return service.massWithPayloadKg();
    }

    /** The outdoor speed class by mass with maximum payload; empty for indoor robots. */
    public Optional<OutdoorSpeedClass> outdoorSpeedClass() {
        if (service.environment() != Environment.OUTDOOR) {
            return Optional.empty();
        }
        // Construction already rejected outdoor robots no class admits.
        return OutdoorSpeedClass.forMass(massWithPayloadKg());
    }

    /** The speed to enforce, m/s: the factsheet's speedMax, capped by the outdoor speed class if there is one. */
    public double speedCapMps() {
        double speedMax = factsheet.physicalParameters().speedMax();
        return outdoorSpeedClass().map(c -> Math.min(speedMax, c.speedLimitMps())).orElse(speedMax);
    }

    /** Battery energy, Wh, for driving and standing switched on; see {@link ServiceExtension#energyWh}. */
    public double energyWh(double drivingSeconds, double idleSeconds) {
        return service.energyWh(drivingSeconds, idleSeconds);
    }

    /** Seconds to charge between two states of charge; see {@link ServiceExtension#chargeSeconds}. */
    public double chargeSeconds(double fromPercent, double toPercent) {
        return service.chargeSeconds(fromPercent, toPercent);
    }

    /** Whether the factsheet declares this action type (predefined or vendor action). */
    public boolean supportsAction(String actionType) {
        return factsheet.protocolFeatures().agvActions().stream().map(AgvAction::actionType).anyMatch(actionType::equals);
    }

    /**
     * The factsheet as a robot of this model would publish it: the robot's serial number instead of the model's,
     * headerId 0 and no timestamp (the publisher sets both).
     */
    public Factsheet factsheetFor(String serialNumber) {
        Text.requireText("serialNumber", serialNumber);
        return factsheet.withHeader(new Header(0, null, factsheet.version(), factsheet.manufacturer(), serialNumber));
    }

    private static <T> List<T> copyWithoutNulls(String field, List<T> list) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new InvalidFieldException(field + "[" + i + "]", "required");
            }
        }
        return List.copyOf(list);
    }
}
