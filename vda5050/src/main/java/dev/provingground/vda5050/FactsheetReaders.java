package dev.provingground.vda5050;

import static dev.provingground.vda5050.MessageFields.OPTIONAL;
import static dev.provingground.vda5050.MessageFields.REQUIRED;

/** Decoders for the factsheet and its sections. */
final class FactsheetReaders {

    private static final JsonValueReader<LocalizationType> LOCALIZATION_TYPE =
            JsonValueReader.enumOf(LocalizationType.class);
    private static final JsonValueReader<NavigationType> NAVIGATION_TYPE = JsonValueReader.enumOf(NavigationType.class);
    private static final JsonValueReader<ActionScope> ACTION_SCOPE = JsonValueReader.enumOf(ActionScope.class);
    private static final JsonValueReader<BlockingType> BLOCKING_TYPE = JsonValueReader.enumOf(BlockingType.class);

    /** The 2.0.0 schema misspelt PHYSICAL_LINE_GUIDED; robots built against it send the misspelling. */
    private static final JsonValueReader<NavigationType> LEGACY_NAVIGATION_TYPE = (value, path, context) ->
            value.isTextual() && value.textValue().equals("PHYSICAL_LINDE_GUIDED")
                    ? NavigationType.PHYSICAL_LINE_GUIDED
                    : NAVIGATION_TYPE.read(value, path, context);

    private FactsheetReaders() {
    }

    static Factsheet factsheet(MessageFields f) {
        Header h = HeaderReader.identityRequired(f);
        return new Factsheet(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(),
                f.object("typeSpecification", REQUIRED, FactsheetReaders::typeSpecification),
                f.object("physicalParameters", REQUIRED, FactsheetReaders::physicalParameters),
                f.object("protocolLimits", REQUIRED, FactsheetReaders::protocolLimits),
                f.object("protocolFeatures", REQUIRED, FactsheetReaders::protocolFeatures),
                f.object("agvGeometry", REQUIRED, FactsheetReaders::agvGeometry),
                f.object("loadSpecification", REQUIRED, FactsheetReaders::loadSpecification),
                f.object("vehicleConfig", OPTIONAL, FactsheetReaders::vehicleConfig));
    }

    static TypeSpecification typeSpecification(MessageFields f) {
        return new TypeSpecification(
                f.string("seriesName", REQUIRED),
                f.string("seriesDescription", OPTIONAL),
                f.enumValue("agvKinematic", REQUIRED, AgvKinematic.class),
                f.enumValue("agvClass", REQUIRED, AgvClass.class),
                f.number("maxLoadMass", REQUIRED),
                f.list("localizationTypes", REQUIRED, LOCALIZATION_TYPE),
                f.list("navigationTypes", REQUIRED, f.legacy() ? LEGACY_NAVIGATION_TYPE : NAVIGATION_TYPE));
    }

    static PhysicalParameters physicalParameters(MessageFields f) {
        return new PhysicalParameters(
                f.number("speedMin", REQUIRED),
                f.number("speedMax", REQUIRED),
                f.number("angularSpeedMin", OPTIONAL),
                f.number("angularSpeedMax", OPTIONAL),
                f.number("accelerationMax", REQUIRED),
                f.number("decelerationMax", REQUIRED),
                f.number("heightMin", OPTIONAL),
                f.number("heightMax", REQUIRED),
                f.number("width", REQUIRED),
                f.number("length", REQUIRED));
    }

    static ProtocolLimits protocolLimits(MessageFields f) {
        return new ProtocolLimits(
                f.object("maxStringLens", REQUIRED, FactsheetReaders::maxStringLens),
                f.object("maxArrayLens", REQUIRED, FactsheetReaders::maxArrayLens),
                f.object("timing", REQUIRED, FactsheetReaders::timing));
    }

    static MaxStringLens maxStringLens(MessageFields f) {
        return new MaxStringLens(
                f.integer("msgLen", OPTIONAL),
                f.integer("topicSerialLen", OPTIONAL),
                f.integer("topicElemLen", OPTIONAL),
                f.integer("idLen", OPTIONAL),
                f.bool("idNumericalOnly", OPTIONAL),
                f.integer("enumLen", OPTIONAL),
                f.integer("loadIdLen", OPTIONAL));
    }

    static MaxArrayLens maxArrayLens(MessageFields f) {
        return new MaxArrayLens(
                f.integer("order.nodes", OPTIONAL),
                f.integer("order.edges", OPTIONAL),
                f.integer("node.actions", OPTIONAL),
                f.integer("edge.actions", OPTIONAL),
                f.integer("actions.actionsParameters", OPTIONAL),
                f.integer("instantActions", OPTIONAL),
                f.integer("trajectory.knotVector", OPTIONAL),
                f.integer("trajectory.controlPoints", OPTIONAL),
                f.integer("state.nodeStates", OPTIONAL),
                f.integer("state.edgeStates", OPTIONAL),
                f.integer("state.loads", OPTIONAL),
                f.integer("state.actionStates", OPTIONAL),
                f.integer("state.errors", OPTIONAL),
                f.integer("state.information", OPTIONAL),
                f.integer("error.errorReferences", OPTIONAL),
                f.integer("information.infoReferences", OPTIONAL));
    }

    static Timing timing(MessageFields f) {
        return new Timing(
                f.number("minOrderInterval", REQUIRED),
                f.number("minStateInterval", REQUIRED),
                f.number("defaultStateInterval", OPTIONAL),
                f.number("visualizationInterval", OPTIONAL));
    }

