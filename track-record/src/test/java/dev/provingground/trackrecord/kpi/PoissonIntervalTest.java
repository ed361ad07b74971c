package dev.provingground.trackrecord.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonIntervalTest {

    @Test
    void theBoundsAreTheTabulatedExactPoissonLimits() {
        // Garwood (1936) 95 % limits, as tabulated e.g. by Ulm (1990).
        double[][] table = {{0, 0, 3.688879}, {1, 0.025318, 5.571643}, {2, 0.242209, 7.224688},
                {5, 1.623486, 11.668332}, {10, 4.795389, 18.390356}};
        for (double[] row : table) {
            long k = (long) row[0];
            assertThat(PoissonInterval.lower(k)).as("lower for %d", k).isCloseTo(row[1], within(1e-5));
            assertThat(PoissonInterval.upper(k)).as("upper for %d", k).isCloseTo(row[2], within(1e-5));
        }
    }
}
