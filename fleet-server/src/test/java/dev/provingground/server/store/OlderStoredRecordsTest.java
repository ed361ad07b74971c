package dev.provingground.server.store;

import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Data written by an earlier server still loads: each record below is byte for byte what the version before a field
 * was added stored, and the field it lacks reads as the behaviour that server had.
 */
class OlderStoredRecordsTest {

    /** A robot as version 1 stored it, before robots had a {@code dispatch} mode. */
    static final String ROBOT_V1 = """
            {"robot":{"id":"rb-0a1b2c3d4e","manufacturer":"Acme","serialNumber":"A-1","firm":"acme",\
            "profile":"indoor-delivery","kind":"DELIVERY","site":"test","mqttSecret":{"salt":"c2FsdA","hash":"aGFzaA"},\
            "registeredAt":"2026-03-01T09:00:00Z"},"status":{"connection":"OFFLINE",\
            "connectionChangedAt":"2026-03-01T09:00:00Z","position":{"mapId":"L1","x":7.5,"y":2.5,"theta":0.0,\
            "initialized":true},"battery":64.0,"charging":false,"speed":0.0,"driving":false,"paused":false,\
            "operatingMode":"AUTOMATIC","orderId":"","lastNodeId":"a","errors":[],\
            "lastStateAt":"2026-03-01T09:00:00Z","lastMessageAt":"2026-03-01T09:00:00Z",\
            "updatedAt":"2026-03-01T09:00:00Z","protocolVersion":"2.1.0"}}""";

    /** A task as version 1 stored it, before requesters could keep a task to some firms. */
    static final String TASK_V1 = """
            {"id":"task-0123456789abc","site":"test","category":"GO_TO_PLACE","description":{"place":"end"},            "earliestStart":"2026-03-01T09:00:00Z","priority":0,"labels":["x"],"requester":"operator:t1","firm":null,            "robotKind":null,"status":"QUEUED","assignedTo":null,"stops":[{"label":"go to end","level":"L1",            "waypoint":"b","path":[],"actions":[]}],"stopIndex":0,"orderId":null,            "requestedAt":"2026-03-01T09:00:00Z","startedAt":null,"finishedAt":null,"reason":null,"decisions":[],            "attempt":0,"robot":null}""";

    @TempDir
    Path data;

    private static byte[] version(int v, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 1];
        out[0] = (byte) v;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    private void store(String table, String key, byte[] value) {
        try (MapDbStore store = MapDbStore.open(data.resolve("fleet.db"), StoreConfig.defaults())) {
            store.table(table).put(key, value).join();
        }
    }

    @Test
    void aRobotStoredBeforeDispatchModesIsDispatchedByTheServer() throws Exception {
        store("robots", "rb-0a1b2c3d4e", version(1, ROBOT_V1));

        try (TestServer server = TestServer.start(data)) {
            JsonObject robot = server.get("/api/v1/robots/rb-0a1b2c3d4e", server.operatorToken).bodyAsJsonObject();
            assertThat(robot.getString("dispatch")).isEqualTo("SERVER");
            assertThat(robot.getString("serialNumber")).isEqualTo("A-1");
            assertThat(robot.getJsonObject("position").getDouble("x")).isEqualTo(7.5);
        }
    }

    @Test
    void aTaskStoredBeforeRequestersChoseFirmsIsOpenToEveryFirm() {
        try (MapDbStore store = MapDbStore.open(data.resolve("fleet.db"), StoreConfig.defaults())) {
            store.table("tasks").put("task-0123456789abc", version(1, TASK_V1)).join();
            var task = new MapDbTaskStore(store).loadAll().iterator().next();
            assertThat(task.firms()).isEmpty();
            assertThat(task.openTo("acme")).isTrue();
            assertThat(task.stops()).singleElement().satisfies(s -> assertThat(s.waypoint()).isEqualTo("b"));
        }
    }

    @Test
    void aRobotRecordOfAVersionThisServerDoesNotKnowIsRefusedLoudly() {
        try (MapDbStore store = MapDbStore.open(data.resolve("fleet.db"), StoreConfig.defaults())) {
            store.table("robots").put("rb-0a1b2c3d4e", version(9, ROBOT_V1)).join();
            assertThatThrownBy(() -> new MapDbRobotStore(store).loadAll())
                    .hasMessageContaining("version 9").hasMessageContaining("reads version 1 to 2");
        }
    }
}
