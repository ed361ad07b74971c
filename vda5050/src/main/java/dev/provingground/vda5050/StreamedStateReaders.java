package dev.provingground.vda5050;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static dev.provingground.vda5050.MessageFields.OPTIONAL;
import static dev.provingground.vda5050.MessageFields.REQUIRED;
import static dev.provingground.vda5050.StreamedFields.once;
import static dev.provingground.vda5050.StreamedFields.require;

/**
 * The state and visualization messages read straight from the parser: the streaming twins of
 * {@link StateReaders#state} and {@link StateReaders#visualization}, with the same fields required (the
 * differential test {@code StreamedDecodingTest} pins the two together). Each bit of {@code seen} is one field.
 */
final class StreamedStateReaders {

    private static final NumberBounds.Range DISTANCE_SINCE_LAST_NODE = NumberBounds.of("distanceSinceLastNode");
    private static final EnumNames<OperatingMode> OPERATING_MODES = EnumNames.of(OperatingMode.class);

    private static final int HEADER_ID = 1, TIMESTAMP = 1 << 1, VERSION = 1 << 2, MANUFACTURER = 1 << 3,
            SERIAL_NUMBER = 1 << 4, MAPS = 1 << 5, ORDER_ID = 1 << 6, ORDER_UPDATE_ID = 1 << 7, ZONE_SET_ID = 1 << 8,
            LAST_NODE_ID = 1 << 9, LAST_NODE_SEQUENCE_ID = 1 << 10, DRIVING = 1 << 11, PAUSED = 1 << 12,
            NEW_BASE_REQUEST = 1 << 13, DISTANCE = 1 << 14, OPERATING_MODE = 1 << 15, NODE_STATES = 1 << 16,
            EDGE_STATES = 1 << 17, AGV_POSITION = 1 << 18, VELOCITY = 1 << 19, LOADS = 1 << 20,
            ACTION_STATES = 1 << 21, BATTERY_STATE = 1 << 22, ERRORS = 1 << 23, INFORMATION = 1 << 24,
            SAFETY_STATE = 1 << 25;
    private static final int STATE_REQUIRED = HEADER_ID | TIMESTAMP | VERSION | MANUFACTURER | SERIAL_NUMBER
            | ORDER_ID | ORDER_UPDATE_ID | LAST_NODE_ID | LAST_NODE_SEQUENCE_ID | DRIVING | OPERATING_MODE
            | NODE_STATES | EDGE_STATES | ACTION_STATES | BATTERY_STATE | ERRORS | SAFETY_STATE;

    private StreamedStateReaders() {
    }

