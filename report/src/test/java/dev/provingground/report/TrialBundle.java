package dev.provingground.report;

import dev.provingground.trackrecord.TrackRecordConfig;
import dev.provingground.trackrecord.TrackRecordStore;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provingground.trackrecord.context.RobotRegistration;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.ElevatorRefusal;
import dev.provingground.trackrecord.event.EventBody;
import dev.provingground.trackrecord.event.GeofenceTransition;
import dev.provingground.trackrecord.event.Incident;
import dev.provingground.trackrecord.event.Intervention;
import dev.provingground.trackrecord.event.Overspeed;
import dev.provingground.trackrecord.event.RobotLink;
import dev.provingground.trackrecord.event.StateSamples;
import dev.provingground.trackrecord.event.TaskLifecycle;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.export.ExportQuery;
import dev.provingground.trackrecord.export.ProgressListener;
import dev.provingground.trackrecord.log.LogId;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Two days of a trial recorded in a real track-record store and exported as a bundle: three robots of one firm driving
 * loops on two levels, with interventions, incidents, geofence violations, overspeeds, lost links and an elevator ride
 * refused.
 */
final class TrialBundle implements AutoCloseable {

    static final String SITE = "trial-zone";
    static final String FIRM = "acme";
    static final LogId LOG = LogId.firmLog(SITE, FIRM);
    static final Instant DAY_ONE = Instant.parse("2026-05-04T00:00:00Z");
    static final double CAP = 1.5;
    static final String ZONE_ID = "Asia/Seoul";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SettableClock clock = new SettableClock(DAY_ONE);
    private final TrackRecordStore store;
    private final List<CompletableFuture<?>> pending = new ArrayList<>();

    TrialBundle(Path dataDir) throws Exception {
        store = TrackRecordStore.open(dataDir, TrackRecordConfig.defaults().withCommitInterval(Duration.ofMillis(2)), clock);
        store.ensureLog(LOG).get(60, TimeUnit.SECONDS);
        recordTheSiteAndItsRobots(DAY_ONE.minus(Duration.ofDays(1)));
        for (int day = 0; day < 2; day++) {
            Instant morning = DAY_ONE.plus(Duration.ofDays(day)).plus(Duration.ofHours(9));
            drive("rb-alpha", "L1", morning, 0, 0, 12, day == 0 ? 1.2 : 1.7);
            drive("rb-beta", "L1", morning.plusSeconds(30), 20, 5, 8, 1.0);
            drive("rb-gamma", "L2", morning.plusSeconds(60), 0, 30, 10, 0.8);
            Instant noon = morning.plus(Duration.ofHours(3));
            record(noon, "rb-alpha", new Intervention(Intervention.Kind.TELEOP, "stuck at the kerb, day " + (day + 1), 42));
            record(noon.plusSeconds(60), "rb-beta", new Intervention(Intervention.Kind.REMOTE_ASSIST, "blocked doorway", 15));
            record(noon.plusSeconds(120), "rb-gamma", new Intervention(Intervention.Kind.ON_SITE,
                    "wheel jammed — 보도 턱에 걸림", 310));
            record(noon.plusSeconds(180), "rb-alpha", new Incident(Incident.Severity.MINOR,
                    "brushed a planter on level L1", "zone manager"));
            record(noon.plusSeconds(240), "rb-beta", new GeofenceTransition("lobby-keep-out", "keep-out-entered",
                    GeofenceTransition.Transition.VIOLATION, 6.5, 0.4, "L1", 21.0, 6.0, null, null, "PAUSE"));
            record(noon.plusSeconds(300), "rb-alpha", new Overspeed("sidewalk-east", CAP, 1.8, 4.0));
            record(noon.plusSeconds(360), "rb-gamma", new RobotLink(RobotLink.State.LINK_LOST, "last will"));
            record(noon.plusSeconds(360 + 95), "rb-gamma", new RobotLink(RobotLink.State.CONNECTED, "2.1.0"));
            record(noon.plusSeconds(400), null, new Incident(Incident.Severity.MODERATE,
                    "fire alarm test: all robots held", "site operator"));
            record(noon.plusSeconds(420), "rb-beta", new TaskLifecycle("t-" + day, TaskLifecycle.Phase.COMPLETED, "delivery", null));
        }
        record(DAY_ONE.plus(Duration.ofDays(1)).plus(Duration.ofHours(16)), "rb-gamma", new ElevatorRefusal("E1", "L2", "L1",
                ElevatorRefusal.Rule.OUTSIDE_SERVICE_HOURS, "outside service hours (weekdays 08:00-16:00, Asia/Seoul)"));
        record(DAY_ONE.plus(Duration.ofDays(1)).plus(Duration.ofHours(17)), "rb-beta",
                new RobotLink(RobotLink.State.LINK_LOST, "keep-alive timeout"));
        // At the end of the trial the operator tightens the sidewalk's cap and rotates a robot's credentials.
        Instant evening = DAY_ONE.plus(Duration.ofDays(1)).plus(Duration.ofHours(18));
        record(evening, null, new ConfigurationChange("operator:kim", ConfigurationChange.Target.ZONE, "sidewalk-east",
                ConfigurationChange.Action.UPDATE, zone("sidewalk-east", "SLOW", 1.2, 2)));
        record(evening.plusSeconds(60), "rb-alpha", new ConfigurationChange("operator:kim", ConfigurationChange.Target.CREDENTIAL,
                "rb-alpha", ConfigurationChange.Action.UPDATE, JSON.objectNode()
                .put("change", RobotRegistration.CREDENTIALS_ROTATED).put("kind", "robot-mqtt")));
        for (CompletableFuture<?> future : pending) {
            future.get(60, TimeUnit.SECONDS);
        }
        store.checkpointNow(LOG).get(60, TimeUnit.SECONDS);
    }

