package dev.provingground.vda5050;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidatedShapesTest {

    private static final Vda5050Schemas SCHEMAS = Vda5050Schemas.fromClasspath();

    private static InstantActions pause(long headerId, Instant at, String actionId, BlockingType blocking) {
        return InstantActions.create(List.of(Action.instant("startPause", actionId, blocking, List.of())))
                .withHeader(new Header(headerId, at, Header.PROTOCOL_VERSION, "Acme", "A-1"));
    }

    private static byte[] json(VdaMessage message) {
        return Vda5050Json.newMapper().valueToTree(message).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The sample state with its place, speed, charge, last node, driving flag and two constrained values set. */
    private static State state(double x, double y, double charge, String lastNode, boolean driving,
                               Double localizationScore, Double batteryHealth) {
        State s = SampleMessages.state();
        AgvPosition p = s.agvPosition();
        BatteryState b = s.batteryState();
        return new State(s.headerId(), s.timestamp(), s.version(), s.manufacturer(), s.serialNumber(), s.maps(),
                s.orderId(), s.orderUpdateId(), s.zoneSetId(), lastNode, s.lastNodeSequenceId(), driving, s.paused(),
                s.newBaseRequest(), s.distanceSinceLastNode(), s.operatingMode(), s.nodeStates(), s.edgeStates(),
                new AgvPosition(x, y, p.theta(), p.mapId(), p.mapDescription(), p.positionInitialized(),
                        localizationScore, p.deviationRange()),
                s.velocity(), s.loads(), s.actionStates(),
                new BatteryState(charge, b.batteryVoltage(), batteryHealth, b.charging(), b.reach()),
                s.errors(), s.information(), s.safetyState());
    }

    private static String stateShape(State s) {
        return new ValidatedShapes(SCHEMAS.typeOnlyProperties()).shape(Topic.STATE, json(s));
    }

    @Test
    void messagesDifferingOnlyInHeaderIdTimestampAndActionIdsHaveOneShape() {
        ValidatedShapes shapes = new ValidatedShapes(SCHEMAS.typeOnlyProperties());
        String first = shapes.shape(Topic.INSTANT_ACTIONS,
                json(pause(1, Instant.parse("2026-03-02T08:00:00.123Z"), "pause-1\"x", BlockingType.HARD)));
        String second = shapes.shape(Topic.INSTANT_ACTIONS,
                json(pause(98765, Instant.parse("2027-11-30T23:59:59.999Z"), "pause-2", BlockingType.HARD)));

        assertThat(second).isEqualTo(first);
        assertThat(shapes.shape(Topic.INSTANT_ACTIONS,
                json(pause(1, Instant.parse("2026-03-02T08:00:00.123Z"), "pause-1", BlockingType.SOFT))))
                .as("another blocking type (an enum in the schema)").isNotEqualTo(first);
        assertThat(shapes.shape(Topic.ORDER,
                json(pause(1, Instant.parse("2026-03-02T08:00:00.123Z"), "pause-1", BlockingType.HARD))))
                .as("another topic").isNotEqualTo(first);
    }

    @Test
    void aMessageOfAShapeNeverValidatedIsStillRefusedAfterOthersPassed() {
        Vda5050Codec codec = new Vda5050Codec();
        for (int i = 0; i < 3; i++) codec.encode(pause(i, Instant.parse("2026-03-02T08:00:00Z"), "p-" + i, BlockingType.HARD));
        InstantActions unstamped = InstantActions.create(List.of(Action.instant("startPause", "p-9", BlockingType.HARD,
                List.of())));

        assertThatThrownBy(() -> codec.encode(unstamped)).isInstanceOf(Vda5050EncodeException.class)
                .hasMessageContaining("timestamp");
    }

    @Test
    void statesAtAnotherPlaceChargeAndNodeHaveOneShapeWhileValuesTheSchemaBoundsKeepTheirOwn() {
        String shape = stateShape(state(5.7, 4.02, 76.5, "lobby", true, 0.93, 97.0));

        assertThat(stateShape(state(-120.25, 1e-7, 3.0, "elevator-hall", false, 0.93, 97.0)))
                .as("another place, charge, last node and driving flag").isEqualTo(shape);
        assertThat(stateShape(state(5.7, 4.02, 76.5, "lobby", true, 0.5, 97.0)))
                .as("another localizationScore (0..1 in the schema)").isNotEqualTo(shape);
        assertThat(stateShape(state(5.7, 4.02, 76.5, "lobby", true, 0.93, 99.0)))
                .as("another batteryHealth (0..100 in the schema)").isNotEqualTo(shape);
    }

    @Test
    void aStateWithAValueOutsideItsSchemaBoundsIsRefusedAfterStatesOfItsShapePassed() {
        Vda5050Codec codec = new Vda5050Codec();
        for (int i = 0; i < 3; i++) codec.encode(state(i, 2 * i, 50 + i, "node-" + i, i % 2 == 0, 0.9, 97.0));

        assertThatThrownBy(() -> codec.encode(state(1, 2, 51, "node-1", false, 1.5, 97.0)))
                .isInstanceOf(Vda5050EncodeException.class).hasMessageContaining("localizationScore");
        assertThatThrownBy(() -> codec.encode(state(1, 2, 51, "node-1", false, 0.9, -3.0)))
                .isInstanceOf(Vda5050EncodeException.class).hasMessageContaining("batteryHealth");
    }

    @Test
    void onlyPropertiesConstrainedByTheirTypeAloneAtEveryOccurrenceVary() {
        TypeOnlyProperties state = SCHEMAS.typeOnlyProperties().get(Topic.STATE);

        assertThat(state.names("number")).contains("x", "y", "theta", "vx", "batteryCharge", "distanceSinceLastNode")
                .doesNotContain("localizationScore", "batteryHealth", "reach", "weight");
        assertThat(state.names("string")).contains("lastNodeId", "orderId", "mapId")
                .doesNotContain("timestamp", "actionStatus", "operatingMode", "errorLevel");
        assertThat(state.names("boolean")).contains("driving", "charging");
        assertThat(state.names("integer")).contains("sequenceId", "orderUpdateId");
    }

    @Test
    void aSchemaUsingAKeywordNotReadHereLetsNoValueVary() {
        JsonObject schema = new JsonObject().put("type", "object").put("properties", new JsonObject()
                .put("x", new JsonObject().put("type", "number"))
                .put("kind", new JsonObject().put("type", "string")))
                .put("if", new JsonObject().put("properties", new JsonObject().put("kind",
                        new JsonObject().put("const", "far"))))
                .put("then", new JsonObject().put("properties", new JsonObject().put("x",
                        new JsonObject().put("minimum", 100))));

        assertThat(TypeOnlyProperties.of(schema).names("number")).isEmpty();
        schema.remove("if");
        schema.remove("then");
        assertThat(TypeOnlyProperties.of(schema).names("number")).as("the same without if/then").containsExactly("x");
        JsonObject plain = new JsonObject().put("type", "object").put("properties", new JsonObject()
                .put("x", new JsonObject().put("type", "number").put("description", "metres"))
                .put("nodes", new JsonObject().put("type", "array").put("items", new JsonObject().put("type", "object")
                        .put("properties", new JsonObject().put("x", new JsonObject().put("type", "number")
                                .put("maximum", 5))))));
        assertThat(TypeOnlyProperties.of(plain).names("number")).as("x bounded where it occurs again").isEmpty();
    }
}
