package dev.provingground.report;

import dev.provingground.trackrecord.TrackRecordConfig;
import dev.provingground.trackrecord.TrackRecordStore;
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
 * loops on two levels, with interventions, incidents, geofence violations, overspeeds and lost links.
 */
final class TrialBundle implements AutoCloseable {

    static final String SITE = "trial-zone";
    static final String FIRM = "acme";
    static final LogId LOG = LogId.firmLog(SITE, FIRM);
    static final Instant DAY_ONE = Instant.parse("2026-05-04T00:00:00Z");
    static final double CAP = 1.5;

    private final SettableClock clock = new SettableClock(DAY_ONE);
    private final TrackRecordStore store;
    private final List<CompletableFuture<?>> pending = new ArrayList<>();

    TrialBundle(Path dataDir) throws Exception {
        store = TrackRecordStore.open(dataDir, TrackRecordConfig.defaults().withCommitInterval(Duration.ofMillis(2)), clock);
        store.ensureLog(LOG).get(60, TimeUnit.SECONDS);
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
        record(DAY_ONE.plus(Duration.ofDays(1)).plus(Duration.ofHours(17)), "rb-beta",
                new RobotLink(RobotLink.State.LINK_LOST, "keep-alive timeout"));
        for (CompletableFuture<?> future : pending) {
            future.get(60, TimeUnit.SECONDS);
        }
        store.checkpointNow(LOG).get(60, TimeUnit.SECONDS);
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
