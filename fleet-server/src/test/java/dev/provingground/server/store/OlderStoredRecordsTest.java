package dev.provingground.server.store;

import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.tasks.DispatchDecision;
import dev.provingground.server.tasks.Stop;
import dev.provingground.server.tasks.Task;
import dev.provingground.server.tasks.TaskCategory;
import dev.provingground.server.tasks.TaskStatus;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

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
            {"id":"task-0123456789abc","site":"test","category":"GO_TO_PLACE","description":{"place":"end"},\
            "earliestStart":"2026-03-01T09:00:00Z","priority":0,"labels":["x"],"requester":"operator:t1","firm":null,\
            "robotKind":null,"status":"QUEUED","assignedTo":null,"stops":[{"label":"go to end","level":"L1",\
            "waypoint":"b","path":[],"actions":[]}],"stopIndex":0,"orderId":null,\
            "requestedAt":"2026-03-01T09:00:00Z","startedAt":null,"finishedAt":null,"reason":null,"decisions":[],\
            "attempt":0,"robot":null}""";

    /**
     * A delivery as version 2 stored it, flat, before a task's request and progress were kept apart: requeued past its
     * pickup, so its {@code robot} is the one carrying the load.
     */
    static final String DELIVERY_V2 = """
            {"id":"task-1a2b3c4d-5e6f","site":"test","category":"DELIVERY","description":{"pickup":{"place":"mail-room"},\
            "dropoff":{"place":"office-201"}},"earliestStart":"2026-03-01T09:00:00Z","priority":0,"labels":[],\
            "requester":"operator:t1","firm":null,"robotKind":"DELIVERY","status":"QUEUED","assignedTo":null,\
            "stops":[{"label":"pickup at mail-room","level":"L1","waypoint":"a","path":[],"actions":[{"type":"trayHandover",\
            "parameters":{"role":"load"}}]},{"label":"dropoff at office-201","level":"L1","waypoint":"b","path":[],\
            "actions":[{"type":"trayHandover","parameters":{"role":"unload"}}]}],"stopIndex":1,"orderId":null,\
            "requestedAt":"2026-03-01T09:00:00Z","startedAt":"2026-03-01T09:00:01Z","finishedAt":null,\
            "reason":"robot rb-0a1b2c3d4e went OFFLINE; waiting for rb-0a1b2c3d4e, which carries the load",\
            "decisions":[{"at":"2026-03-01T09:00:01Z","chosen":"rb-0a1b2c3d4e","candidates":[{"robot":"rb-0a1b2c3d4e",\
            "finishSeconds":98.1,"energyWh":1.3,"excludedBecause":null},{"robot":"rb-9f8e7d6c5b","finishSeconds":null,\
            "energyWh":null,"excludedBecause":"not online"}]}],"attempt":1,"robot":"rb-0a1b2c3d4e","firms":["acme"]}""";

    /** A charge task as version 2 stored it: its {@code robot} is the one robot it is for. */
    static final String CHARGE_V2 = """
            {"id":"task-0f0e0d0c-0b0a","site":"test","category":"CHARGE","description":{},\
            "earliestStart":"2026-03-01T09:00:00Z","priority":100,"labels":["auto"],"requester":"system: battery below 20%",\
            "firm":"acme","robotKind":null,"status":"QUEUED","assignedTo":null,"stops":[{"label":"nearest charger",\
            "level":null,"waypoint":null,"path":[],"actions":[{"type":"startCharging","parameters":{}}]}],"stopIndex":0,\
            "orderId":null,"requestedAt":"2026-03-01T09:00:00Z","startedAt":null,"finishedAt":null,"reason":null,\
            "decisions":[],"attempt":0,"robot":"rb-0a1b2c3d4e","firms":[]}""";

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
            var task = new MapDbTaskStore(store).loadLive().iterator().next();
            assertThat(task.request().firms()).isEmpty();
            assertThat(task.request().openTo("acme")).isTrue();
            assertThat(task.request().stops()).singleElement().satisfies(s -> assertThat(s.waypoint()).isEqualTo("b"));
            assertThat(task.progress().status()).isEqualTo(TaskStatus.QUEUED);
        }
    }

    @Test
    void aDeliveryStoredFlatPastItsPickupStillWaitsForTheRobotCarryingItsLoad() {
        Task task = load("task-1a2b3c4d-5e6f", version(2, DELIVERY_V2));

        assertThat(task.request().robot()).as("the robot it was asked for").isNull();
        assertThat(task.progress().carrier()).isEqualTo("rb-0a1b2c3d4e");
        assertThat(task.robot()).isEqualTo("rb-0a1b2c3d4e");
        assertThat(task.carriesLoad()).isTrue();
        assertThat(task.request().firms()).containsExactly("acme");
        assertThat(task.request().description().path("dropoff").path("place").asText()).isEqualTo("office-201");
        assertThat(task.request().stops()).extracting(Stop::waypoint).containsExactly("a", "b");
        assertThat(task.progress().stopIndex()).isEqualTo(1);
        assertThat(task.progress().attempt()).isEqualTo(1);
        assertThat(task.progress().startedAt()).isEqualTo(Instant.parse("2026-03-01T09:00:01Z"));
        assertThat(task.progress().reason()).endsWith("waiting for rb-0a1b2c3d4e, which carries the load");
        assertThat(task.progress().decisions()).singleElement().satisfies(d -> {
            assertThat(d.chosen()).isEqualTo("rb-0a1b2c3d4e");
            assertThat(d.candidates()).extracting(DispatchDecision.Candidate::excludedBecause)
                    .containsExactly(null, "not online");
        });
    }

    @Test
    void aChargeTaskStoredFlatIsStillForItsOneRobot() {
        Task task = load("task-0f0e0d0c-0b0a", version(2, CHARGE_V2));

        assertThat(task.request().robot()).isEqualTo("rb-0a1b2c3d4e");
        assertThat(task.progress().carrier()).isNull();
        assertThat(task.robot()).isEqualTo("rb-0a1b2c3d4e");
        assertThat(task.request().category()).isEqualTo(TaskCategory.CHARGE);
        assertThat(task.request().priority()).isEqualTo(100);
        assertThat(task.request().firm()).isEqualTo("acme");
    }

    @Test
    void aTaskIsStoredWithItsRequestApartFromItsProgressAndReadBackUnchanged() throws Exception {
        Task flat = load("task-1a2b3c4d-5e6f", version(2, DELIVERY_V2));

        byte[] stored = MapDbTaskStore.TASK.encode(flat);

        assertThat(stored[0]).as("version").isEqualTo((byte) 3);
        JsonObject json = new JsonObject(new String(stored, 1, stored.length - 1, StandardCharsets.UTF_8));
        assertThat(json.fieldNames()).containsExactly("request", "progress");
        assertThat(json.getJsonObject("request").getString("id")).isEqualTo("task-1a2b3c4d-5e6f");
        assertThat(json.getJsonObject("progress").getString("carrier")).isEqualTo("rb-0a1b2c3d4e");
        assertThat(json.getJsonObject("progress").getJsonArray("decisions").getJsonObject(0).getJsonArray("candidates")
                .getJsonObject(0).fieldNames()).containsExactly("robot", "finishSeconds", "energyWh", "excludedBecause");
        assertThat(MapDbTaskStore.TASK.decode(stored)).isEqualTo(flat);
    }

    @Test
    void aTaskRecordOfAVersionThisServerDoesNotKnowIsQuarantinedSayingWhy() {
        try (MapDbStore store = MapDbStore.open(data.resolve("fleet.db"), StoreConfig.defaults())) {
            store.table("tasks").put("task-1a2b3c4d-5e6f", version(9, DELIVERY_V2)).join();

            assertThat(new MapDbTaskStore(store).loadLive()).isEmpty();
            assertThat(store.quarantined()).singleElement().satisfies(q -> {
                assertThat(q.table() + "/" + q.key()).isEqualTo("tasks/task-1a2b3c4d-5e6f");
                assertThat(q.reason()).contains("version 9").contains("reads version 1 to 3");
            });
            store.flush().join();
            assertThat(store.table("tasks").readAll()).as("moved out of its table").isEmpty();
        }
    }

    private Task load(String id, byte[] stored) {
        try (MapDbStore store = MapDbStore.open(data.resolve("fleet.db"), StoreConfig.defaults())) {
            store.table("tasks").put(id, stored).join();
            return new MapDbTaskStore(store).loadLive().iterator().next();
        }
    }

    @Test
    void aRobotRecordOfAVersionThisServerDoesNotKnowIsQuarantinedSayingWhy() {
        try (MapDbStore store = MapDbStore.open(data.resolve("fleet.db"), StoreConfig.defaults())) {
            store.table("robots").put("rb-0a1b2c3d4e", version(9, ROBOT_V1)).join();

            assertThat(new MapDbRobotStore(store).loadAll()).isEmpty();
            assertThat(store.quarantined()).singleElement()
                    .satisfies(q -> assertThat(q.reason()).contains("version 9").contains("reads version 1 to 2"));
        }
    }
}
