package dev.outpost.station;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mainland China's public holidays and make-up working days (调休) for the years in {@link #firstYear()} to {@link
 * #lastYear()}, as set by the State Council General Office's yearly notices. Every day of an official holiday block
 * (放假调休), weekends inside it included, counts as a holiday; the weekend days announced as working days (上班) count
 * as working-day overrides. Outside the covered years there are no holidays (a {@code PH} rule never matches), so
 * the data must be extended each November when the next notice appears. Immutable and thread-safe.
 */
public final class ChinaHolidayCalendar implements HolidayCalendar {
    /** The calendar with the dates below. */
    public static final ChinaHolidayCalendar INSTANCE = new ChinaHolidayCalendar();

    private final NavigableSet<LocalDate> holidays = new TreeSet<>();
    private final NavigableSet<LocalDate> workingDays = new TreeSet<>();

    private ChinaHolidayCalendar() {
        // 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 12 November 2024), the first under the
        // 2024 revision of the 全国年节及纪念日放假办法 (one more day each for the Spring Festival and Labour Day).
        holiday(2025, 1, 1, 1); // 元旦
        holiday(2025, 1, 28, 8); // 春节 28 Jan - 4 Feb
        working(2025, 1, 26);
        working(2025, 2, 8);
        holiday(2025, 4, 4, 3); // 清明节
        holiday(2025, 5, 1, 5); // 劳动节
        working(2025, 4, 27);
        holiday(2025, 5, 31, 3); // 端午节 31 May - 2 Jun
        holiday(2025, 10, 1, 8); // 国庆节、中秋节
        working(2025, 9, 28);
        working(2025, 10, 11);

        // 国务院办公厅关于2026年部分节假日安排的通知 (4 November 2025, published by Xinhua).
        holiday(2026, 1, 1, 3); // 元旦
        working(2026, 1, 4);
        holiday(2026, 2, 15, 9); // 春节 15 - 23 Feb
        working(2026, 2, 14);
        working(2026, 2, 28);
        holiday(2026, 4, 4, 3); // 清明节
        holiday(2026, 5, 1, 5); // 劳动节
        working(2026, 5, 9);
        holiday(2026, 6, 19, 3); // 端午节
        holiday(2026, 9, 25, 3); // 中秋节
        holiday(2026, 10, 1, 7); // 国庆节
        working(2026, 9, 20);
        working(2026, 10, 10);
    }

    private void holiday(int year, int month, int day, int days) {
        LocalDate start = LocalDate.of(year, month, day);
        for (int i = 0; i < days; i++) {
            holidays.add(start.plusDays(i));
        }
    }

    private void working(int year, int month, int day) {
        LocalDate d = LocalDate.of(year, month, day);
        if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
            throw new IllegalStateException("make-up working day " + d + " is not a weekend day");
        }
        workingDays.add(d);
    }

    @Override
    public boolean isHoliday(LocalDate date) {
        return holidays.contains(date);
    }

    @Override
    public boolean isWorkingDayOverride(LocalDate date) {
        return workingDays.contains(date);
    }

    /** The first year whose notice is included. */
    public int firstYear() {
        return holidays.first().getYear();
    }

    /** The last year whose notice is included; later dates have no holidays here. */
    public int lastYear() {
        return holidays.last().getYear();
    }

    /** Every holiday date, ascending; unmodifiable. */
    public Set<LocalDate> holidays() {
        return Collections.unmodifiableSet(holidays);
    }

    /** Every make-up working day, ascending; unmodifiable. */
    public Set<LocalDate> workingDayOverrides() {
        return Collections.unmodifiableSet(workingDays);
    }
}
