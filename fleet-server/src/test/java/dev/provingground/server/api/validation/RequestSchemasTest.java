package dev.provingground.server.api.validation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests judged against the OpenAPI document's schemas in their strict form, without a server. */
class RequestSchemasTest {

    static RequestSchemas schemas;

    @BeforeAll
    static void load() {
        schemas = RequestSchemas.fromClasspath(dev.provingground.server.api.ApiError.class, "openapi.yaml");
    }

    private static RequestSchemas.Violation post(String path, String body) {
        return schemas.check("POST", path, body.getBytes(StandardCharsets.UTF_8));
    }

    private static final String TASK = "{\"site\": \"test\", \"category\": \"go_to_place\", "
            + "\"description\": {\"place\": \"desk\"}, \"priority\": %s}";

    @Test
    void aTaskPriorityOfTwoToTheSeventiethIsRefusedNotReadAsZero() {
        var violation = post("/api/v1/tasks", TASK.formatted("1180591620717411303424"));
        assertThat(violation).isNotNull();
        assertThat(violation.field()).isEqualTo("priority");
        assertThat(violation.message()).contains("out of range");
        assertThat(post("/api/v1/tasks", TASK.formatted("3"))).isNull();
    }

    @Test
    void numbersBeyondADoubleAndNonNumericTokensAreRefused() {
        assertThat(post("/api/v1/tasks", TASK.formatted("1e400")).field()).isEqualTo("priority");
        assertThat(post("/api/v1/tasks", TASK.formatted("NaN")).malformed()).isTrue();
        assertThat(post("/api/v1/tasks", TASK.formatted("Infinity")).malformed()).isTrue();
        assertThat(post("/api/v1/tasks", TASK.formatted("1.5")).field()).isEqualTo("priority");
    }

    @Test
    void aMisspeltFieldIsRefusedNamingIt() {
        var violation = post("/api/v1/firms", "{\"id\": \"acme\", \"name\": \"Acme\", \"descripton\": \"x\"}");
        assertThat(violation).isNotNull();
        assertThat(violation.message()).contains("descripton");
    }

    @Test
    void aWrongTypeIsRefusedNamingTheFieldAsAPointerAndAsAPath() {
        var violation = post("/api/v1/robots/rb-1/orders", "{\"nodes\": [{\"x\": \"1\", \"y\": 0, \"mapId\": \"L1\"}]}");
        assertThat(violation.pointer()).isEqualTo("/nodes/0/x");
        assertThat(violation.field()).isEqualTo("nodes[0].x");
    }

    @Test
    void controlAndBidiCharactersDuplicateKeysAndTrailingDataAreRefused() {
        assertThat(post("/api/v1/firms", "{\"name\": \"a\\u0000b\"}").field()).isEqualTo("name");
        assertThat(post("/api/v1/firms", "{\"name\": \"a\\u202Eb\"}").field()).isEqualTo("name");
        assertThat(post("/api/v1/firms", "{\"name\": \"a\", \"name\": \"b\"}").malformed()).isTrue();
        assertThat(post("/api/v1/firms", "{\"name\": \"a\"} {}").malformed()).isTrue();
        assertThat(post("/api/v1/firms", "{\"name\": \"Acme\\nRobotics\"}")).isNull();
    }

    @Test
    void pathIdsFollowTheIdGrammar() {
        assertThat(schemas.check("GET", "/api/v1/sites/" + "a".repeat(65), null).pathParameter()).isEqualTo("site");
        assertThat(schemas.check("GET", "/api/v1/sites/..%2F..%2Fetc", null).message()).contains("letters, digits");
        assertThat(schemas.check("GET", "/api/v1/sites/%2e%2e", null)).isNotNull();
        assertThat(schemas.check("GET", "/api/v1/sites/" + "a".repeat(64), null)).isNull();
        assertThat(schemas.check("GET", "/api/v1/robots/rb-ed7c000681", null)).isNull();
    }

    @Test
    void aTokenIdStartingWithADashAndAManufacturerNameWithASpaceFollowTheirOwnDeclaredGrammar() {
        // Token ids are base64url: one in 32 starts with '-' or '_', and must stay revocable.
        assertThat(schemas.check("DELETE", "/api/v1/tokens/-AbC_dEf0123", null)).isNull();
        assertThat(schemas.check("DELETE", "/api/v1/tokens/a.b", null).pathParameter()).isEqualTo("id");
        byte[] firm = "{\"firm\": \"acme\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(schemas.check("PUT", "/api/v1/manufacturers/Acme%20Robotics", firm)).isNull();
        assertThat(schemas.check("PUT", "/api/v1/manufacturers/a%2Bb", firm).pathParameter()).isEqualTo("name");
        assertThat(schemas.check("PUT", "/api/v1/manufacturers/" + "m".repeat(129), firm)).isNotNull();
        assertThat(schemas.check("GET", "/api/v1/sites/Acme%20Robotics", null).pathParameter()).isEqualTo("site");
    }

    @Test
    void anOverLongSiteIdInTheBodyIsRefusedBeforeAnythingIsCreated() {
        var violation = schemas.check("PUT", "/api/v1/sites/test", ("{\"id\": \"" + "s".repeat(65)
                + "\", \"name\": \"x\", \"timeZone\": \"UTC\", \"levels\": [{\"id\": \"L1\", \"floor\": 1, \"waypoints\": []}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(violation.field()).isEqualTo("id");
    }
}
