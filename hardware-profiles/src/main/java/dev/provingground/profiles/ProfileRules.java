package dev.provingground.profiles;

import dev.provingground.vda5050.AgvAction;
import dev.provingground.vda5050.Factsheet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules that tie the factsheet to the service extension: the robot must declare the actions its kind and
 * capabilities call for and no capability it lacks, its payload must agree, and outdoor robots must fall into
 * an outdoor speed class.
 */
final class ProfileRules {

    static final String TRAY_HANDOVER = "trayHandover";
    static final String ELEVATOR_BOARD = "elevatorBoard";
    static final String ELEVATOR_ALIGHT = "elevatorAlight";
    static final String UVC_LAMP_ON = "uvcLampOn";
    static final String UVC_LAMP_OFF = "uvcLampOff";

    private static final String ACTIONS = "factsheet.protocolFeatures.agvActions";
    private static final double SAME_MASS_KG = 1e-9;

    private ProfileRules() {
    }

    static void check(Factsheet factsheet, ServiceExtension service) {
        requireSections(factsheet);
        double speedMax = factsheet.physicalParameters().speedMax();
        if (!(speedMax > 0) || Double.isInfinite(speedMax)) {
            throw new InvalidFieldException("factsheet.physicalParameters.speedMax",
                    "must be > 0 m/s, got " + Numbers.format(speedMax));
        }
        double maxLoadMass = factsheet.typeSpecification().maxLoadMass();
        if (Math.abs(maxLoadMass - service.maxPayloadKg()) > SAME_MASS_KG) {
            throw new InvalidFieldException("factsheet.typeSpecification.maxLoadMass", "must equal service.maxPayloadKg ("
                    + Numbers.format(service.maxPayloadKg()) + " kg), got " + Numbers.format(maxLoadMass));
        }
        if (service.environment() == Environment.OUTDOOR
                && OutdoorSpeedClass.forMass(service.massWithPayloadKg()).isEmpty()) {
            throw new InvalidFieldException("service", "mass with maximum payload " + Numbers.format(service.massWithPayloadKg())
                    + " kg (massEmptyKg " + Numbers.format(service.massEmptyKg()) + " + maxPayloadKg "
                    + Numbers.format(service.maxPayloadKg()) + ") exceeds " + Numbers.format(OutdoorSpeedClass.certifiableMassLimitKg())
                    + " kg: an OUTDOOR robot this heavy cannot be certified for outdoor operation");
        }
        checkActions(factsheet.protocolFeatures().agvActions(), service);
    }

    private static void requireSections(Factsheet factsheet) {
        if (factsheet.typeSpecification() == null) {
            throw new InvalidFieldException("factsheet.typeSpecification", "required");
        }
        if (factsheet.physicalParameters() == null) {
            throw new InvalidFieldException("factsheet.physicalParameters", "required");
        }
        if (factsheet.protocolFeatures() == null) {
            throw new InvalidFieldException("factsheet.protocolFeatures", "required");
        }
    }

    private static void checkActions(List<AgvAction> actions, ServiceExtension service) {
        Set<String> declared = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            String type = actions.get(i).actionType();
            if (type == null || type.isBlank()) {
                throw new InvalidFieldException(ACTIONS + "[" + i + "].actionType", "required");
            }
            if (!declared.add(type)) {
                throw new InvalidFieldException(ACTIONS + "[" + i + "].actionType", "\"" + type + "\" is declared twice");
            }
        }
        boolean carriesGoods = service.kind() == RobotKind.DELIVERY || service.kind() == RobotKind.SERVING;
        require(declared, TRAY_HANDOVER, carriesGoods, service.kind() + " robots hand goods over");
        boolean disinfects = service.kind() == RobotKind.DISINFECTION;
        require(declared, UVC_LAMP_ON, disinfects, "DISINFECTION robots switch UV-C lamps");
        require(declared, UVC_LAMP_OFF, disinfects, "DISINFECTION robots switch UV-C lamps");
        forbid(declared, UVC_LAMP_ON, !disinfects, "only DISINFECTION robots carry UV-C lamps, but kind is " + service.kind());
        forbid(declared, UVC_LAMP_OFF, !disinfects, "only DISINFECTION robots carry UV-C lamps, but kind is " + service.kind());
        require(declared, ELEVATOR_BOARD, service.elevatorCapable(), "service.elevatorCapable is true");
        require(declared, ELEVATOR_ALIGHT, service.elevatorCapable(), "service.elevatorCapable is true");
        forbid(declared, ELEVATOR_BOARD, !service.elevatorCapable(), "service.elevatorCapable is false");
        forbid(declared, ELEVATOR_ALIGHT, !service.elevatorCapable(), "service.elevatorCapable is false");
    }

    private static void require(Set<String> declared, String action, boolean needed, String because) {
        if (needed && !declared.contains(action)) {
            throw new InvalidFieldException(ACTIONS, "must declare \"" + action + "\": " + because);
        }
    }

    private static void forbid(Set<String> declared, String action, boolean forbidden, String because) {
        if (forbidden && declared.contains(action)) {
            throw new InvalidFieldException(ACTIONS, "must not declare \"" + action + "\": " + because);
        }
    }
}
