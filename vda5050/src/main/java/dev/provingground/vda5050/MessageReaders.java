package dev.provingground.vda5050;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static java.util.Map.entry;

/** Which decoder reads which record type; the same decoders serve the codec and the Jackson mapper. */
final class MessageReaders {

    private static final Map<Class<?>, Function<MessageFields, ?>> READERS = Map.ofEntries(
            entry(Order.class, OrderReaders::order),
            entry(InstantActions.class, OrderReaders::instantActions),
            entry(State.class, StateReaders::state),
            entry(Visualization.class, StateReaders::visualization),
            entry(Connection.class, StateReaders::connection),
            entry(Factsheet.class, FactsheetReaders::factsheet),
            entry(Node.class, OrderReaders::node),
            entry(NodePosition.class, OrderReaders::nodePosition),
            entry(Edge.class, OrderReaders::edge),
            entry(Trajectory.class, OrderReaders::trajectory),
            entry(ControlPoint.class, OrderReaders::controlPoint),
            entry(Corridor.class, OrderReaders::corridor),
            entry(Action.class, OrderReaders::action),
            entry(ActionParameter.class, OrderReaders::actionParameter),
            entry(MapInfo.class, StateReaders::mapInfo),
            entry(NodeState.class, StateReaders::nodeState),
            entry(EdgeState.class, StateReaders::edgeState),
            entry(AgvPosition.class, StateReaders::agvPosition),
            entry(Velocity.class, StateReaders::velocity),
            entry(Load.class, StateReaders::load),
            entry(BoundingBoxReference.class, StateReaders::boundingBoxReference),
            entry(LoadDimensions.class, StateReaders::loadDimensions),
            entry(ActionState.class, StateReaders::actionState),
            entry(BatteryState.class, StateReaders::batteryState),
            entry(VdaError.class, StateReaders::error),
            entry(ErrorReference.class, StateReaders::errorReference),
            entry(Info.class, StateReaders::info),
            entry(InfoReference.class, StateReaders::infoReference),
            entry(SafetyState.class, StateReaders::safetyState),
            entry(TypeSpecification.class, FactsheetReaders::typeSpecification),
            entry(PhysicalParameters.class, FactsheetReaders::physicalParameters),
            entry(ProtocolLimits.class, FactsheetReaders::protocolLimits),
            entry(MaxStringLens.class, FactsheetReaders::maxStringLens),
            entry(MaxArrayLens.class, FactsheetReaders::maxArrayLens),
            entry(Timing.class, FactsheetReaders::timing),
            entry(ProtocolFeatures.class, FactsheetReaders::protocolFeatures),
            entry(OptionalParameter.class, FactsheetReaders::optionalParameter),
            entry(AgvAction.class, FactsheetReaders::agvAction),
            entry(AgvActionParameter.class, FactsheetReaders::agvActionParameter),
            entry(AgvGeometry.class, FactsheetReaders::agvGeometry),
            entry(WheelDefinition.class, FactsheetReaders::wheelDefinition),
            entry(WheelPosition.class, FactsheetReaders::wheelPosition),
            entry(Envelope2d.class, FactsheetReaders::envelope2d),
            entry(PolygonPoint.class, FactsheetReaders::polygonPoint),
            entry(Envelope3d.class, FactsheetReaders::envelope3d),
            entry(LoadSpecification.class, FactsheetReaders::loadSpecification),
            entry(LoadSet.class, FactsheetReaders::loadSet),
            entry(VehicleConfig.class, FactsheetReaders::vehicleConfig),
            entry(VehicleVersion.class, FactsheetReaders::vehicleVersion),
            entry(Network.class, FactsheetReaders::network));

    private MessageReaders() {
    }

    static Set<Class<?>> types() {
        return READERS.keySet();
    }

    @SuppressWarnings("unchecked")
    static <T> Function<MessageFields, T> forType(Class<T> type) {
        Function<MessageFields, ?> reader = READERS.get(type);
        if (reader == null) {
            throw new IllegalArgumentException("no VDA 5050 decoder for " + type.getName());
        }
        return (Function<MessageFields, T>) reader;
    }
}
