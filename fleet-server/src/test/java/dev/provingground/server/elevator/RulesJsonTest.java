package dev.provingground.server.elevator;

import dev.provingground.server.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Elevator rules, from a request or the store, are checked against their published schema before they are bound. */
class RulesJsonTest {

    private static final String GOOD = """
            {"allowedKinds": ["DELIVERY"], "maxRobotsPerCar": 2, "passengerPolicy": "SHARED_OUTSIDE_PEAK",
             "peakWindows": [{"days": ["MONDAY", "TUESDAY"], "from": "08:00", "to": "10:00"}], "serviceHours": null}""";

    private static ElevatorRules read(String json) {
        return RulesJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rulesWrittenAreReadBackEqual() {
        ElevatorRules rules = read(GOOD);
        assertThat(rules.peakWindows()).hasSize(2);
        assertThat(read(RulesJson.write(rules).encode())).isEqualTo(rules);
    }

    @Test
    void aMisspeltFieldIsRefusedNotIgnored() {
        assertThatThrownBy(() -> read(GOOD.replace("\"serviceHours\"", "\"serviceHour\"")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("serviceHour"))
                .hasMessageContaining("unknown field");
    }

    @Test
    void aNumberGivenAsTextIsRefusedNotCoerced() {
        assertThatThrownBy(() -> read(GOOD.replace("\"maxRobotsPerCar\": 2", "\"maxRobotsPerCar\": \"2\"")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("maxRobotsPerCar: must be an integer, got \"2\"");
    }

    @Test
    void aCarForTwoToTheSeventyRobotsIsOutOfBoundsNotWrappedToZero() {
        assertThatThrownBy(() -> read(GOOD.replace("\"maxRobotsPerCar\": 2", "\"maxRobotsPerCar\": 1180591620717411303424")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("maxRobotsPerCar: must be at most 100, got 1180591620717411303424");
    }

    @Test
    void aDayOrATimeThatIsNoneIsRefusedWhereItIs() {
        assertThatThrownBy(() -> read(GOOD.replace("\"TUESDAY\"", "\"FUNDAY\"")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("peakWindows[0].days[1]"));
        assertThatThrownBy(() -> read(GOOD.replace("\"10:00\"", "\"25:00\"")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("peakWindows[0].to"));
    }

    @Test
    void meaningIsCheckedAfterTheForm() {
        assertThatThrownBy(() -> read(GOOD.replace("[{\"days\": [\"MONDAY\", \"TUESDAY\"], \"from\": \"08:00\", \"to\": \"10:00\"}]", "[]")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("peak window");
    }
}
