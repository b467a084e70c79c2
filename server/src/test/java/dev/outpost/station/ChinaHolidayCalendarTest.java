package dev.outpost.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChinaHolidayCalendarTest {
    private final ChinaHolidayCalendar cal = ChinaHolidayCalendar.INSTANCE;

    @Test
    void holidayCountsMatchTheNotices() {
        // 2025: 1 + 8 + 3 + 5 + 3 + 8 days; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 days.
        long y2025 = cal.holidays().stream().filter(d -> d.getYear() == 2025).count();
        long y2026 = cal.holidays().stream().filter(d -> d.getYear() == 2026).count();
        assertThat(y2025).isEqualTo(28);
        assertThat(y2026).isEqualTo(33);
        assertThat(cal.workingDayOverrides()).hasSize(11);
        assertThat(cal.firstYear()).isEqualTo(2025);
        assertThat(cal.lastYear()).isEqualTo(2026);
    }

    @Test
    void knownDates() {
        assertThat(cal.isHoliday(LocalDate.of(2026, 10, 1))).isTrue();
        assertThat(cal.isHoliday(LocalDate.of(2026, 10, 7))).isTrue();
        assertThat(cal.isHoliday(LocalDate.of(2026, 10, 8))).isFalse();
        assertThat(cal.isHoliday(LocalDate.of(2025, 10, 8))).isTrue(); // 2025: National Day with Mid-Autumn, 8 days
        assertThat(cal.isHoliday(LocalDate.of(2025, 1, 28))).isTrue(); // New Year's Eve 2025
        assertThat(cal.isHoliday(LocalDate.of(2026, 2, 23))).isTrue();
        assertThat(cal.isHoliday(LocalDate.of(2026, 2, 24))).isFalse();
        assertThat(cal.isHoliday(LocalDate.of(2027, 1, 1))).isFalse(); // not covered yet
        assertThat(cal.isWorkingDayOverride(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(cal.isWorkingDayOverride(LocalDate.of(2026, 2, 21))).isFalse(); // Saturday inside the holiday
        assertThat(cal.isWorkingDayOverride(LocalDate.of(2025, 4, 27))).isTrue();
    }

    @Test
    void makeUpWorkingDaysAreWeekendsAndNeverHolidays() {
        for (LocalDate d : cal.workingDayOverrides()) {
            assertThat(d.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(cal.isHoliday(d)).as(d.toString()).isFalse();
        }
    }
}
