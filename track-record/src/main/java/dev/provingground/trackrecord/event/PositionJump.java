package dev.provingground.trackrecord.event;

/**
 * {@code position.jump}: the robot's position changed further than its hardware profile lets it drive in the time
 * between two reports (a relocalisation, a wrong map, a robot that misreports). The displacement is not distance
 * driven: the sample after it carries {@code jump}, and the KPIs count it apart as unexplained displacement.
 *
 * @param mapId          the map (level) both positions are on
 * @param fromX          where the robot was, metres in the map frame
 * @param fromY          where the robot was
 * @param toX            where it was reported next
 * @param toY            where it was reported next
 * @param elapsedSeconds time between the two reports: the server's, or the robot's own timestamps' where longer
 * @param displacement   straight-line distance between them, metres
 * @param plausibleLimit the furthest the robot could have driven in that time, tolerance included, metres
 */
public record PositionJump(String mapId, double fromX, double fromY, double toX, double toY, double elapsedSeconds,
                           double displacement, double plausibleLimit) implements EventBody {

    public PositionJump {
        Require.text(mapId, "mapId");
        Require.finite(fromX, "fromX");
        Require.finite(fromY, "fromY");
        Require.finite(toX, "toX");
        Require.finite(toY, "toY");
        Require.nonNegative(elapsedSeconds, "elapsedSeconds");
        Require.nonNegative(displacement, "displacement");
        Require.nonNegative(plausibleLimit, "plausibleLimit");
        if (displacement <= plausibleLimit) {
            throw new IllegalArgumentException("displacement " + displacement + " must exceed plausibleLimit "
                    + plausibleLimit);
        }
    }
}
