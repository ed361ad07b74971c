package dev.provingground.vda5050;

import java.io.IOException;
import java.util.List;

import static dev.provingground.vda5050.MessageFields.OPTIONAL;
import static dev.provingground.vda5050.MessageFields.REQUIRED;
import static dev.provingground.vda5050.StreamedFields.once;
import static dev.provingground.vda5050.StreamedFields.require;

/**
 * The parts of a state or visualization the robot reports about itself — pose, velocity, loads, battery, errors,
 * information, safety — read straight from the parser: streaming twins of {@link StateReaders}, pinned to them by
 * {@code StreamedDecodingTest}. Each bit of {@code seen} is one field, numbered in the record's order.
 */
final class StreamedRobotReports {

    private static final NumberBounds.Range X = NumberBounds.of("x");
    private static final NumberBounds.Range Y = NumberBounds.of("y");
    private static final NumberBounds.Range Z = NumberBounds.of("z");
    private static final NumberBounds.Range THETA = NumberBounds.of("theta");
    private static final NumberBounds.Range LOCALIZATION_SCORE = NumberBounds.of("localizationScore");
    private static final NumberBounds.Range DEVIATION_RANGE = NumberBounds.of("deviationRange");
    private static final NumberBounds.Range VX = NumberBounds.of("vx");
    private static final NumberBounds.Range VY = NumberBounds.of("vy");
    private static final NumberBounds.Range OMEGA = NumberBounds.of("omega");
    private static final NumberBounds.Range WEIGHT = NumberBounds.of("weight");
    private static final NumberBounds.Range LENGTH = NumberBounds.of("length");
    private static final NumberBounds.Range WIDTH = NumberBounds.of("width");
    private static final NumberBounds.Range HEIGHT = NumberBounds.of("height");
    private static final NumberBounds.Range BATTERY_CHARGE = NumberBounds.of("batteryCharge");
    private static final NumberBounds.Range BATTERY_VOLTAGE = NumberBounds.of("batteryVoltage");
    private static final NumberBounds.Range BATTERY_HEALTH = NumberBounds.of("batteryHealth");
    private static final NumberBounds.Range REACH = NumberBounds.of("reach");
    private static final EnumNames<ErrorLevel> ERROR_LEVELS = EnumNames.of(ErrorLevel.class);
    private static final EnumNames<InfoLevel> INFO_LEVELS = EnumNames.of(InfoLevel.class);
    private static final EnumNames<EStop> E_STOPS = EnumNames.of(EStop.class);

    private StreamedRobotReports() {
    }

