package dev.provingground.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Car(String id, int capacity, Double speed) {
    }

    private static JsonNode parse(String json) {
        return StrictJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<DocumentProblem> problemsOf(Runnable reading) {
        try {
            reading.run();
        } catch (DocumentException e) {
            return e.problems();
        }
        throw new AssertionError("the document was accepted");
    }

    @Test
    void hugeNumbersStayWhatTheyAreInsteadOfBecomingInfinityOrWrapping() {
        JsonNode tree = parse("{\"a\": 1e400, \"b\": 1180591620717411303424}");
        assertThat(tree.get("a").decimalValue()).isEqualTo(new BigDecimal("1e400"));
        assertThat(tree.get("b").bigIntegerValue()).isEqualTo(BigInteger.TWO.pow(70));
    }

    @Test
    void nanAndInfinityAreRefusedWhereTheyStand() {
        assertThat(problemsOf(() -> parse("{\"cars\": [{\"speed\": NaN}, {\"speed\": -Infinity}]}")))
                .containsExactly(new DocumentProblem("/cars/0/speed", "must be a finite number, got NaN"),
                        new DocumentProblem("/cars/1/speed", "must be a finite number, got -Infinity"));
    }

    @Test
    void aKeyGivenTwiceOrTrailingDataIsMalformed() {
        assertThat(problemsOf(() -> parse("{\"id\": \"a\", \"id\": \"b\"}"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("malformed JSON").contains("Duplicate field 'id'"));
        assertThat(problemsOf(() -> parse("{} {}"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("malformed JSON"));
    }

    @Test
    void bindingCoercesNothingAndRefusesFieldsTheRecordHasNot() {
        assertThat(StrictJson.bind(parse("{\"id\": \"c1\", \"capacity\": 2}"), Car.class))
                .isEqualTo(new Car("c1", 2, null));
        assertThat(problemsOf(() -> StrictJson.bind(parse("{\"id\": \"c1\", \"capacity\": \"2\"}"), Car.class)))
                .extracting(DocumentProblem::pointer).containsExactly("/capacity");
        assertThat(problemsOf(() -> StrictJson.bind(parse("{\"id\": \"c1\", \"capacity\": 2.5}"), Car.class)))
                .extracting(DocumentProblem::pointer).containsExactly("/capacity");
        assertThat(problemsOf(() -> StrictJson.bind(parse("{\"id\": \"c1\", \"capacity\": 2, \"colour\": 1}"), Car.class)))
                .containsExactly(new DocumentProblem("/colour", "unknown field"));
    }

    @Test
    void aPointerReadsAsTheFieldPathMessagesUse() {
        assertThat(new DocumentProblem("/levels/0/waypoints/12/x", "m").field()).isEqualTo("levels[0].waypoints[12].x");
        assertThat(new DocumentProblem("/doorWaypoints/a~1b", "m").field()).isEqualTo("doorWaypoints.a/b");
        assertThat(new DocumentProblem("", "m")).hasToString("(root): m");
    }
}
