package dev.provingground.geofence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Weekly windows, in the site's time zone, during which a zone is in force; outside them it is inactive.
 *
 * <p>A window starts on {@code day} at {@code from} and ends at {@code to} (exclusive). When {@code to} is not after
 * {@code from} the window runs past midnight into the next day; {@code from == to} means a full 24 hours, so
 * {@code 00:00–00:00} is the whole day. Windows are kept sorted by day then start so that equal schedules compare
 * equal whatever order they were written in.
 */
public record WeeklySchedule(List<Window> windows) {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;
    /** 1970-01-01 was a Thursday: shifting epoch seconds by three days makes second 0 a Monday midnight. */
    private static final long EPOCH_TO_MONDAY = 3 * SECONDS_PER_DAY;

    public record Window(DayOfWeek day, LocalTime from, LocalTime to) {
        public Window {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** As people write it, e.g. {@code SUNDAY 10:00–11:00}. */
        @Override
        public String toString() {
            return day + " " + from + "–" + to;
        }

        boolean covers(long secondOfWeek) {
            long start = (day.getValue() - 1) * SECONDS_PER_DAY + from.toSecondOfDay();
            long length = to.toSecondOfDay() - from.toSecondOfDay();
            if (length <= 0) length += SECONDS_PER_DAY;
            long offset = Math.floorMod(secondOfWeek - start, SECONDS_PER_WEEK);
            return offset < length;
        }
    }

    public WeeklySchedule {
        Objects.requireNonNull(windows, "windows");
        if (windows.isEmpty()) {
            // An empty schedule would silently switch a zone off for good; "always" is expressed by no schedule.
            throw new IllegalArgumentException("schedule: needs at least one window (omit the schedule for always)");
        }
        windows = windows.stream()
                .sorted(Comparator.comparing(Window::day).thenComparing(Window::from).thenComparing(Window::to))
                .toList();
    }

    /** Seconds since Monday 00:00 in the given time zone; what {@link #isActiveAtSecondOfWeek} takes. */
    public static long secondOfWeek(Instant time, java.time.zone.ZoneRules timeZone) {
        long local = time.getEpochSecond() + timeZone.getOffset(time).getTotalSeconds();
        return Math.floorMod(local + EPOCH_TO_MONDAY, SECONDS_PER_WEEK);
    }

    /** As people write it, e.g. {@code MONDAY 08:00–12:00, SUNDAY 10:00–11:00}. */
    @Override
    public String toString() {
        return windows.stream().map(Window::toString).collect(Collectors.joining(", "));
    }

    public boolean isActiveAt(LocalDateTime localTime) {
        long secondOfWeek = (localTime.getDayOfWeek().getValue() - 1) * SECONDS_PER_DAY
                + localTime.toLocalTime().toSecondOfDay();
        return isActiveAtSecondOfWeek(secondOfWeek);
    }

    /** @param secondOfWeek seconds since Monday 00:00 local time, 0 ≤ value &lt; 604800 */
    public boolean isActiveAtSecondOfWeek(long secondOfWeek) {
        for (Window w : windows) {
            if (w.covers(secondOfWeek)) return true;
        }
        return false;
    }
}
