package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.context.RobotRegistration;
import dev.provingground.trackrecord.event.StateSamples;
import dev.provingground.trackrecord.event.TrackEvent;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Distance and operating time from {@code state.samples} (joined as docs/KPIS.md, "Travelled distance and operating
 * time", says), by operating mode, area class and the robot's speed class, and speed compliance outdoors against the
 * class cap of the robot's registration.
 */
final class Travel implements KpiSection {

    /** Speed classes reported, in order; a robot registered with another class counts as {@code other}. */
    static final String[] SPEED_CLASSES = {"up_to_100_kg", "up_to_230_kg", "up_to_500_kg", "indoor", "unregistered",
            "other"};
    /** A joined speed counts as within the cap up to this much above it: decimals of reported speeds, not driving. */
    private static final double CAP_TOLERANCE_MPS = 1e-6;

    private final Function<String, RobotRegistration> registrations;
    private final Map<String, SampleChain> chains = new HashMap<>();
    private double metres;
    private double seconds;
    /** Steps ending in a sample marked as a position jump: displacement the robot could not have driven. */
    private double unexplainedMetres;
    private final Map<StateSamples.OperatingMode, Double> metresByMode = new EnumMap<>(StateSamples.OperatingMode.class);
    private final Map<StateSamples.AreaClass, Double> metresByArea = new EnumMap<>(StateSamples.AreaClass.class);
    private final Map<StateSamples.AreaClass, Double> secondsByArea = new EnumMap<>(StateSamples.AreaClass.class);
    private final Map<String, Double> metresByClass = new TreeMap<>();
    private final Map<String, Double> secondsByClass = new TreeMap<>();
    private double outdoorSeconds;
    private double compliantSeconds;
    private long outdoorIntervals;

    Travel(Function<String, RobotRegistration> registrations) {
        this.registrations = registrations;
    }

    Exposure exposure() {
        return new Exposure(metres / 1000, seconds / 3600);
    }

    double unexplainedKm() {
        return unexplainedMetres / 1000;
    }

    @Override
    public void accept(TrackEvent event) {
        if (!(event.body() instanceof StateSamples samples)) return;
        SampleChain chain = chains.computeIfAbsent(event.robot(), r -> new SampleChain());
        RobotRegistration registration = registrations.apply(event.robot());
        SampleChain.Joins joins = (previous, sample, sign) -> join(registration, previous, sample, sign);
        for (StateSamples.Sample sample : samples.samples()) {
            if (samples.fromBackfill()) chain.late(sample, joins);
            else chain.live(sample, joins);
        }
    }

    private void join(RobotRegistration registration, StateSamples.Sample previous, StateSamples.Sample sample,
                      int sign) {
        if (!previous.mapId().equals(sample.mapId())) return;
        if (!isPosition(previous) || !isPosition(sample)) return;
        Duration gap = Duration.between(previous.time(), sample.time());
        if (gap.isNegative() || gap.isZero() || gap.compareTo(KpiAccumulator.MAX_SAMPLE_GAP) > 0) return;
        double distance = Math.hypot(sample.x() - previous.x(), sample.y() - previous.y());
        double dt = gap.toMillis() / 1000.0;
        seconds += sign * dt;
        if (sample.afterJump()) {
            // The time was on record; the displacement was not driven (docs/KPIS.md, "Coverage and measured figures").
            unexplainedMetres += sign * distance;
            return;
        }
        String speedClass = speedClass(registration);
        metres += sign * distance;
        metresByMode.merge(previous.mode(), sign * distance, Double::sum);
        metresByArea.merge(previous.area(), sign * distance, Double::sum);
        secondsByArea.merge(previous.area(), sign * dt, Double::sum);
        metresByClass.merge(speedClass, sign * distance, Double::sum);
        secondsByClass.merge(speedClass, sign * dt, Double::sum);
        boolean outdoor = previous.area() == StateSamples.AreaClass.SIDEWALK
                || previous.area() == StateSamples.AreaClass.CROSSWALK;
        if (outdoor && registration != null && registration.speedClassLimitKmh() != null) {
            double speed = Math.max(previous.speed(), distance / dt);
            outdoorSeconds += sign * dt;
            outdoorIntervals += sign;
            if (speed <= registration.speedClassLimitKmh() / 3.6 + CAP_TOLERANCE_MPS) compliantSeconds += sign * dt;
        }
    }

    /**
     * Whether a sample can be a robot's position: finite and within ±{@link KpiAccumulator#MAX_COORDINATE} m, the bound
     * robots' numbers are held to since (docs/EVENTS.md). A record written before then may hold 1e308, whose distance
     * to anything overflows the sum to infinity and made the whole export fail; such a sample is not travelled through.
     */
    private static boolean isPosition(StateSamples.Sample s) {
        return Math.abs(s.x()) <= KpiAccumulator.MAX_COORDINATE && Math.abs(s.y()) <= KpiAccumulator.MAX_COORDINATE;
    }

    private static String speedClass(RobotRegistration registration) {
        if (registration == null) return "unregistered";
        if (registration.speedClass() == null) return "indoor";
        String name = registration.speedClass().toLowerCase(java.util.Locale.ROOT);
        for (String known : SPEED_CLASSES) {
            if (known.equals(name)) return name;
        }
        return "other";
    }

    @Override
    public void report(Exposure exposure, MetricList out) {
        out.measure("distance.total_km", "km", exposure.km());
        for (StateSamples.OperatingMode mode : StateSamples.OperatingMode.values()) {
            out.measure("distance.mode." + lower(mode) + "_km", "km", metresByMode.getOrDefault(mode, 0.0) / 1000);
        }
        for (StateSamples.AreaClass area : StateSamples.AreaClass.values()) {
            out.measure("distance.area." + lower(area) + "_km", "km", metresByArea.getOrDefault(area, 0.0) / 1000);
        }
        for (String speedClass : SPEED_CLASSES) {
            out.measure("distance.speed_class." + speedClass + "_km", "km",
                    metresByClass.getOrDefault(speedClass, 0.0) / 1000);
        }
        out.measure("operating.hours", "h", exposure.hours());
        for (StateSamples.AreaClass area : StateSamples.AreaClass.values()) {
            out.measure("operating.area." + lower(area) + "_hours", "h", secondsByArea.getOrDefault(area, 0.0) / 3600);
        }
        for (String speedClass : SPEED_CLASSES) {
            out.measure("operating.speed_class." + speedClass + "_hours", "h",
                    secondsByClass.getOrDefault(speedClass, 0.0) / 3600);
        }
        out.share("speed.outdoor_compliance", "ratio", compliantSeconds, outdoorSeconds, outdoorIntervals);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
