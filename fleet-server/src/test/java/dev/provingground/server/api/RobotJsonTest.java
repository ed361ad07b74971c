package dev.provingground.server.api;

import dev.provingground.server.auth.SecretHasher;
import dev.provingground.server.registry.DispatchMode;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotPosition;
import dev.provingground.server.registry.RobotStatus;
import dev.provingground.vda5050.ConnectionState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RobotJsonTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00.123Z");

    private static Robot robot(String serial) {
        return new Robot(serial.equals("s-1") ? "rb-1" : "rb-2", "acme", serial, "acme-firm", "delivery", "DELIVERY",
                "hall", SecretHasher.hash("secret"), T0, DispatchMode.VENDOR);
    }

    @Test
    void theStreamedListIsByteForByteWhatTheTreeOfEachRobotWouldBe() {
        RobotStatus driving = new RobotStatus(ConnectionState.ONLINE, T0, new RobotPosition("floor-1", 1.25, -3.5, 0.1,
                true), 87.5, false, 0.4999999999999999, true, false, "AUTOMATIC", "order-7", "n3",
                List.of("WARNING lowBattery: \"below 90\" \\ \u00e9"), T0.plusSeconds(1), T0.plusSeconds(1),
                T0.plusSeconds(2), "2.1.0");
        RobotStatus never = RobotStatus.never(T0);
        List<RobotJson.Listed> listed = List.of(new RobotJson.Listed(robot("s-1"), driving),
                new RobotJson.Listed(robot("s-2"), never), new RobotJson.Listed(robot("s-3"), null));

        String streamed = new RobotListWriter().write(listed).toString();

        assertThat(streamed).isEqualTo(tree(listed));
        assertThat(new JsonObject(streamed).getJsonArray("robots")).hasSize(3);
    }

    @Test
    void aRobotWhoseRecordChangedIsWrittenAsItIsNowNotAsItWasKept() {
        RobotListWriter writer = new RobotListWriter();
        Robot before = robot("s-1");
        Robot moved = new Robot(before.id(), before.manufacturer(), before.serialNumber(), before.firm(),
                before.profile(), before.kind(), "annex", before.mqttSecret(), before.registeredAt(),
                DispatchMode.SERVER);
        RobotStatus status = RobotStatus.never(T0.plusNanos(1_000));
        writer.write(List.of(new RobotJson.Listed(before, status)));

        String again = writer.write(List.of(new RobotJson.Listed(moved, status))).toString();

        assertThat(again).isEqualTo(tree(List.of(new RobotJson.Listed(moved, status))))
                .contains("\"site\":\"annex\"", "\"dispatch\":\"SERVER\"");
    }

    @Test
    void anEmptyListIsAnEmptyArray() {
        assertThat(new RobotListWriter().write(List.of()).toString()).isEqualTo("{\"robots\":[]}");
    }

    private static String tree(List<RobotJson.Listed> listed) {
        JsonArray tree = new JsonArray();
        listed.forEach(l -> tree.add(RobotJson.of(l.robot(), l.status())));
        return new JsonObject().put("robots", tree).encode();
    }
}