    static ProtocolFeatures protocolFeatures(MessageFields f) {
        return new ProtocolFeatures(
                f.objects("optionalParameters", REQUIRED, FactsheetReaders::optionalParameter),
                f.objects("agvActions", REQUIRED, FactsheetReaders::agvAction));
    }

    static OptionalParameter optionalParameter(MessageFields f) {
        return new OptionalParameter(
                f.string("parameter", REQUIRED),
                f.enumValue("support", REQUIRED, ParameterSupport.class),
                f.string("description", OPTIONAL));
    }

    static AgvAction agvAction(MessageFields f) {
        return new AgvAction(
                f.string("actionType", REQUIRED),
                f.string("actionDescription", OPTIONAL),
                f.list("actionScopes", REQUIRED, ACTION_SCOPE),
                f.objects("actionParameters", OPTIONAL, FactsheetReaders::agvActionParameter),
                f.string("resultDescription", OPTIONAL),
                f.list("blockingTypes", OPTIONAL, BLOCKING_TYPE));
    }

    static AgvActionParameter agvActionParameter(MessageFields f) {
        return new AgvActionParameter(
                f.string("key", REQUIRED),
                f.enumValue("valueDataType", REQUIRED, ValueDataType.class),
                f.string("description", OPTIONAL),
                f.bool("isOptional", OPTIONAL));
    }

    static AgvGeometry agvGeometry(MessageFields f) {
        return new AgvGeometry(
                f.objects("wheelDefinitions", OPTIONAL, FactsheetReaders::wheelDefinition),
                f.objects("envelopes2d", OPTIONAL, FactsheetReaders::envelope2d),
                f.objects("envelopes3d", OPTIONAL, FactsheetReaders::envelope3d));
    }

    static WheelDefinition wheelDefinition(MessageFields f) {
        return new WheelDefinition(
                f.enumValue("type", REQUIRED, WheelType.class),
                f.bool("isActiveDriven", REQUIRED),
                f.bool("isActiveSteered", REQUIRED),
                f.object("position", REQUIRED, FactsheetReaders::wheelPosition),
                f.number("diameter", REQUIRED),
                f.number("width", REQUIRED),
                f.number("centerDisplacement", OPTIONAL),
                f.string("constraints", OPTIONAL));
    }

    static WheelPosition wheelPosition(MessageFields f) {
        return new WheelPosition(f.number("x", REQUIRED), f.number("y", REQUIRED), f.number("theta", OPTIONAL));
    }

    static Envelope2d envelope2d(MessageFields f) {
        return new Envelope2d(
                f.string("set", REQUIRED),
                f.objects("polygonPoints", REQUIRED, FactsheetReaders::polygonPoint),
                f.string("description", OPTIONAL));
    }

    static PolygonPoint polygonPoint(MessageFields f) {
        return new PolygonPoint(f.number("x", REQUIRED), f.number("y", REQUIRED));
    }

    /** The 2.1.0 schema types description as integer, the text as string: both are accepted. */
    static Envelope3d envelope3d(MessageFields f) {
        return new Envelope3d(
                f.string("set", REQUIRED),
                f.string("format", REQUIRED),
                f.anyObject("data", OPTIONAL),
                f.string("url", OPTIONAL),
                f.text("description", OPTIONAL));
    }

    static LoadSpecification loadSpecification(MessageFields f) {
        return new LoadSpecification(
                f.list("loadPositions", OPTIONAL, JsonValueReader.STRING),
                f.objects("loadSets", OPTIONAL, FactsheetReaders::loadSet));
    }

    /** 2.0.0 misspelt maxWeight as maxWeigth and typed description as number; both are accepted. */
    static LoadSet loadSet(MessageFields f) {
        String maxWeightKey = !f.has("maxWeight") && f.has("maxWeigth") ? "maxWeigth" : "maxWeight";
        return new LoadSet(
                f.string("setName", REQUIRED),
                f.string("loadType", REQUIRED),
                f.list("loadPositions", OPTIONAL, JsonValueReader.STRING),
                f.object("boundingBoxReference", OPTIONAL, StateReaders::boundingBoxReference),
                f.object("loadDimensions", OPTIONAL, StateReaders::loadDimensions),
                f.number(maxWeightKey, OPTIONAL),
                f.number("minLoadhandlingHeight", OPTIONAL),
                f.number("maxLoadhandlingHeight", OPTIONAL),
                f.number("minLoadhandlingDepth", OPTIONAL),
                f.number("maxLoadhandlingDepth", OPTIONAL),
                f.number("minLoadhandlingTilt", OPTIONAL),
                f.number("maxLoadhandlingTilt", OPTIONAL),
                f.number("agvSpeedLimit", OPTIONAL),
                f.number("agvAccelerationLimit", OPTIONAL),
                f.number("agvDecelerationLimit", OPTIONAL),
                f.number("pickTime", OPTIONAL),
                f.number("dropTime", OPTIONAL),
                f.text("description", OPTIONAL));
    }

    static VehicleConfig vehicleConfig(MessageFields f) {
        return new VehicleConfig(
                f.objects("versions", OPTIONAL, FactsheetReaders::vehicleVersion),
                f.object("network", OPTIONAL, FactsheetReaders::network));
    }

    static VehicleVersion vehicleVersion(MessageFields f) {
        return new VehicleVersion(f.string("key", REQUIRED), f.string("value", REQUIRED));
    }

    static Network network(MessageFields f) {
        return new Network(
                f.list("dnsServers", OPTIONAL, JsonValueReader.STRING),
                f.string("localIpAddress", OPTIONAL),
                f.list("ntpServers", OPTIONAL, JsonValueReader.STRING),
                f.string("netmask", OPTIONAL),
                f.string("defaultGateway", OPTIONAL));
    }
}
