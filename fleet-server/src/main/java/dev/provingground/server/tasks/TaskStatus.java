package dev.provingground.server.tasks;

import java.util.Locale;

/** The subset of Open-RMF's task_state status enum a task goes through here, written in lower case. */
public enum TaskStatus {
    QUEUED, STANDBY, UNDERWAY, COMPLETED, FAILED, CANCELED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }
}
