package dev.provingground.server.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.provingground.trackrecord.TrackRecordConfig;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.Incident;
import dev.provingground.trackrecord.event.RobotLink;
import dev.provingground.trackrecord.event.TrackEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading events back from a real track record: each once, in time order, limited, per firm. */
class RecordedEventsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    private TrackRecordStore store;
    private RecordedEvents events;

    @BeforeEach
    void open() {
        store = TrackRecordStore.open(dir, TrackRecordConfig.defaults());
        events = new RecordedEvents(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void lateEventsComeInTimeOrderAndSiteWideCopiesAndRulesSnapshotsOnlyOnce() throws Exception {
        record(link(10, "acme", "r1"));
        record(new TrackEvent(T0.plusSeconds(10), "s", "acme", null, zoneChange())); // the snapshot opening a firm log
        record(zone(20));                                                                 // site log and acme's log
        record(link(30, "bolt", "r2"));
        record(link(5, "acme", "r1"));                                                     // arrives late
        record(new TrackEvent(T0.plusSeconds(25), "s", null, null, incident()));

        assertThat(times(all(null, 100))).containsExactly(5L, 10L, 20L, 25L, 30L);
    }

    @Test
    void sinceGivesExactlyTheEventsAtOrAfterItAndALimitTheEarliestOfThemMarkedTruncated() throws Exception {
        for (int s : new int[]{40, 10, 30, 20, 50}) record(link(s, "acme", "r1"));

        assertThat(times(all(T0.plusSeconds(20), 100))).containsExactly(20L, 30L, 40L, 50L);
        RecordedEvents.Page page = events.query(new RecordedEvents.Query(null, null, T0.plusSeconds(20), f -> true, 2));
        assertThat(times(page)).containsExactly(20L, 30L);
        assertThat(page.truncated()).isTrue();
        RecordedEvents.Page newest = events.query(new RecordedEvents.Query(null, null, null, f -> true, 2));
        assertThat(times(newest)).containsExactly(40L, 50L);
        assertThat(all(T0.plusSeconds(20), 4).truncated()).isFalse();
    }

    @Test
    void aVendorReadsSiteWideEventsAndItsOwnFirmsButNoOtherFirms() throws Exception {
        record(link(10, "acme", "r1"));
        record(link(20, "bolt", "r2"));
        record(new TrackEvent(T0.plusSeconds(30), "s", null, null, incident()));

        RecordedEvents.Page acme = events.query(new RecordedEvents.Query(null, null, null, "acme"::equals, 100));
        assertThat(times(acme)).containsExactly(10L, 30L);
    }

    private RecordedEvents.Page all(Instant since, int limit) {
        return events.query(new RecordedEvents.Query(null, null, since, f -> true, limit));
    }

    private void record(TrackEvent event) throws Exception {
        store.record(event).get();
    }

    private static TrackEvent link(int second, String firm, String robot) {
        return new TrackEvent(T0.plusSeconds(second), "s", firm, robot, new RobotLink(RobotLink.State.CONNECTED, "test"));
    }

    private static TrackEvent zone(int second) {
        return new TrackEvent(T0.plusSeconds(second), "s", null, null, zoneChange());
    }

    private static ConfigurationChange zoneChange() {
        return new ConfigurationChange("system", ConfigurationChange.Target.ZONE, "all-zones",
                ConfigurationChange.Action.UPDATE, JsonNodeFactory.instance.objectNode().put("change", "SNAPSHOT"));
    }

    private static Incident incident() {
        return new Incident(Incident.Severity.MINOR, "a guest tripped", "operator:test");
    }

    /** Seconds after T0 of each event listed. */
    private static List<Long> times(RecordedEvents.Page page) {
        EventCodec codec = new EventCodec();
        return page.events().stream().map(json -> codec.decode(json).time().getEpochSecond() - T0.getEpochSecond())
                .toList();
    }
}
