package dev.provingground.server.sites;

import dev.provingground.server.errors.ConflictException;

import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Collections;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A site change would remove levels that zones or robots are still on; nothing was changed. */
public final class LevelInUseException extends ConflictException {

    /** What is still on one level. */
    public record Use(List<String> zones, List<String> robots) {
    }

    private final Map<String, Use> levels;

    public LevelInUseException(String site, Map<String, Use> levels) {
        super(message(site, new TreeMap<>(levels)));
        this.levels = Collections.unmodifiableMap(new TreeMap<>(levels));
    }

    /** Level id → the zones and robots on it, levels in id order. */
    public Map<String, Use> levels() {
        return levels;
    }

    private static String message(String site, Map<String, Use> levels) {
        StringBuilder out = new StringBuilder("site ").append(site).append(": cannot remove ");
        String sep = "";
        for (Map.Entry<String, Use> e : levels.entrySet()) {
            out.append(sep).append("level \"").append(e.getKey()).append("\", which still has ");
            List<String> parts = new ArrayList<>();
            if (!e.getValue().zones().isEmpty()) parts.add("zones " + quoted(e.getValue().zones()));
            if (!e.getValue().robots().isEmpty()) parts.add("robots " + quoted(e.getValue().robots()));
            out.append(String.join(" and ", parts));
            sep = "; ";
        }
        return out.append("; delete or move them first; nothing was changed").toString();
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
    }
}