    /**
     * The day before the trial: the site (levels L1 and L2, in Seoul), its zones and the three robots' registrations,
     * as the server records them.
     */
    private void recordTheSiteAndItsRobots(Instant day) {
        ObjectNode definition = JSON.objectNode().put("id", SITE).put("name", "Trial zone").put("timeZone", ZONE_ID);
        definition.putArray("levels").add(JSON.objectNode().put("id", "L1")).add(JSON.objectNode().put("id", "L2"));
        ObjectNode site = JSON.objectNode().put("change", "CREATED").put("version", 1);
        site.set("definition", definition);
        record(day, null, new ConfigurationChange("operator:kim", ConfigurationChange.Target.SITE, SITE,
                ConfigurationChange.Action.CREATE, site));
        record(day.plusSeconds(60), null, new ConfigurationChange("operator:kim", ConfigurationChange.Target.ZONE,
                "sidewalk-east", ConfigurationChange.Action.CREATE, zone("sidewalk-east", "SLOW", CAP, 1)));
        record(day.plusSeconds(120), null, new ConfigurationChange("operator:kim", ConfigurationChange.Target.ZONE,
                "lobby-keep-out", ConfigurationChange.Action.CREATE, zone("lobby-keep-out", "KEEP_OUT", null, 1)));
        register(day.plusSeconds(600), "rb-alpha", new RobotRegistration("Acme Robotics", "SN-ALPHA-0001",
                "sidewalk-delivery", "Sidewalk Delivery", "DELIVERY", "OUTDOOR", 34.0, "UP_TO_100_KG", 15.0, 1.667, false));
        register(day.plusSeconds(660), "rb-beta", new RobotRegistration("Acme Robotics", "SN-BETA-0002",
                "sidewalk-delivery", "Sidewalk Delivery", "DELIVERY", "OUTDOOR", 34.0, "UP_TO_100_KG", 15.0, 1.667, false));
        register(day.plusSeconds(720), "rb-gamma", new RobotRegistration("한빛로보틱스", "SN-GAMMA-0003",
                "indoor-disinfection", "Indoor Disinfection", "DISINFECTION", "INDOOR", 48.5, null, null, 1.0, true));
    }

    private void register(Instant time, String robot, RobotRegistration registration) {
        record(time, robot, new ConfigurationChange("operator:kim", ConfigurationChange.Target.ROBOT, robot,
                ConfigurationChange.Action.CREATE, registration.toDetails()));
    }

    /** A zone's feature as the server records it (geometry and properties with the rules). */
    private static ObjectNode zone(String id, String kind, Double maxSpeed, int version) {
        ObjectNode feature = JSON.objectNode().put("type", "Feature").put("id", id);
        feature.putObject("geometry").put("type", "Polygon").putArray("coordinates").addArray()
                .add(JSON.arrayNode().add(0).add(0)).add(JSON.arrayNode().add(30).add(0))
                .add(JSON.arrayNode().add(30).add(10)).add(JSON.arrayNode().add(0).add(0));
        ObjectNode properties = feature.putObject("properties").put("name", id).put("site", SITE).put("level", "L1")
                .put("kind", kind).put("onViolation", "PAUSE");
        if (maxSpeed != null) properties.put("maxSpeed", maxSpeed);
        ObjectNode details = JSON.objectNode().put("change", version == 1 ? "CREATED" : "UPDATED").put("version", version);
        details.set("feature", feature);
        return details;
    }

    /** Ten minutes of loops around a rectangle, a state sample a second, sent in batches of a minute. */
    private void drive(String robot, String level, Instant start, double x0, double y0, double side, double speed) {
        List<StateSamples.Sample> batch = new ArrayList<>();
        double perimeter = 4 * side;
        for (int second = 0; second < 600; second++) {
            double along = (second * speed) % perimeter;
            double x = x0 + Math.min(along, side) - Math.max(0, Math.min(along - 2 * side, side));
            double y = y0 + Math.max(0, Math.min(along - side, side)) - Math.max(0, Math.min(along - 3 * side, side));
            StateSamples.AreaClass area = x < x0 + side / 2 ? StateSamples.AreaClass.INDOOR : StateSamples.AreaClass.SIDEWALK;
            batch.add(new StateSamples.Sample(start.plusSeconds(second), level, x, y, speed,
                    StateSamples.OperatingMode.AUTOMATIC, area, 90.0 - second / 60.0));
            if (batch.size() == 60) {
                record(batch.get(0).time(), robot, new StateSamples(batch));
                batch = new ArrayList<>();
            }
        }
    }

    private void record(Instant time, String robot, EventBody body) {
        clock.set(time);
        pending.add(store.record(new TrackEvent(time, SITE, FIRM, robot, body)));
    }

    TrackRecordStore store() {
        return store;
    }

    Path export(Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.export(LOG, ExportQuery.everything(), out, ProgressListener.NONE);
        }
        return file;
    }

    @Override
    public void close() {
        store.close();
    }

    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant start) {
            now = start;
        }

        void set(Instant time) {
            now = time;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
