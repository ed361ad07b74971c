package dev.provingground.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How the live robot feed cuts what it sends into messages a browser handles in short tasks. */
class LiveRobotsMessagesTest {

    private static JsonArray robots(int count) {
        return new JsonArray(IntStream.range(0, count).mapToObj(i -> (Object) new JsonObject().put("id", "r" + i)).toList());
    }

    private static List<JsonObject> decoded(List<String> messages) {
        return messages.stream().map(JsonObject::new).toList();
    }

    @Test
    void aSnapshotOfMoreRobotsThanFitInOneMessageComesAsSeveralInOrderOnlyTheFirstMarkedSnapshot() {
        List<JsonObject> messages = decoded(LiveRobots.messages(robots(2 * LiveRobots.MAX_ROBOTS_PER_MESSAGE + 1), true));

        assertThat(messages).hasSize(3);
        assertThat(messages).extracting(m -> m.getJsonArray("robots").size())
                .containsExactly(LiveRobots.MAX_ROBOTS_PER_MESSAGE, LiveRobots.MAX_ROBOTS_PER_MESSAGE, 1);
        assertThat(messages).extracting(m -> m.getBoolean("snapshot", false)).containsExactly(true, false, false);
        assertThat(messages.stream().flatMap(m -> m.getJsonArray("robots").stream())
                .map(r -> ((JsonObject) r).getString("id")).toList())
                .containsExactlyElementsOf(IntStream.range(0, 2 * LiveRobots.MAX_ROBOTS_PER_MESSAGE + 1).mapToObj(i -> "r" + i).toList());
    }

    @Test
    void aSnapshotOfAnEmptyLevelIsStillOneMessage() {
        List<JsonObject> messages = decoded(LiveRobots.messages(robots(0), true));

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getBoolean("snapshot")).isTrue();
        assertThat(messages.get(0).getJsonArray("robots")).isEmpty();
    }

    @Test
    void changesThatFitInOneMessageAreOneMessageWithoutTheSnapshotMark() {
        List<JsonObject> messages = decoded(LiveRobots.messages(robots(LiveRobots.MAX_ROBOTS_PER_MESSAGE), false));

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).containsKey("snapshot")).isFalse();
        assertThat(messages.get(0).getJsonArray("robots")).hasSize(LiveRobots.MAX_ROBOTS_PER_MESSAGE);
    }
}
