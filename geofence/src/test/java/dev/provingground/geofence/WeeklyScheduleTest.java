package dev.provingground.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

    private static WeeklySchedule.Window window(DayOfWeek day, int fromHour, int toHour) {
        return new WeeklySchedule.Window(day, LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0));
    }

    @Test
    void windowCoversItsStartButNotItsEnd() {
        WeeklySchedule s = new WeeklySchedule(List.of(window(DayOfWeek.MONDAY, 9, 18)));
        assertThat(s.isActiveAt(LocalDateTime.of(2025, 6, 2, 9, 0))).isTrue();
        assertThat(s.isActiveAt(LocalDateTime.of(2025, 6, 2, 17, 59, 59))).isTrue();
        assertThat(s.isActiveAt(LocalDateTime.of(2025, 6, 2, 18, 0))).isFalse();
        assertThat(s.isActiveAt(LocalDateTime.of(2025, 6, 2, 8, 59))).isFalse();
        assertThat(s.isActiveAt(LocalDateTime.of(2025, 6, 3, 10, 0))).as("Tuesday").isFalse();
    }

    @Test
    void windowEndingBeforeItStartsRunsPastMidnightIntoTheNextDay() {
        WeeklySchedule s = new WeeklySchedule(List.of(window(DayOfWeek.SUNDAY, 22, 6)));
        assertThat(s.isActiveAt(LocalDateTime.of(2025, 6, 8, 23, 0))).as("Sunday 23:00").isTrue();
        assertThat(s.isActiveAt(LocalDateTime.of(2025, 6, 9, 5, 0))).as("Monday 05:00, across the week's end").isTrue();
        assertThat(s.isActiveAt(LocalDateTime.of(2025, 6, 9, 6, 0))).as("Monday 06:00").isFalse();
        assertThat(s.isActiveAt(LocalDateTime.of(2025, 6, 8, 21, 0))).as("Sunday 21:00").isFalse();
    }

    @Test
    void windowFromMidnightToMidnightIsTheWholeDay() {
        WeeklySchedule s = new WeeklySchedule(List.of(window(DayOfWeek.WEDNESDAY, 0, 0)));
        assertThat(s.isActiveAt(LocalDateTime.of(2025, 6, 4, 0, 0))).isTrue();
        assertThat(s.isActiveAt(LocalDateTime.of(2025, 6, 4, 23, 59))).isTrue();
        assertThat(s.isActiveAt(LocalDateTime.of(2025, 6, 5, 0, 0))).isFalse();
    }

    @Test
    void secondOfWeekCountsFromMondayMidnightInTheSiteTimeZone() {
        ZonedDateTime mondayTen = ZonedDateTime.of(2025, 6, 2, 10, 0, 0, 0, TestZones.TIME_ZONE);
        long second = WeeklySchedule.secondOfWeek(mondayTen.toInstant(), TestZones.TIME_ZONE.getRules());
        assertThat(second).isEqualTo(10 * 3600);
        ZonedDateTime sundayLate = ZonedDateTime.of(2025, 6, 8, 23, 30, 0, 0, TestZones.TIME_ZONE);
        assertThat(WeeklySchedule.secondOfWeek(sundayLate.toInstant(), TestZones.TIME_ZONE.getRules()))
                .isEqualTo(6 * 86_400 + 23 * 3600 + 1800);
    }

    @Test
    void windowsWrittenInAnyOrderMakeEqualSchedules() {
        var a = window(DayOfWeek.FRIDAY, 9, 12);
        var b = window(DayOfWeek.MONDAY, 13, 18);
        assertThat(new WeeklySchedule(List.of(a, b))).isEqualTo(new WeeklySchedule(List.of(b, a)));
    }

    @Test
    void emptyScheduleIsRefusedBecauseItWouldSwitchTheZoneOffForGood() {
        assertThatThrownBy(() -> new WeeklySchedule(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one window");
    }
}
