package dev.provingground.agent.frames;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FrameTransformTest {

    /** A ROS map turned a quarter left and shifted by (10, -4) from the level. */
    static final FrameTransform QUARTER_TURN = new FrameTransform(10, -4, Math.PI / 2, 1);

    @Test
    void aPointGoesToTheLevelAndBackUnchanged() {
        double[] level = QUARTER_TURN.toLevel(3, 1);
        assertThat(level[0]).isCloseTo(10 - 1, within(1e-12));
        assertThat(level[1]).isCloseTo(-4 + 3, within(1e-12));
        double[] ros = QUARTER_TURN.toRos(level[0], level[1]);
        assertThat(ros[0]).isCloseTo(3, within(1e-12));
        assertThat(ros[1]).isCloseTo(1, within(1e-12));
    }

    @Test
    void headingsTurnWithTheMapAndStayInHalfOpenRange() {
        assertThat(QUARTER_TURN.toLevelHeading(0)).isCloseTo(Math.PI / 2, within(1e-12));
        assertThat(QUARTER_TURN.toLevelHeading(Math.PI)).isCloseTo(-Math.PI / 2, within(1e-12));
        assertThat(QUARTER_TURN.toRosHeading(Math.PI / 2)).isCloseTo(0, within(1e-12));
        assertThat(FrameTransform.normalize(-Math.PI)).isCloseTo(Math.PI, within(1e-12));
    }

    @Test
    void twoExactPairsFitTheTransformWithZeroResidual() {
        List<PointPair> pairs = List.of(pair(QUARTER_TURN, 0, 0), pair(QUARTER_TURN, 5, 2));
        FrameTransform.Fit fit = FrameTransform.fit(pairs, true);
        assertThat(fit.transform().x()).isCloseTo(10, within(1e-9));
        assertThat(fit.transform().y()).isCloseTo(-4, within(1e-9));
        assertThat(fit.transform().yaw()).isCloseTo(Math.PI / 2, within(1e-9));
        assertThat(fit.transform().scale()).isEqualTo(1.0);
        assertThat(fit.rmsResidual()).isCloseTo(0, within(1e-9));
    }

    @Test
    void aFreeScaleIsFittedWhenTheMapIsNotDrawnToScale() {
        FrameTransform scaled = new FrameTransform(-2, 7, -0.3, 0.05);
        FrameTransform.Fit fit = FrameTransform.fit(List.of(pair(scaled, 0, 0), pair(scaled, 400, 0), pair(scaled, 0, 300)), false);
        assertThat(fit.transform().scale()).isCloseTo(0.05, within(1e-9));
        assertThat(fit.transform().yaw()).isCloseTo(-0.3, within(1e-9));
        assertThat(fit.maxResidual()).isCloseTo(0, within(1e-9));
    }

    @Test
    void aMismeasuredPairShowsInTheResidual() {
        PointPair off = pair(QUARTER_TURN, 10, 0);
        List<PointPair> pairs = List.of(pair(QUARTER_TURN, 0, 0), pair(QUARTER_TURN, 0, 10),
                new PointPair(off.rosX(), off.rosY(), off.levelX() + 0.3, off.levelY()));
        FrameTransform.Fit fit = FrameTransform.fit(pairs, true);
        assertThat(fit.rmsResidual()).isGreaterThan(0.05).isLessThan(0.3);
        assertThat(fit.maxResidual()).isGreaterThanOrEqualTo(fit.rmsResidual());
        // The least-squares fit spreads the error: it never lands worse than the bad measurement itself.
        assertThat(fit.maxResidual()).isLessThan(0.3);
    }

    @Test
    void fewerThanTwoPairsOrCoincidingPointsCannotBeFitted() {
        assertThatThrownBy(() -> FrameTransform.fit(List.of(new PointPair(0, 0, 1, 1)), true))
                .hasMessageContaining("at least two point pairs");
        assertThatThrownBy(() -> FrameTransform.fit(List.of(new PointPair(1, 1, 0, 0), new PointPair(1, 1, 5, 5)), true))
                .hasMessageContaining("coincide");
    }

    static PointPair pair(FrameTransform t, double rosX, double rosY) {
        double[] level = t.toLevel(rosX, rosY);
        return new PointPair(rosX, rosY, level[0], level[1]);
    }
}