    static AgvPosition agvPosition(StreamedFields f) throws IOException {
        double x = 0, y = 0, theta = 0;
        String mapId = null, mapDescription = null;
        boolean positionInitialized = false;
        Double localizationScore = null, deviationRange = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "x" -> { seen = once(seen, 1); x = f.number(X); }
                case "y" -> { seen = once(seen, 1 << 1); y = f.number(Y); }
                case "theta" -> { seen = once(seen, 1 << 2); theta = f.number(THETA); }
                case "mapId" -> { seen = once(seen, 1 << 3); mapId = f.string(REQUIRED); }
                case "mapDescription" -> { seen = once(seen, 1 << 4); mapDescription = f.string(OPTIONAL); }
                case "positionInitialized" -> { seen = once(seen, 1 << 5); positionInitialized = f.bool(); }
                case "localizationScore" -> {
                    seen = once(seen, 1 << 6);
                    localizationScore = f.optionalNumber(LOCALIZATION_SCORE);
                }
                case "deviationRange" -> {
                    seen = once(seen, 1 << 7);
                    deviationRange = f.optionalNumber(DEVIATION_RANGE);
                }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 1 | 1 << 2 | 1 << 3 | 1 << 5);
        return new AgvPosition(x, y, theta, mapId, mapDescription, positionInitialized, localizationScore,
                deviationRange);
    }

    static Velocity velocity(StreamedFields f) throws IOException {
        Double vx = null, vy = null, omega = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "vx" -> { seen = once(seen, 1); vx = f.optionalNumber(VX); }
                case "vy" -> { seen = once(seen, 1 << 1); vy = f.optionalNumber(VY); }
                case "omega" -> { seen = once(seen, 1 << 2); omega = f.optionalNumber(OMEGA); }
                default -> f.skip();
            }
        }
        return new Velocity(vx, vy, omega);
    }

    static Load load(StreamedFields f) throws IOException {
        String loadId = null, loadType = null, loadPosition = null;
        BoundingBoxReference boundingBoxReference = null;
        LoadDimensions loadDimensions = null;
        Double weight = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "loadId" -> { seen = once(seen, 1); loadId = f.string(OPTIONAL); }
                case "loadType" -> { seen = once(seen, 1 << 1); loadType = f.string(OPTIONAL); }
                case "loadPosition" -> { seen = once(seen, 1 << 2); loadPosition = f.string(OPTIONAL); }
                case "boundingBoxReference" -> {
                    seen = once(seen, 1 << 3);
                    boundingBoxReference = f.object(OPTIONAL, StreamedRobotReports::boundingBoxReference);
                }
                case "loadDimensions" -> {
                    seen = once(seen, 1 << 4);
                    loadDimensions = f.object(OPTIONAL, StreamedRobotReports::loadDimensions);
                }
                case "weight" -> { seen = once(seen, 1 << 5); weight = f.optionalNumber(WEIGHT); }
                default -> f.skip();
            }
        }
        return new Load(loadId, loadType, loadPosition, boundingBoxReference, loadDimensions, weight);
    }

    static BoundingBoxReference boundingBoxReference(StreamedFields f) throws IOException {
        double x = 0, y = 0, z = 0;
        Double theta = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "x" -> { seen = once(seen, 1); x = f.number(X); }
                case "y" -> { seen = once(seen, 1 << 1); y = f.number(Y); }
                case "z" -> { seen = once(seen, 1 << 2); z = f.number(Z); }
                case "theta" -> { seen = once(seen, 1 << 3); theta = f.optionalNumber(THETA); }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 1 | 1 << 2);
        return new BoundingBoxReference(x, y, z, theta);
    }

    static LoadDimensions loadDimensions(StreamedFields f) throws IOException {
        double length = 0, width = 0;
        Double height = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "length" -> { seen = once(seen, 1); length = f.number(LENGTH); }
                case "width" -> { seen = once(seen, 1 << 1); width = f.number(WIDTH); }
                case "height" -> { seen = once(seen, 1 << 2); height = f.optionalNumber(HEIGHT); }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 1);
        return new LoadDimensions(length, width, height);
    }

    static BatteryState batteryState(StreamedFields f) throws IOException {
        double batteryCharge = 0;
        Double batteryVoltage = null, batteryHealth = null, reach = null;
        boolean charging = false;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "batteryCharge" -> { seen = once(seen, 1); batteryCharge = f.number(BATTERY_CHARGE); }
                case "batteryVoltage" -> {
                    seen = once(seen, 1 << 1);
                    batteryVoltage = f.optionalNumber(BATTERY_VOLTAGE);
                }
                case "batteryHealth" -> { seen = once(seen, 1 << 2); batteryHealth = f.optionalNumber(BATTERY_HEALTH); }
                case "charging" -> { seen = once(seen, 1 << 3); charging = f.bool(); }
                case "reach" -> { seen = once(seen, 1 << 4); reach = f.optionalNumber(REACH); }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 3);
        return new BatteryState(batteryCharge, batteryVoltage, batteryHealth, charging, reach);
    }

    static VdaError error(StreamedFields f) throws IOException {
        String errorType = null, errorDescription = null, errorHint = null;
        List<ErrorReference> errorReferences = List.of();
        ErrorLevel errorLevel = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "errorType" -> { seen = once(seen, 1); errorType = f.string(REQUIRED); }
                case "errorReferences" -> {
                    seen = once(seen, 1 << 1);
                    errorReferences = f.objects(OPTIONAL, StreamedRobotReports::errorReference);
                }
                case "errorDescription" -> { seen = once(seen, 1 << 2); errorDescription = f.string(OPTIONAL); }
                case "errorHint" -> { seen = once(seen, 1 << 3); errorHint = f.string(OPTIONAL); }
                case "errorLevel" -> { seen = once(seen, 1 << 4); errorLevel = f.enumValue(ERROR_LEVELS); }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 4);
        return new VdaError(errorType, errorReferences, errorDescription, errorHint, errorLevel);
    }

    static ErrorReference errorReference(StreamedFields f) throws IOException {
        String[] pair = referencePair(f);
        return new ErrorReference(pair[0], pair[1]);
    }

    static Info info(StreamedFields f) throws IOException {
        String infoType = null, infoDescription = null;
        List<InfoReference> infoReferences = List.of();
        InfoLevel infoLevel = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "infoType" -> { seen = once(seen, 1); infoType = f.string(REQUIRED); }
                case "infoReferences" -> {
                    seen = once(seen, 1 << 1);
                    infoReferences = f.objects(OPTIONAL, StreamedRobotReports::infoReference);
                }
                case "infoDescription" -> { seen = once(seen, 1 << 2); infoDescription = f.string(OPTIONAL); }
                case "infoLevel" -> { seen = once(seen, 1 << 3); infoLevel = f.enumValue(INFO_LEVELS); }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 3);
        return new Info(infoType, infoReferences, infoDescription, infoLevel);
    }

    static InfoReference infoReference(StreamedFields f) throws IOException {
        String[] pair = referencePair(f);
        return new InfoReference(pair[0], pair[1]);
    }

    static SafetyState safetyState(StreamedFields f) throws IOException {
        EStop eStop = null;
        boolean fieldViolation = false;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "eStop" -> { seen = once(seen, 1); eStop = f.enumValue(E_STOPS); }
                case "fieldViolation" -> { seen = once(seen, 1 << 1); fieldViolation = f.bool(); }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 1);
        return new SafetyState(eStop, fieldViolation);
    }

    /** Error and info references alike: both strings required. */
    private static String[] referencePair(StreamedFields f) throws IOException {
        String[] pair = new String[2];
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "referenceKey" -> { seen = once(seen, 1); pair[0] = f.string(REQUIRED); }
                case "referenceValue" -> { seen = once(seen, 1 << 1); pair[1] = f.string(REQUIRED); }
                default -> f.skip();
            }
        }
        require(seen, 1 | 1 << 1);
        return pair;
    }
}
