package dev.provingground.site.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.index.ZoneSet;

/** How long the set of zones in force stays as it is around a given time: between schedule windows opening or closing. */
final class ScheduleHorizon {

    private static final long DAY = 86_400;
    private static final long WEEK = 7 * DAY;

    private ScheduleHorizon() {
    }

    /**
     * The stretch of time around {@code time} during which the same zones are in force: from the last instant at or
     * before {@code time} to the first instant after it at which some zone's schedule window starts or ends or the
     * site's UTC offset changes (which moves every window). Unbounded both ways when no zone has a schedule.
     */
    static Validity around(ZoneSet zones, ZoneId timeZone, Instant time) {
        long secondOfWeek = WeeklySchedule.secondOfWeek(time, timeZone.getRules());
        long sinceLast = Long.MAX_VALUE;
        long untilNext = Long.MAX_VALUE;
        for (Zone zone : zones.zones()) {
            WeeklySchedule schedule = zone.rules().schedule();
            if (schedule == null) continue;
            for (WeeklySchedule.Window w : schedule.windows()) {
                // Same arithmetic as WeeklySchedule.Window: start inclusive, end exclusive, to <= from runs past midnight.
                long start = (w.day().getValue() - 1) * DAY + w.from().toSecondOfDay();
                long length = w.to().toSecondOfDay() - w.from().toSecondOfDay();
                if (length <= 0) length += DAY;
                for (long boundary : new long[] {start, start + length}) {
                    sinceLast = Math.min(sinceLast, Math.floorMod(secondOfWeek - boundary, WEEK));
                    long ahead = Math.floorMod(boundary - secondOfWeek, WEEK);
                    // a boundary at this very second has already taken effect; its next turn is a week on
                    untilNext = Math.min(untilNext, ahead == 0 ? WEEK : ahead);
                }
            }
        }
        if (untilNext == Long.MAX_VALUE) return new Validity(Instant.MIN, Instant.MAX);
        Instant from = Instant.ofEpochSecond(time.getEpochSecond() - sinceLast);
        Instant until = Instant.ofEpochSecond(time.getEpochSecond() + untilNext);
        ZoneOffsetTransition before = timeZone.getRules().previousTransition(time);
        if (before != null && before.getInstant().isAfter(from)) from = before.getInstant();
        ZoneOffsetTransition after = timeZone.getRules().nextTransition(time);
        if (after != null && after.getInstant().isBefore(until)) until = after.getInstant();
        return new Validity(from, until);
    }

    /** From {@code from} inclusive to {@code until} exclusive. */
    record Validity(Instant from, Instant until) {
        boolean contains(Instant time) {
            return !time.isBefore(from) && time.isBefore(until);
        }
    }
}