    static State state(StreamedFields f) throws IOException {
        long headerId = 0, orderUpdateId = 0, lastNodeSequenceId = 0;
        Instant timestamp = null;
        String version = null, manufacturer = null, serialNumber = null, orderId = null, zoneSetId = null,
                lastNodeId = null;
        boolean driving = false;
        Boolean paused = null, newBaseRequest = null;
        Double distanceSinceLastNode = null;
        OperatingMode operatingMode = null;
        List<MapInfo> maps = List.of();
        List<NodeState> nodeStates = List.of();
        List<EdgeState> edgeStates = List.of();
        List<Load> loads = List.of();
        List<ActionState> actionStates = List.of();
        List<VdaError> errors = List.of();
        List<Info> information = List.of();
        AgvPosition agvPosition = null;
        Velocity velocity = null;
        BatteryState batteryState = null;
        SafetyState safetyState = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "headerId" -> { seen = once(seen, HEADER_ID); headerId = f.integerOrZero(REQUIRED); }
                case "timestamp" -> { seen = once(seen, TIMESTAMP); timestamp = f.timestamp(REQUIRED); }
                case "version" -> { seen = once(seen, VERSION); version = f.string(REQUIRED); }
                case "manufacturer" -> { seen = once(seen, MANUFACTURER); manufacturer = f.string(REQUIRED); }
                case "serialNumber" -> { seen = once(seen, SERIAL_NUMBER); serialNumber = f.string(REQUIRED); }
                case "maps" -> { seen = once(seen, MAPS); maps = f.objects(OPTIONAL, StreamedOrderProgress::mapInfo); }
                case "orderId" -> { seen = once(seen, ORDER_ID); orderId = f.string(REQUIRED); }
                case "orderUpdateId" -> {
                    seen = once(seen, ORDER_UPDATE_ID);
                    orderUpdateId = f.integerOrZero(REQUIRED);
                }
                case "zoneSetId" -> { seen = once(seen, ZONE_SET_ID); zoneSetId = f.string(OPTIONAL); }
                case "lastNodeId" -> { seen = once(seen, LAST_NODE_ID); lastNodeId = f.string(REQUIRED); }
                case "lastNodeSequenceId" -> {
                    seen = once(seen, LAST_NODE_SEQUENCE_ID);
                    lastNodeSequenceId = f.integerOrZero(REQUIRED);
                }
                case "driving" -> { seen = once(seen, DRIVING); driving = f.bool(); }
                case "paused" -> { seen = once(seen, PAUSED); paused = f.optionalBool(); }
                case "newBaseRequest" -> { seen = once(seen, NEW_BASE_REQUEST); newBaseRequest = f.optionalBool(); }
                case "distanceSinceLastNode" -> {
                    seen = once(seen, DISTANCE);
                    distanceSinceLastNode = f.optionalNumber(DISTANCE_SINCE_LAST_NODE);
                }
                case "operatingMode" -> {
                    seen = once(seen, OPERATING_MODE);
                    operatingMode = f.enumValue(OPERATING_MODES);
                }
                case "nodeStates" -> {
                    seen = once(seen, NODE_STATES);
                    nodeStates = f.objects(REQUIRED, StreamedOrderProgress::nodeState);
                }
                case "edgeStates" -> {
                    seen = once(seen, EDGE_STATES);
                    edgeStates = f.objects(REQUIRED, StreamedOrderProgress::edgeState);
                }
                case "agvPosition" -> {
                    seen = once(seen, AGV_POSITION);
                    agvPosition = f.object(OPTIONAL, StreamedRobotReports::agvPosition);
                }
                case "velocity" -> {
                    seen = once(seen, VELOCITY);
                    velocity = f.object(OPTIONAL, StreamedRobotReports::velocity);
                }
                case "loads" -> { seen = once(seen, LOADS); loads = f.objects(OPTIONAL, StreamedRobotReports::load); }
                case "actionStates" -> {
                    seen = once(seen, ACTION_STATES);
                    actionStates = f.objects(REQUIRED, StreamedOrderProgress::actionState);
                }
                case "batteryState" -> {
                    seen = once(seen, BATTERY_STATE);
                    batteryState = f.object(REQUIRED, StreamedRobotReports::batteryState);
                }
                case "errors" -> {
                    seen = once(seen, ERRORS);
                    errors = f.objects(REQUIRED, StreamedRobotReports::error);
                }
                case "information" -> {
                    seen = once(seen, INFORMATION);
                    information = f.objects(OPTIONAL, StreamedRobotReports::info);
                }
                case "safetyState" -> {
                    seen = once(seen, SAFETY_STATE);
                    safetyState = f.object(REQUIRED, StreamedRobotReports::safetyState);
                }
                default -> f.skip();
            }
        }
        require(seen, STATE_REQUIRED);
        return new State(headerId, timestamp, version, manufacturer, serialNumber, maps, orderId, orderUpdateId,
                zoneSetId, lastNodeId, lastNodeSequenceId, driving, paused, newBaseRequest, distanceSinceLastNode,
                operatingMode, nodeStates, edgeStates, agvPosition, velocity, loads, actionStates, batteryState,
                errors, information, safetyState);
    }

    /** Every field optional, as in {@link HeaderReader#optional}. */
    static Visualization visualization(StreamedFields f) throws IOException {
        long headerId = 0;
        Instant timestamp = null;
        String version = null, manufacturer = null, serialNumber = null;
        AgvPosition agvPosition = null;
        Velocity velocity = null;
        int seen = 0;
        while (f.nextField()) {
            switch (f.name()) {
                case "headerId" -> { seen = once(seen, HEADER_ID); headerId = f.integerOrZero(OPTIONAL); }
                case "timestamp" -> { seen = once(seen, TIMESTAMP); timestamp = f.timestamp(OPTIONAL); }
                case "version" -> { seen = once(seen, VERSION); version = f.string(OPTIONAL); }
                case "manufacturer" -> { seen = once(seen, MANUFACTURER); manufacturer = f.string(OPTIONAL); }
                case "serialNumber" -> { seen = once(seen, SERIAL_NUMBER); serialNumber = f.string(OPTIONAL); }
                case "agvPosition" -> {
                    seen = once(seen, AGV_POSITION);
                    agvPosition = f.object(OPTIONAL, StreamedRobotReports::agvPosition);
                }
                case "velocity" -> {
                    seen = once(seen, VELOCITY);
                    velocity = f.object(OPTIONAL, StreamedRobotReports::velocity);
                }
                default -> f.skip();
            }
        }
        return new Visualization(headerId, timestamp, version, manufacturer, serialNumber, agvPosition, velocity);
    }
}
