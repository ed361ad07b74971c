package dev.provingground.geofence.index;

import static dev.provingground.geofence.TestZones.rectangle;
import static dev.provingground.geofence.TestZones.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

import dev.provingground.geofence.TestZones;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.ZoneRules;

class ZoneSetTest {

    private static Zone onLevel(String id, String level, double x0) {
        return new Zone(id, null, TestZones.SITE, level, rectangle(x0, 0, x0 + 5, 5), ZoneKind.SPEED_LIMIT, null, null);
    }

    private static List<String> idsNear(ZoneSet set, String level, double x, double y) {
        List<String> ids = new ArrayList<>();
        LevelIndex index = set.level(level);
        if (index != null) index.query(new Envelope(x, x, y, y), item -> ids.add(((IndexedZone) item).id()));
        return ids;
    }

    @Test
    void zonesAreIndexedPerLevel() {
        ZoneSet set = ZoneSet.of(List.of(onLevel("a", "L1", 0), onLevel("b", "L2", 0), onLevel("c", "L1", 10)));
        assertThat(set.levels()).containsExactlyInAnyOrder("L1", "L2");
        assertThat(idsNear(set, "L1", 2, 2)).containsExactly("a");
        assertThat(idsNear(set, "L2", 2, 2)).containsExactly("b");
        assertThat(idsNear(set, "L1", 12, 2)).containsExactly("c");
        assertThat(set.level("L3")).isNull();
        assertThat(set.zones()).extracting(Zone::id).containsExactly("a", "b", "c");
    }

    @Test
    void editsReturnNewSetsAndLeaveTheOldOneAlone() {
        ZoneSet one = ZoneSet.of(List.of(onLevel("a", "L1", 0)));
        ZoneSet two = one.with(onLevel("b", "L1", 10));
        ZoneSet moved = two.with(onLevel("a", "L2", 0));
        ZoneSet without = moved.without("b");

        assertThat(one.zones()).extracting(Zone::id).containsExactly("a");
        assertThat(idsNear(two, "L1", 12, 2)).containsExactly("b");
        assertThat(idsNear(moved, "L1", 2, 2)).as("a left L1").isEmpty();
        assertThat(idsNear(moved, "L2", 2, 2)).containsExactly("a");
        assertThat(without.level("L1")).as("no zones left on L1").isNull();
        assertThat(without.without("nope")).isSameAs(without);
    }

    @Test
    void ruleEditKeepsThePreparedGeometryOfAnUnchangedOutline() {
        Zone a = zone("a", ZoneKind.SPEED_LIMIT, rectangle(0, 0, 5, 5));
        ZoneSet set = ZoneSet.of(List.of(a));
        ZoneSet edited = set.with(a.withRules(ZoneRules.NONE.withMaxSpeed(0.7)));
        assertThat(edited.indexed("a").orElseThrow().prepared()).isSameAs(set.indexed("a").orElseThrow().prepared());
        assertThat(edited.zone("a").orElseThrow().rules().maxSpeed()).isEqualTo(0.7);
    }

    @Test
    void duplicateIdsAreRefused() {
        assertThatThrownBy(() -> ZoneSet.of(List.of(onLevel("a", "L1", 0), onLevel("a", "L2", 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    }
}
