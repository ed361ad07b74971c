package dev.provingground.bench.geofence;

import java.time.Instant;
import java.util.SplittableRandom;

import dev.provingground.geofence.Position;
import dev.provingground.geofence.evaluation.RobotUpdate;

/**
 * A deterministic stream of robot updates: robots wandering over a square level in turn, each step a short
 * straight move at a random speed, as a fleet reporting positions would produce. Two walks with the same seed
 * produce the same updates, so indexed and naive runs see the same query points.
 */
final class RobotWalk {

    private static final String[] KINDS = {"DELIVERY", "SERVING", "DISINFECTION"};
    private static final String[] FIRMS = {"acme", "bolt", "cleanco"};
    /** Seconds between two samples of one robot. */
    private static final double SAMPLE_PERIOD = 0.5;
    private static final double MIN_SPEED = 0.1;
    private static final double MAX_SPEED = 2.0;

    private final SplittableRandom random;
    private final double side;
    private final String[] ids;
    private final double[] x;
    private final double[] y;
    private final double[] heading;
    private final double[] speed;
    private final Instant start;
    private long step;

    RobotWalk(int robots, double side, Instant start, long seed) {
        this.random = new SplittableRandom(seed);
        this.side = side;
        this.start = start;
        ids = new String[robots];
        x = new double[robots];
        y = new double[robots];
        heading = new double[robots];
        speed = new double[robots];
        for (int i = 0; i < robots; i++) {
            ids[i] = "robot-" + i;
            x[i] = random.nextDouble(0, side);
            y[i] = random.nextDouble(0, side);
            heading[i] = random.nextDouble(0, 2 * Math.PI);
            speed[i] = random.nextDouble(MIN_SPEED, MAX_SPEED);
        }
    }

    RobotUpdate next() {
        int i = (int) (step % ids.length);
        // Robots change speed gradually, as real ones do between two half-second samples.
        speed[i] = Math.max(MIN_SPEED, Math.min(MAX_SPEED, speed[i] + random.nextDouble(-0.1, 0.1)));
        heading[i] += random.nextDouble(-0.4, 0.4);
        double px = x[i];
        double py = y[i];
        double nx = px + Math.cos(heading[i]) * speed[i] * SAMPLE_PERIOD;
        double ny = py + Math.sin(heading[i]) * speed[i] * SAMPLE_PERIOD;
        if (nx < 0 || nx > side || ny < 0 || ny > side) {
            heading[i] += Math.PI; // turn back at the edge of the level
            nx = Math.max(0, Math.min(side, nx));
            ny = Math.max(0, Math.min(side, ny));
        }
        x[i] = nx;
        y[i] = ny;
        // Every robot reports once per sample period, so simulated time advances by period / robots per update.
        Instant time = start.plusNanos((long) (step * SAMPLE_PERIOD * 1e9 / ids.length));
        step++;
        return new RobotUpdate(ids[i], KINDS[i % KINDS.length], FIRMS[i % FIRMS.length], RandomZones.LEVEL, nx, ny,
                speed[i], i % 2 == 0 ? 1.5 : null, i % KINDS.length == 2 && i % 4 == 0, time, new Position(px, py));
    }
}
