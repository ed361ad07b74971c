package dev.provingground.bench.console;

import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console bench's hall: one level per fleet, laid out alike so the only difference the page sees is the number
 * of robots. Robots stand in rows {@value #ROW_SPACING} m apart, {@value #PER_ROW} to a row, each on its own
 * stretch of the row's corridor, which it drives back and forth. Stretches differ in length ({@value #SHORTEST_LEG} to
 * {@value #SHORTEST_LEG} + 8 m), so robots that all set off together soon turn round at different times, as a real
 * fleet does, rather than all standing still turning at once.
 */
record ConsoleSite(String siteId, List<Level> levels) {

    static final int PER_ROW = 25;
    static final double ROW_SPACING = 2;
    static final double SLOT = 22;
    static final double SHORTEST_LEG = 12;

    /** A level with {@code robots} robots; the first is on floor 1, where the console opens. */
    record Level(String id, int floor, int robots) {

        int rows() {
            return (robots + PER_ROW - 1) / PER_ROW;
        }

        /** Where robot {@code index} of this level starts: the west end of its stretch. */
        double startX(int index) {
            return (index % PER_ROW) * SLOT + 1;
        }

        double y(int index) {
            return (index / PER_ROW) * ROW_SPACING + 1;
        }

        double endX(int index) {
            return startX(index) + leg(index);
        }

        /** 12 to 20 m, neighbours differing. */
        static double leg(int index) {
            return SHORTEST_LEG + (index * 7) % 9;
        }
    }

    ConsoleSite {
        levels = List.copyOf(levels);
    }

    Site site() {
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT, "{\"id\": \"%s\", \"name\": \"Console bench hall\", \"timeZone\": \"UTC\", "
                + "\"levels\": [", siteId));
        for (int l = 0; l < levels.size(); l++) {
            Level level = levels.get(l);
            if (l > 0) json.append(", ");
            List<String> waypoints = new ArrayList<>();
            List<String> lanes = new ArrayList<>();
            double east = Math.min(level.robots(), PER_ROW) * SLOT;
            // One corridor per row, end to end: the nav graph a hall of this size would have.
            for (int row = 0; row < level.rows(); row++) {
                double y = row * ROW_SPACING + 1;
                String west = level.id() + "-r" + row + "-w";
                String eastId = level.id() + "-r" + row + "-e";
                waypoints.add(String.format(Locale.ROOT, "{\"id\": \"%s\", \"x\": 0, \"y\": %.1f}", west, y));
                waypoints.add(String.format(Locale.ROOT, "{\"id\": \"%s\", \"x\": %.1f, \"y\": %.1f}", eastId, east, y));
                lanes.add(String.format(Locale.ROOT, "{\"from\": \"%s\", \"to\": \"%s\"}", west, eastId));
            }
            json.append(String.format(Locale.ROOT, "{\"id\": \"%s\", \"name\": \"%d robots\", \"floor\": %d, "
                            + "\"outdoor\": false, \"waypoints\": [%s], \"lanes\": [%s]}", level.id(), level.robots(),
                    level.floor(), String.join(", ", waypoints), String.join(", ", lanes)));
        }
        json.append("], \"places\": [], \"chargers\": [], \"elevators\": []}");
        return SiteFormat.read(json.toString().getBytes(StandardCharsets.UTF_8), "console-bench-site.json");
    }
}
