package dev.outpost.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dates used below (2026): Mon 2 Mar, Sun 8 Mar, Thu 1 Oct (National Day), Mon 5 Oct (inside the 1–7 Oct holiday),
 * Sat 10 Oct (make-up working day), Mon 12 Oct (ordinary Monday).
 */
class OpeningHoursTest {

    /** The instant of a China Standard Time wall-clock time. */
    private static Instant cst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OpeningHours.ZONE).toInstant();
    }

    private static boolean open(String hours, String localDateTime) {
        return OpeningHours.parse(hours).isOpenAt(cst(localDateTime));
    }

    @Test
    void endAt24IsOpenAt2359AndClosedAt0001() {
        String h = "Mo-Su 08:00-24:00";
        assertThat(open(h, "2026-03-02T23:59")).isTrue();
        assertThat(open(h, "2026-03-03T00:01")).isFalse();
        assertThat(open(h, "2026-03-03T07:59:59")).isFalse();
        assertThat(open(h, "2026-03-03T08:00")).isTrue();
        assertThat(OpeningHours.parse(h).isAlwaysOpen()).isFalse();
    }

    @Test
    void overnightSpanRunsPastMidnightIntoTheNextDay() {
        String h = "Fr 18:00-02:00";
        assertThat(open(h, "2026-03-06T17:59")).isFalse(); // Friday
        assertThat(open(h, "2026-03-06T18:00")).isTrue();
        assertThat(open(h, "2026-03-06T23:59")).isTrue();
        assertThat(open(h, "2026-03-07T01:59")).isTrue(); // Saturday, still Friday's span
        assertThat(open(h, "2026-03-07T02:00")).isFalse();
        assertThat(open(h, "2026-03-07T18:30")).isFalse(); // Saturday has no span of its own
        assertThat(open(h, "2026-03-06T01:00")).isFalse(); // Thursday had none to carry over
    }

    @Test
    void sundayNightSpanCarriesOverTheWeekEndIntoMonday() {
        String h = "Su 22:00-02:00";
        assertThat(open(h, "2026-03-08T22:30")).isTrue(); // Sunday
        assertThat(open(h, "2026-03-09T01:00")).isTrue(); // Monday 01:00
        assertThat(open(h, "2026-03-09T02:00")).isFalse();
        assertThat(open(h, "2026-03-02T01:00")).isTrue(); // the Monday before, after Sunday 1 March
        // The carried-over part belongs to Sunday's rule: a Monday rule does not cut it.
        assertThat(open("Su 22:00-02:00; Mo off", "2026-03-09T01:00")).isTrue();
        // Extended-hours notation means the same.
        assertThat(open("Su 22:00-26:00", "2026-03-09T01:00")).isTrue();
    }

    @Test
    void alwaysOpenAndOff() {
        OpeningHours always = OpeningHours.parse("24/7");
        assertThat(always.isAlwaysOpen()).isTrue();
        assertThat(always.isOpenAt(cst("2026-10-01T03:00"))).isTrue();
        assertThat(always.nextChange(cst("2026-10-01T03:00"))).isEmpty();
        assertThat(OpeningHours.parse("Mo-Su 00:00-24:00").isAlwaysOpen()).isTrue();
        // Each day's 12:00-36:00 covers its own afternoon and the next morning.
        assertThat(OpeningHours.parse("Mo-Su 12:00-36:00").isAlwaysOpen()).isTrue();
        assertThat(OpeningHours.parse("24/7; PH off").isAlwaysOpen()).isFalse();
        assertThat(OpeningHours.parse("Mo-Fr 00:00-24:00").isAlwaysOpen()).isFalse();

        OpeningHours off = OpeningHours.parse("off");
        assertThat(off.isAlwaysOpen()).isFalse();
        assertThat(off.isOpenAt(cst("2026-03-02T12:00"))).isFalse();
        assertThat(off.nextChange(cst("2026-03-02T12:00"))).isEmpty();
        assertThat(open("closed", "2026-03-02T12:00")).isFalse();
    }

    @Test
    void laterRulesOverrideEarlierOnesForTheDaysTheyName() {
        String h = "Mo-Sa 08:00-20:00; Sa 10:00-14:00; Su off";
        assertThat(open(h, "2026-03-02T09:00")).isTrue(); // Monday
        assertThat(open(h, "2026-03-07T09:00")).isFalse(); // Saturday: the Sa rule replaced 08:00-20:00
        assertThat(open(h, "2026-03-07T13:00")).isTrue();
        assertThat(open(h, "2026-03-08T13:00")).isFalse(); // Sunday
        // A rule without selector overrides everything before it.
        assertThat(open("Mo-Fr 08:00-20:00; 10:00-12:00", "2026-03-02T09:00")).isFalse();
        assertThat(open("Mo-Fr 08:00-20:00; 10:00-12:00", "2026-03-08T11:00")).isTrue();
    }

    @Test
    void severalSpansAndDayLists() {
        String h = "Mo-Fr,Su 08:00-12:00,14:00-18:00";
        assertThat(open(h, "2026-03-02T11:59")).isTrue();
        assertThat(open(h, "2026-03-02T13:00")).isFalse();
        assertThat(open(h, "2026-03-02T14:00")).isTrue();
        assertThat(open(h, "2026-03-07T10:00")).isFalse(); // Saturday
        assertThat(open(h, "2026-03-08T10:00")).isTrue(); // Sunday
        assertThat(open("Sa,Su 09:00-17:00", "2026-03-07T10:00")).isTrue();
        assertThat(open("Sa,Su 09:00-17:00", "2026-03-06T10:00")).isFalse();
        // A wrapping range: Friday to Monday.
        assertThat(open("Fr-Mo 09:00-17:00", "2026-03-08T10:00")).isTrue();
        assertThat(open("Fr-Mo 09:00-17:00", "2026-03-04T10:00")).isFalse(); // Wednesday
        // A selector alone means all day.
        assertThat(open("Sa", "2026-03-07T03:00")).isTrue();
    }

    @Test
    void publicHolidayRulesOnNationalDay2026() {
        String h = "Mo-Fr 09:00-18:00; PH off";
        assertThat(open(h, "2026-10-01T10:00")).isFalse(); // Thursday, National Day
        assertThat(open(h, "2026-10-05T10:00")).isFalse(); // Monday inside the holiday block
        assertThat(open(h, "2026-10-12T10:00")).isTrue(); // ordinary Monday
        assertThat(open(h, "2026-09-24T10:00")).isTrue(); // ordinary Thursday

        String ph = "Mo-Fr 09:00-18:00; PH 10:00-16:00";
        assertThat(open(ph, "2026-10-01T09:30")).isFalse();
        assertThat(open(ph, "2026-10-01T15:30")).isTrue();
        assertThat(open(ph, "2026-10-01T17:00")).isFalse();
        assertThat(open(ph, "2026-10-03T15:30")).isTrue(); // Saturday inside the block: PH applies
        assertThat(open(ph, "2026-10-17T15:30")).isFalse(); // ordinary Saturday

        // Without "PH off", weekday hours also apply on a weekday holiday, as in OSM.
        assertThat(open("Mo-Fr 09:00-18:00", "2026-10-01T10:00")).isTrue();
        // A calendar without holidays never matches PH.
        assertThat(OpeningHours.parse(h, HolidayCalendar.NONE).isOpenAt(cst("2026-10-01T10:00")))
                .isTrue();
        // Spring Festival 2026 (15-23 Feb) and Qingming 2025 (4-6 Apr).
        assertThat(open(h, "2026-02-16T10:00")).isFalse();
        assertThat(open(h, "2025-04-04T10:00")).isFalse();
        assertThat(open(h, "2025-04-07T10:00")).isTrue();
    }

    @Test
    void makeUpWorkingSaturdayKeepsWeekdayHours() {
        // Saturday 10 October 2026 and Sunday 20 September 2026 are official working days.
        String h = "Mo-Fr 09:00-18:00; Sa,Su off";
        assertThat(open(h, "2026-10-10T10:00")).isTrue();
        assertThat(open(h, "2026-09-20T10:00")).isTrue();
        assertThat(open(h, "2026-10-17T10:00")).isFalse(); // ordinary Saturday
        // Weekend-only rules do not match a make-up working day; a calendar without overrides keeps it a Saturday.
        assertThat(open("Sa 10:00-14:00", "2026-10-10T11:00")).isFalse();
        assertThat(OpeningHours.parse(h, HolidayCalendar.NONE).isOpenAt(cst("2026-10-10T10:00")))
                .isFalse();
    }

    @Test
    void evaluatesInShanghaiTimeWhateverTheZoneOfTheInput() {
        // Monday 2 March 2026 23:30 in Shanghai is Monday 15:30 UTC.
        Instant instant = Instant.parse("2026-03-02T15:30:00Z");
        assertThat(instant.atZone(OpeningHours.ZONE).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-03-02T23:30"));
        OpeningHours late = OpeningHours.parse("Mo 22:00-24:00");
        OpeningHours afternoon = OpeningHours.parse("Mo 15:00-16:00");
        assertThat(late.isOpenAt(instant)).isTrue();
        assertThat(afternoon.isOpenAt(instant)).isFalse();
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        assertThat(late.isOpenAt(utc)).isTrue();
        assertThat(afternoon.isOpenAt(utc)).isFalse();
    }

    @Test
    void nextChangeGivesClosingAndOpeningTimes() {
        OpeningHours h = OpeningHours.parse("Mo-Fr 09:00-18:00; PH off");
        assertThat(h.nextChange(cst("2026-03-02T10:00"))).contains(cst("2026-03-02T18:00"));
        assertThat(h.nextChange(cst("2026-03-02T18:00"))).contains(cst("2026-03-03T09:00"));
        assertThat(h.nextChange(cst("2026-03-06T20:00"))).contains(cst("2026-03-09T09:00")); // Fri -> Mon
        // Closed through the National Day holiday; the make-up Saturday 10 Oct is not the next opening, Thursday 8 is.
        assertThat(h.nextChange(cst("2026-09-30T18:30"))).contains(cst("2026-10-08T09:00"));
        assertThat(h.nextChange(cst("2026-10-09T19:00"))).contains(cst("2026-10-10T09:00"));

        // Overnight and adjacent spans merge: open Friday 18:00 to Saturday 02:00 via Fr 18:00-24:00 + Sa 00:00-02:00.
        OpeningHours joined = OpeningHours.parse("Fr 18:00-24:00; Sa 00:00-02:00");
        assertThat(joined.nextChange(cst("2026-03-06T19:00"))).contains(cst("2026-03-07T02:00"));
        OpeningHours overnight = OpeningHours.parse("Su 22:00-02:00");
        assertThat(overnight.nextChange(cst("2026-03-09T01:00"))).contains(cst("2026-03-09T02:00"));
        assertThat(overnight.nextChange(cst("2026-03-09T02:00"))).contains(cst("2026-03-15T22:00"));
    }

    @Test
    void fullWidthPunctuationAndLowerCaseAreAccepted() {
        OpeningHours h = OpeningHours.parse("mo-fr 08：00～20：00；PH off");
        assertThat(h.isOpenAt(cst("2026-03-02T19:00"))).isTrue();
        assertThat(h.isOpenAt(cst("2026-10-01T19:00"))).isFalse();
        assertThat(h.source()).isEqualTo("mo-fr 08：00～20：00；PH off");
        assertThat(OpeningHours.parse("Mo-Fr 8:00-20:00").isOpenAt(cst("2026-03-02T08:30")))
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Mo-Fx 08:00-20:00 | opening_hours 'Mo-Fx 08:00-20:00': unknown day 'Fx' at position 3",
                "Mon-Fri 08:00-20:00 | unknown day 'Mon' at position 0",
                "Mo-Fr 25:00-26:00 | invalid start time '25:00' at position 6",
                "Mo-Fr 08:00-49:00 | invalid end time '49:00' at position 12",
                "Mo-Fr 08:60-20:00 | invalid start time '08:60' at position 6",
                "Mo-Fr 08:00 | expected '-' after 08:00 at position 11",
                "Mo-Fr 08:00- | expected an end time after '08:00-' at position 12",
                "Mo-Fr 0800-2000 | invalid time '0800' at position 6",
                "Mo-Fr 08:00-08:00 | time span '08:00-08:00' at position 6 is empty",
                "Mo-Fr 08:00-20:00 off | unexpected 'off' at position 18",
                "Mo- 08:00-20:00 | unexpected '08:00' at position 4; expected a day after '-'",
                "Jan-Mar 08:00-20:00 | month and date selectors are not supported: 'Jan' at position 0",
                "周一至周五 08:00-20:00 | unexpected character '周' at position 0",
                "; ; | no rules",
                "Mo-Fr 08:00-20:00, Sa 10:00-12:00 | unexpected 'Sa' at position 19; expected a time",
                "24/7 08:00-09:00 | unexpected '08:00' at position 5",
            })
    void malformedInputIsRejectedWithPositionAndToken(String source, String message) {
        assertThatThrownBy(() -> OpeningHours.parse(source.trim()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("opening_hours '" + source.trim() + "': ")
                .hasMessageContaining(message);
    }

    @Test
    void emptyAndMissingInputAreRejected() {
        assertThatThrownBy(() -> OpeningHours.parse(""))
                .hasMessage("opening_hours '': no rules; expected e.g. 'Mo-Fr 08:00-18:00' or '24/7'");
        assertThatThrownBy(() -> OpeningHours.parse(null)).hasMessage("opening_hours is missing");
    }

    @Test
    void equalityFollowsTheSource() {
        assertThat(OpeningHours.parse("24/7")).isEqualTo(OpeningHours.parse("24/7"));
        assertThat(OpeningHours.parse("24/7")).isNotEqualTo(OpeningHours.parse("Mo-Su 00:00-24:00"));
        assertThat(OpeningHours.parse("24/7").toString()).isEqualTo("24/7");
        assertThat(LocalDate.of(2026, 10, 1).getDayOfWeek().getValue()).isEqualTo(4); // the test data's premise
    }
}
