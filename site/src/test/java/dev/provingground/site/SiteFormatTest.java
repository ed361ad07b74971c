package dev.provingground.site;

import static dev.provingground.site.SiteFixtures.smallSite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

class SiteFormatTest {

    @Test
    void readingFillsDefaultsForOmittedOptionalFields() {
        ObjectNode document = smallSite();
        document.remove("geoAnchor");
        document.remove("passages");
        ((ObjectNode) document.at("/levels/1")).remove("name");
        ((ObjectNode) document.at("/elevators/0/cars/0")).remove("capacityRobots");

        Site site = SiteFixtures.read(document);

        assertThat(site.geoAnchor()).isNull();
        assertThat(site.passages()).isEmpty();
        assertThat(site.timeZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
        Level l1 = site.level("L1").orElseThrow();
        assertThat(l1.outdoor()).isFalse();
        assertThat(l1.lanes()).containsExactly(
                new Lane("L1-a", "L1-b", false, null, LaneKind.CORRIDOR),
                new Lane("L1-b", "L1-c", true, 0.5, LaneKind.CORRIDOR));
        assertThat(site.level("L2").orElseThrow().name()).isEqualTo("L2");
        assertThat(site.level("OUT").orElseThrow().lanes()).singleElement()
                .extracting(Lane::kind).isEqualTo(LaneKind.SIDEWALK);
        assertThat(site.elevatorCars()).singleElement().isEqualTo(
                new ElevatorCar("E1-A", List.of("L1", "L2"), Map.of("L1", "L1-a", "L2", "L2-a"), 1));
    }

    @Test
    void lookupsFindElementsByIdAndNameAndSayWhenAbsent() {
        Site site = SiteFixtures.read(smallSite());

        assertThat(site.waypoint("L2-b")).contains(new Waypoint("L2-b", 10, 0));
        assertThat(site.levelOf("L2-b").map(Level::id)).contains("L2");
        assertThat(site.place("desk")).contains(new Place("desk", "L1", "L1-c"));
        assertThat(site.charger("dock")).contains(new Charger("dock", "L2", "L2-b"));
        assertThat(site.elevator("E1").map(Elevator::name)).contains("Lift");
        assertThat(site.waypoint("L9-x")).isEmpty();
        assertThat(site.level("L9")).isEmpty();
        assertThat(site.place("nowhere")).isEmpty();
    }

    @Test
    void aWrittenSiteReadsBackEqual() {
        Site small = SiteFixtures.read(smallSite());
        ObjectNode bare = smallSite();
        bare.remove("geoAnchor");
        Site withoutAnchor = SiteFixtures.read(bare);
        Site demo = SiteFormat.read(SiteFixtures.DEMO_SITE);

        for (Site site : List.of(small, withoutAnchor, demo)) {
            assertThat(SiteFormat.read(SiteFormat.write(site), "written.json")).isEqualTo(site);
        }
    }

    @Test
    void writingIsDeterministicAndKeepsFileOrder() {
        Site demo = SiteFormat.read(SiteFixtures.DEMO_SITE);

        byte[] once = SiteFormat.write(demo);
        byte[] twice = SiteFormat.write(SiteFormat.read(once, "once.json"));

        assertThat(twice).isEqualTo(once);
        String text = new String(once, StandardCharsets.UTF_8);
        assertThat(text.indexOf("\"L1\" : \"L1-e1\"")).isLessThan(text.indexOf("\"L2\" : \"L2-e1\""));
    }

    @Test
    void readingAFileNamesTheFileInProblems(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken-site.json");
        ObjectNode document = smallSite();
        ((ObjectNode) document.at("/places/0")).put("level", "L9");
        Files.writeString(file, document.toString());

        assertThatThrownBy(() -> SiteFormat.read(file))
                .isInstanceOf(SiteValidationException.class)
                .hasMessage(file + ": places[0].level: unknown level \"L9\"");
    }

    @Test
    void aMissingFileIsAnIoErrorNamingThePath(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-site.json");

        assertThatThrownBy(() -> SiteFormat.read(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aMissingResourceStreamIsReportedByName() {
        assertThatThrownBy(() -> SiteFormat.read((InputStream) null, "demo.json"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("demo.json");
    }
}
