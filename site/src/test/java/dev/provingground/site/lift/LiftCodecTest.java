package dev.provingground.site.lift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiftCodecTest {

    private static final Instant T = Instant.parse("2026-03-02T09:15:30.250Z");
    private final LiftCodec codec = new LiftCodec();

    private static LiftState state(String current, String destination, Integer passengers, List<String> robots) {
        return new LiftState(T, "A1", List.of("L1", "L2", "L3"), current, destination, LiftDoorState.OPEN,
                LiftMotionState.STOPPED, List.of(LiftMode.HUMAN, LiftMode.AGV), LiftMode.AGV, "r1#1", passengers, robots);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void requestEncodesAsSnakeCaseJsonAndReadsBackEqual() throws Exception {
        LiftRequest request = LiftRequest.agvMode("A1", T, "r1#1", "L3", LiftDoorState.OPEN);
        byte[] json = codec.encode(request);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.get("lift_name").asText()).isEqualTo("A1");
        assertThat(tree.get("request_time").asText()).isEqualTo("2026-03-02T09:15:30.250Z");
        assertThat(tree.get("request_type").asText()).isEqualTo("AGV_MODE");
        assertThat(tree.get("destination_floor").asText()).isEqualTo("L3");
        assertThat(tree.get("door_state").asText()).isEqualTo("OPEN");
        assertThat(codec.decodeRequest(json)).isEqualTo(request);
    }

    @Test
    void stateWithPassengersAndRobotsReadsBackEqual() {
        LiftState state = state("L2", "L3", 2, List.of("robot-7"));
        assertThat(codec.decodeState(codec.encode(state))).isEqualTo(state);
    }

    @Test
    void stateWithUnknownPassengerCountLeavesTheFieldOutAndReadsBackAsUnknown() {
        LiftState state = state("L2", "", null, List.of());
        String json = new String(codec.encode(state), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("passengers");
        assertThat(codec.decodeState(json.getBytes(StandardCharsets.UTF_8)).passengers()).isNull();
    }

    @Test
    void encodingRefusesACurrentFloorTheCarDoesNotServe() {
        assertThatThrownBy(() -> codec.encode(state("L9", "", 0, List.of())))
                .isInstanceOf(LiftMessageException.class)
                .hasMessageContaining("current_floor").hasMessageContaining("L9")
                .extracting(e -> ((LiftMessageException) e).field()).isEqualTo("current_floor");
    }

    @Test
    void encodingRefusesADoorRequestOfMoving() {
        LiftRequest moving = new LiftRequest("A1", T, "s", LiftRequestType.AGV_MODE, "L1", LiftDoorState.MOVING);
        assertThatThrownBy(() -> codec.encode(moving)).hasMessageContaining("door_state").hasMessageContaining("MOVING");
    }

    @Test
    void encodingRefusesAModeRequestWithoutDestination() {
        LiftRequest noFloor = new LiftRequest("A1", T, "s", LiftRequestType.AGV_MODE, "", LiftDoorState.OPEN);
        assertThatThrownBy(() -> codec.encode(noFloor)).hasMessageStartingWith("destination_floor");
    }

    @Test
    void encodingRefusesReadOnlyModesAmongAvailableModes() {
        LiftState bad = new LiftState(T, "A1", List.of("L1"), "L1", "", LiftDoorState.CLOSED, LiftMotionState.STOPPED,
                List.of(LiftMode.AGV, LiftMode.FIRE), LiftMode.HUMAN, "", 0, List.of());
        assertThatThrownBy(() -> codec.encode(bad)).hasMessageStartingWith("available_modes[1]").hasMessageContaining("FIRE");
    }

    @Test
    void encodingRefusesNegativePassengersAndRepeatedRobots() {
        assertThatThrownBy(() -> codec.encode(state("L1", "", -1, List.of()))).hasMessageStartingWith("passengers");
        assertThatThrownBy(() -> codec.encode(state("L1", "", 0, List.of("r", "r")))).hasMessageStartingWith("robots[1]");
    }

    @Test
    void decodingAcceptsOpenRmfIntegerCodesPrefixedNamesAndRosTime() {
        LiftRequest r = codec.decodeRequest(bytes("""
                {"lift_name":"A1","request_time":{"sec":1772442930,"nanosec":250000000},"session_id":"fleet-a",
                 "request_type":1,"destination_floor":"L2","door_state":"DOOR_OPEN","unknown_extra":true}"""));
        assertThat(r.requestType()).isEqualTo(LiftRequestType.AGV_MODE);
        assertThat(r.doorState()).isEqualTo(LiftDoorState.OPEN);
        assertThat(r.requestTime()).isEqualTo(Instant.ofEpochSecond(1772442930, 250_000_000));

        LiftState s = codec.decodeState(bytes("""
                {"lift_time":"2026-03-02T18:15:30.123456+09:00","lift_name":"A1","available_floors":["L1","L2"],
                 "current_floor":"L1","door_state":0,"motion_state":"motion_up","available_modes":[1,2],
                 "current_mode":"MODE_FIRE"}"""));
        assertThat(s.liftTime()).isEqualTo(Instant.parse("2026-03-02T09:15:30.123456Z"));
        assertThat(s.motionState()).isEqualTo(LiftMotionState.UP);
        assertThat(s.availableModes()).containsExactly(LiftMode.HUMAN, LiftMode.AGV);
        assertThat(s.currentMode()).isEqualTo(LiftMode.FIRE);
        assertThat(s.sessionId()).isEmpty();
        assertThat(s.robots()).isEmpty();
        assertThat(s.passengers()).isNull();
    }

    @Test
    void decodingNamesTheFieldWithAnUnknownEnumValue() {
        assertThatThrownBy(() -> codec.decodeState(bytes("""
                {"lift_time":"2026-03-02T09:15:30Z","lift_name":"A1","current_floor":"L1","door_state":"OPEN",
                 "motion_state":"STOPPED","current_mode":"SLEEPING"}""")))
                .isInstanceOf(LiftMessageException.class)
                .hasMessageContaining("current_mode").hasMessageContaining("SLEEPING").hasMessageContaining("EMERGENCY");
    }

    @Test
    void decodingNamesAMissingRequiredField() {
        assertThatThrownBy(() -> codec.decodeRequest(bytes("""
                {"request_time":"2026-03-02T09:15:30Z","session_id":"s","request_type":"END_SESSION"}""")))
                .hasMessageStartingWith("lift_name: required");
        assertThatThrownBy(() -> codec.decodeRequest(bytes("""
                {"lift_name":"A1","request_time":"2026-03-02T09:15:30Z","session_id":"s","request_type":"AGV_MODE"}""")))
                .hasMessageStartingWith("destination_floor: required for AGV_MODE");
    }

    @Test
    void decodingNamesABadTimeAndWrongTypes() {
        assertThatThrownBy(() -> codec.decodeRequest(bytes("""
                {"lift_name":"A1","request_time":"yesterday","session_id":"s","request_type":0}""")))
                .hasMessageContaining("request_time").hasMessageContaining("yesterday");
        assertThatThrownBy(() -> codec.decodeState(bytes("""
                {"lift_time":"2026-03-02T09:15:30Z","lift_name":"A1","current_floor":"L1","door_state":"OPEN",
                 "motion_state":"STOPPED","current_mode":"AGV","passengers":1.5}""")))
                .hasMessageStartingWith("passengers");
        assertThatThrownBy(() -> codec.decodeState(bytes("[1,2]"))).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> codec.decodeState(bytes("{not json"))).hasMessageContaining("not valid JSON");
    }

    @Test
    void endSessionNeedsNoDestination() {
        LiftRequest end = codec.decodeRequest(bytes("""
                {"lift_name":"A1","request_time":"2026-03-02T09:15:30Z","session_id":"s","request_type":"REQUEST_END_SESSION"}"""));
        assertThat(end.requestType()).isEqualTo(LiftRequestType.END_SESSION);
        assertThat(end.destinationFloor()).isEmpty();
        assertThat(end.doorState()).isEqualTo(LiftDoorState.CLOSED);
    }
}
