package dev.provingground.server.sites.floorplans;

import java.util.List;

/** An upload refused before anything was stored; each problem names the parameter or part that is wrong. */
public final class InvalidFloorPlanException extends RuntimeException {

    private final List<String> problems;

    public InvalidFloorPlanException(List<String> problems) {
        super("floor plan: " + String.join("; ", problems) + "; nothing was changed");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
