package dev.provingground.vda5050;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentStringsTest {

    private final RecentStrings strings = new RecentStrings();

    private String of(String text) {
        char[] buffer = ("<<" + text + ">>").toCharArray();
        return strings.of(buffer, 2, text.length());
    }

    @Test
    void textSeenBeforeIsHandedOutAgainAsTheSameString() {
        String first = of("acme-robotics");

        assertThat(of("acme-robotics")).isEqualTo("acme-robotics").isSameAs(first);
    }

    @Test
    void differentTextInTheSameSlotIsNeverMistakenForTheOneHeld() {
        // "Aa" and "BB" have the same hash, so they compete for one slot.
        assertThat(of("Aa")).isEqualTo("Aa");
        assertThat(of("BB")).isEqualTo("BB");
        assertThat(of("Aa")).isEqualTo("Aa");
        assertThat(of("Ab")).isEqualTo("Ab");
    }

    @Test
    void emptyAndLongTextAreReadAsWritten() {
        String description = "Front bumper touched at the pick-up desk, check it before the next run";

        assertThat(of("")).isEmpty();
        assertThat(of(description)).isEqualTo(description);
    }
}
