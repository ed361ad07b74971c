package dev.provingground.server.tasks;

import java.util.Arrays;
import java.util.Optional;

/** Task categories, by their Open-RMF-style wire names, and the robot kind each needs (null = any). */
public enum TaskCategory {
    DELIVERY("delivery", "DELIVERY"),
    SERVING("serving", "SERVING"),
    DISINFECTION("disinfection", "DISINFECTION"),
    GO_TO_PLACE("go_to_place", null),
    CHARGE("charge", null);

    private final String wireName;
    private final String robotKind;

    TaskCategory(String wireName, String robotKind) {
        this.wireName = wireName;
        this.robotKind = robotKind;
    }

    public String wireName() {
        return wireName;
    }

    /** The robot kind the task needs, or null when any robot may do it. */
    public String robotKind() {
        return robotKind;
    }

    public static Optional<TaskCategory> fromWire(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }
}
