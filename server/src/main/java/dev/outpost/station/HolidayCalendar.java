package dev.outpost.station;

import java.time.LocalDate;

/**
 * Which dates are public holidays (the {@code PH} selector of opening hours) and which weekend dates are working
 * days by decree. Implementations are immutable and thread-safe.
 */
public interface HolidayCalendar {
    /** A calendar without holidays or make-up working days. */
    HolidayCalendar NONE = date -> false;

    /** Whether {@code date} is a public holiday, i.e. a day off matched by {@code PH}. */
    boolean isHoliday(LocalDate date);

    /**
     * Whether {@code date}, though a Saturday or Sunday, is an official working day (a make-up working day, 调休上班).
     * Opening hours treat such a day as a working weekday. The default has none.
     */
    default boolean isWorkingDayOverride(LocalDate date) {
        return false;
    }
}
