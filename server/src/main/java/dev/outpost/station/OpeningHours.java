package dev.outpost.station;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Opening hours in the subset of OpenStreetMap's {@code opening_hours} syntax that city data uses, evaluated in
 * China Standard Time ({@link #ZONE}, Asia/Shanghai). Immutable and thread-safe.
 *
 * <p>Accepted: {@code 24/7}; rules separated by {@code ;}, each an optional day selector followed by times,
 * {@code off}/{@code closed}, or nothing (= open all day). Day selectors list days and day ranges separated by
 * commas: {@code Mo-Fr}, {@code Sa,Su}, {@code Mo-Fr,Su}, wrapping ranges such as {@code Fr-Mo}, and {@code PH}
 * (public holidays of the {@link HolidayCalendar}). Times are one or more spans {@code 08:00-12:00,14:00-18:00};
 * {@code 24:00} may end a span; a span whose end is earlier than its start ({@code 18:00-02:00}), or that ends after
 * 24:00 ({@code 18:00-26:00}), runs past midnight into the next day. Day names are case-insensitive, and full-width
 * {@code ：，；}, dashes and tildes ({@code ~ ～ – —}) are read as their ASCII forms. Month and date ranges are not
 * supported and are rejected with a message.
 *
 * <p>Semantics, as in OSM: for a given date, the last rule whose selector matches it decides that date's own
 * hours; a rule without selector matches every date. The part of a span that runs past midnight belongs to the
 * rule of the day it started on, so {@code Su 22:00-02:00} is open on Monday at 01:00 whatever Monday's rules say.
 * {@code Mo-Fr 09:00-18:00} also applies on a holiday that falls on a weekday unless a later {@code PH} rule says
 * otherwise. A make-up working day (调休上班, see {@link HolidayCalendar#isWorkingDayOverride}) is matched by every
 * day selector that names at least one of Monday to Friday and by none that names only Saturday or Sunday: it
 * keeps weekday hours, as offices in China do.
 *
 * <p>Parse errors name the source, the 0-based character position and the token, e.g. {@code opening_hours
 * 'Mo-Fx 08:00-20:00': unknown day 'Fx' at position 3}.
 */
public final class OpeningHours {
    /** The time zone in which hours are read: China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final int DAY_MINUTES = 24 * 60;
    private static final int WORKDAY_MASK = 0b0011111; // Mo..Fr
    private static final int ALL_DAYS_MASK = 0b1111111;
    /** How far ahead {@link #nextChange} looks before concluding that nothing changes any more. */
    private static final int MAX_LOOKAHEAD_DAYS = 800;

    private static final String[] DAY_CODES = {"mo", "tu", "we", "th", "fr", "sa", "su"};
    private static final Set<String> MONTHS =
            Set.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private final String source;
    private final HolidayCalendar calendar;
    private final List<Rule> rules;
    private final boolean alwaysOpen;

    private OpeningHours(String source, HolidayCalendar calendar, List<Rule> rules) {
        this.source = source;
        this.calendar = calendar;
        this.rules = List.copyOf(rules);
        this.alwaysOpen = computeAlwaysOpen();
    }

    /**
     * Parses {@code source} with China's official holidays ({@link ChinaHolidayCalendar}).
     *
     * @throws IllegalArgumentException naming the position and token of the first error
     */
    public static OpeningHours parse(String source) {
        return parse(source, ChinaHolidayCalendar.INSTANCE);
    }

    /**
     * Parses {@code source}; {@code PH} and make-up working days come from {@code calendar}.
     *
     * @throws IllegalArgumentException naming the position and token of the first error
     */
    public static OpeningHours parse(String source, HolidayCalendar calendar) {
        Objects.requireNonNull(calendar, "calendar");
        if (source == null) {
            throw new IllegalArgumentException("opening_hours is missing");
        }
        return new OpeningHours(source, calendar, new Parser(source).parse());
    }

    /** The text as given. */
    public String source() {
        return source;
    }

    /** The calendar that decides {@code PH} and make-up working days. */
    public HolidayCalendar calendar() {
        return calendar;
    }

    /** Whether the hours are open at every moment of every kind of day (e.g. {@code 24/7}, {@code Mo-Su 00:00-24:00}). */
    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    /** Whether open at the instant, read in China Standard Time. */
    public boolean isOpenAt(Instant instant) {
        return isOpenAt(instant.atZone(ZONE));
    }

    /** Whether open at the moment {@code time} denotes (converted to China Standard Time first). */
    public boolean isOpenAt(ZonedDateTime time) {
        LocalDateTime local = time.withZoneSameInstant(ZONE).toLocalDateTime();
        LocalDate date = local.toLocalDate();
        long second = local.toLocalTime().toSecondOfDay();
        for (Span s : spansOn(date)) {
            if (s.start * 60L <= second && second < s.end * 60L) {
                return true;
            }
        }
        for (Span s : spansOn(date.minusDays(1))) {
            if (s.end > DAY_MINUTES && second + DAY_MINUTES * 60L < s.end * 60L) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first instant after {@code instant} at which the open/closed state changes: the closing time when open,
     * the next opening when closed. Empty when the state never changes again within about two years (always open,
     * never open).
     */
    public Optional<Instant> nextChange(Instant instant) {
        if (alwaysOpen) {
            return Optional.empty();
        }
        LocalDateTime local = instant.atZone(ZONE).toLocalDateTime();
        LocalDate origin = local.toLocalDate();
        // Seconds since the origin date's midnight; intervals are in minutes since the same midnight.
        long second = local.toLocalTime().toSecondOfDay();
        for (int days = 8; ; days *= 2) {
            int horizon = Math.min(days, MAX_LOOKAHEAD_DAYS);
            List<long[]> intervals = mergedIntervals(origin, horizon);
            long horizonMinutes = (long) horizon * DAY_MINUTES;
            for (long[] iv : intervals) {
                long start = iv[0] * 60;
                long end = iv[1] * 60;
                if (second < start) {
                    return Optional.of(at(origin, iv[0]));
                }
                if (second < end) {
                    // Open now: the interval's end is final only if no later day can extend it.
                    if (iv[1] < horizonMinutes) {
                        return Optional.of(at(origin, iv[1]));
                    }
                    break;
                }
            }
            if (horizon == MAX_LOOKAHEAD_DAYS) {
                return Optional.empty();
            }
        }
    }

    private static Instant at(LocalDate origin, long minutes) {
        return LocalDateTime.of(origin, LocalTime.MIDNIGHT)
                .plusMinutes(minutes)
                .atZone(ZONE)
                .toInstant();
    }

    /** Open intervals [start, end) in minutes since origin's midnight, from the day before origin to horizon days on. */
    private List<long[]> mergedIntervals(LocalDate origin, int horizonDays) {
        List<long[]> raw = new ArrayList<>();
        for (int d = -1; d < horizonDays; d++) {
            long base = (long) d * DAY_MINUTES;
            for (Span s : spansOn(origin.plusDays(d))) {
                raw.add(new long[] {base + s.start, base + s.end});
            }
        }
        return merge(raw);
    }

    private static List<long[]> merge(List<long[]> raw) {
        raw.sort(Comparator.comparingLong(iv -> iv[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] iv : raw) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && iv[0] <= last[1]) {
                last[1] = Math.max(last[1], iv[1]);
            } else {
                merged.add(new long[] {iv[0], iv[1]});
            }
        }
        return merged;
    }

    /** The spans that the rules give {@code date} (its own hours; spans may run past midnight). */
    private List<Span> spansOn(LocalDate date) {
        return spansFor(date.getDayOfWeek(), calendar.isHoliday(date), calendar.isWorkingDayOverride(date));
    }

    private List<Span> spansFor(DayOfWeek dow, boolean holiday, boolean workingOverride) {
        List<Span> result = List.of();
        for (Rule r : rules) {
            if (r.matches(dow, holiday, workingOverride)) {
                result = r.spans;
            }
        }
        return result;
    }

    private boolean computeAlwaysOpen() {
        // Every kind of day (weekday x holiday x make-up working day), after every kind of previous day, must be
        // covered from 00:00 to 24:00 by its own spans plus what the previous day's spans carry past midnight.
        List<List<Span>> kinds = new ArrayList<>();
        for (DayOfWeek dow : DayOfWeek.values()) {
            kinds.add(spansFor(dow, false, false));
            kinds.add(spansFor(dow, true, false));
            if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
                kinds.add(spansFor(dow, false, true));
            }
        }
        for (List<Span> today : kinds) {
            for (List<Span> yesterday : kinds) {
                List<long[]> raw = new ArrayList<>();
                for (Span s : today) {
                    raw.add(new long[] {s.start, s.end});
                }
                for (Span s : yesterday) {
                    raw.add(new long[] {s.start - DAY_MINUTES, s.end - DAY_MINUTES});
                }
                boolean covered = false;
                for (long[] iv : merge(raw)) {
                    if (iv[0] <= 0 && iv[1] >= DAY_MINUTES) {
                        covered = true;
                    }
                }
                if (!covered) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Equal when the source text and the calendar are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OpeningHours
                && ((OpeningHours) o).source.equals(source)
                && ((OpeningHours) o).calendar.equals(calendar);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    /** The source text. */
    @Override
    public String toString() {
        return source;
    }

    // ---- model ----

    /** Minutes since the day's midnight: 0 <= start < 1440, start < end <= 2880. */
    private static final class Span {
        final int start;
        final int end;

        Span(int start, int end) {
            this.start = start;
            this.end = end;
        }
    }

    private static final class Rule {
        final boolean everyDay;
        final int weekdayMask; // bit (dow.getValue() - 1)
        final boolean holidays;
        final List<Span> spans; // empty = closed

        Rule(boolean everyDay, int weekdayMask, boolean holidays, List<Span> spans) {
            this.everyDay = everyDay;
            this.weekdayMask = weekdayMask;
            this.holidays = holidays;
            this.spans = List.copyOf(spans);
        }

        boolean matches(DayOfWeek dow, boolean holiday, boolean workingOverride) {
            if (everyDay) {
                return true;
            }
            if (holidays && holiday) {
                return true;
            }
            if (workingOverride) {
                return (weekdayMask & WORKDAY_MASK) != 0;
            }
            return (weekdayMask & (1 << (dow.getValue() - 1))) != 0;
        }
    }

    // ---- parser ----

    private enum Kind {
        WORD,
        TIME,
        DASH,
        COMMA,
        SEMICOLON,
        ALWAYS
    }

    private static final class Token {
        final Kind kind;
        final String text;
        final int position;

        Token(Kind kind, String text, int position) {
            this.kind = kind;
            this.text = text;
            this.position = position;
        }
    }

    private static final class Parser {
        private final String source;
        private final List<Token> tokens = new ArrayList<>();
        private int index;
        private int end;

        Parser(String source) {
            this.source = source;
        }

        List<Rule> parse() {
            tokenize();
            List<Rule> rules = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= tokens.size(); i++) {
                if (i == tokens.size() || tokens.get(i).kind == Kind.SEMICOLON) {
                    if (i > start) {
                        index = start;
                        end = i;
                        rules.add(rule());
                    }
                    start = i + 1;
                }
            }
            if (rules.isEmpty()) {
                throw error("no rules; expected e.g. 'Mo-Fr 08:00-18:00' or '24/7'");
            }
            return rules;
        }

        private Rule rule() {
            Token first = tokens.get(index);
            if (first.kind == Kind.ALWAYS) {
                index++;
                expectEnd();
                return new Rule(true, ALL_DAYS_MASK, false, List.of(new Span(0, DAY_MINUTES)));
            }
            boolean everyDay = true;
            int mask = 0;
            boolean holidays = false;
            if (first.kind == Kind.WORD && !isKeyword(first.text)) {
                everyDay = false;
                while (true) {
                    Token t = next("a day or PH");
                    if (t.kind != Kind.WORD) {
                        throw unexpected(t, "a day or PH");
                    }
                    if (t.text.equalsIgnoreCase("PH")) {
                        holidays = true;
                    } else {
                        int from = day(t);
                        int to = from;
                        if (peek(Kind.DASH)) {
                            index++;
                            Token u = next("a day after '-'");
                            if (u.kind != Kind.WORD) {
                                throw unexpected(u, "a day after '-'");
                            }
                            to = day(u);
                        }
                        for (int d = from; ; d = (d + 1) % 7) {
                            mask |= 1 << d;
                            if (d == to) {
                                break;
                            }
                        }
                    }
                    if (peek(Kind.COMMA)
                            && index + 1 < end
                            && tokens.get(index + 1).kind == Kind.WORD
                            && !isKeyword(tokens.get(index + 1).text)) {
                        index++;
                        continue;
                    }
                    break;
                }
            }
            List<Span> spans;
            if (index == end) {
                spans = List.of(new Span(0, DAY_MINUTES)); // a selector alone: open all day
            } else {
                Token t = tokens.get(index);
                if (t.kind == Kind.WORD && (t.text.equalsIgnoreCase("off") || t.text.equalsIgnoreCase("closed"))) {
                    index++;
                    spans = List.of();
                } else if (t.kind == Kind.WORD && t.text.equalsIgnoreCase("open")) {
                    index++;
                    spans = List.of(new Span(0, DAY_MINUTES));
                } else if (t.kind == Kind.TIME) {
                    spans = spans();
                } else {
                    throw unexpected(t, "a time such as 08:00-18:00, 'off' or a day");
                }
            }
            expectEnd();
            return new Rule(everyDay, mask, holidays, spans);
        }

        private List<Span> spans() {
            List<Span> spans = new ArrayList<>();
            while (true) {
                Token from = next("a time");
                if (from.kind != Kind.TIME) {
                    throw unexpected(from, "a time such as 08:00");
                }
                int start = minutes(from, false);
                Token dash = next("'-' after " + from.text);
                if (dash.kind != Kind.DASH) {
                    throw unexpected(dash, "'-' after " + from.text);
                }
                Token to = next("an end time after '" + from.text + "-'");
                if (to.kind != Kind.TIME) {
                    throw unexpected(to, "an end time after '" + from.text + "-'");
                }
                int stop = minutes(to, true);
                if (stop == start) {
                    throw error("time span '" + from.text + "-" + to.text + "' at position " + from.position
                            + " is empty; use 00:00-24:00 or 24/7 for all day");
                }
                if (stop < start) {
                    stop += DAY_MINUTES; // runs past midnight
                }
                if (stop > 2 * DAY_MINUTES || stop - start > DAY_MINUTES) {
                    throw error("time span '" + from.text + "-" + to.text + "' at position " + from.position
                            + " is longer than 24 hours");
                }
                spans.add(new Span(start, stop));
                if (peek(Kind.COMMA)) {
                    index++;
                    continue;
                }
                return spans;
            }
        }

        private int minutes(Token t, boolean isEnd) {
            int colon = t.text.indexOf(':');
            int h = Integer.parseInt(t.text.substring(0, colon));
            int m = Integer.parseInt(t.text.substring(colon + 1));
            int total = h * 60 + m;
            boolean valid = m < 60 && (isEnd ? total <= 2 * DAY_MINUTES : total < DAY_MINUTES);
            if (!valid) {
                throw error(
                        "invalid " + (isEnd ? "end" : "start") + " time '" + t.text + "' at position " + t.position);
            }
            return total;
        }

        private int day(Token t) {
            String lower = t.text.toLowerCase(Locale.ROOT);
            for (int i = 0; i < DAY_CODES.length; i++) {
                if (DAY_CODES[i].equals(lower)) {
                    return i;
                }
            }
            if (MONTHS.contains(lower)) {
                throw error("month and date selectors are not supported: '" + t.text + "' at position " + t.position);
            }
            throw error("unknown day '" + t.text + "' at position " + t.position
                    + "; expected Mo, Tu, We, Th, Fr, Sa, Su or PH");
        }

        private static boolean isKeyword(String word) {
            return word.equalsIgnoreCase("off") || word.equalsIgnoreCase("closed") || word.equalsIgnoreCase("open");
        }

        private boolean peek(Kind kind) {
            return index < end && tokens.get(index).kind == kind;
        }

        private Token next(String expected) {
            if (index >= end) {
                int position = end < tokens.size() ? tokens.get(end).position : source.length();
                throw error("expected " + expected + " at position " + position);
            }
            return tokens.get(index++);
        }

        private void expectEnd() {
            if (index < end) {
                Token t = tokens.get(index);
                throw error("unexpected '" + t.text + "' at position " + t.position);
            }
        }

        private IllegalArgumentException unexpected(Token t, String expected) {
            return error("unexpected '" + t.text + "' at position " + t.position + "; expected " + expected);
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("opening_hours '" + source + "': " + message);
        }

        private void tokenize() {
            String s = normalize(source);
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (s.startsWith("24/7", i)) {
                    tokens.add(new Token(Kind.ALWAYS, "24/7", i));
                    i += 4;
                } else if (isAsciiLetter(c)) {
                    int j = i;
                    while (j < s.length() && isAsciiLetter(s.charAt(j))) {
                        j++;
                    }
                    tokens.add(new Token(Kind.WORD, source.substring(i, j), i));
                    i = j;
                } else if (isAsciiDigit(c)) {
                    int j = i;
                    while (j < s.length() && isAsciiDigit(s.charAt(j))) {
                        j++;
                    }
                    int hourDigits = j - i;
                    boolean time = hourDigits <= 2
                            && j + 2 < s.length()
                            && s.charAt(j) == ':'
                            && isAsciiDigit(s.charAt(j + 1))
                            && isAsciiDigit(s.charAt(j + 2))
                            && (j + 3 == s.length() || !isAsciiDigit(s.charAt(j + 3)));
                    if (!time) {
                        int k = j;
                        while (k < s.length() && (isAsciiDigit(s.charAt(k)) || s.charAt(k) == ':')) {
                            k++;
                        }
                        throw error(
                                "invalid time '" + source.substring(i, k) + "' at position " + i + "; expected HH:MM");
                    }
                    tokens.add(new Token(Kind.TIME, s.substring(i, j + 3), i));
                    i = j + 3;
                } else if (c == '-') {
                    tokens.add(new Token(Kind.DASH, source.substring(i, i + 1), i));
                    i++;
                } else if (c == ',') {
                    tokens.add(new Token(Kind.COMMA, source.substring(i, i + 1), i));
                    i++;
                } else if (c == ';') {
                    tokens.add(new Token(Kind.SEMICOLON, source.substring(i, i + 1), i));
                    i++;
                } else {
                    int cp = source.codePointAt(i);
                    throw error("unexpected character '" + new String(Character.toChars(cp)) + "' at position " + i);
                }
            }
        }

        /** Replaces full-width and typographic punctuation one char for one char, so positions stay the same. */
        private static String normalize(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '：':
                        c = ':';
                        break;
                    case '，':
                        c = ',';
                        break;
                    case '；':
                        c = ';';
                        break;
                    case '~':
                    case '～':
                    case '–':
                    case '—':
                    case '－':
                        c = '-';
                        break;
                    case '\u3000':
                        c = ' ';
                        break;
                    default:
                        break;
                }
                sb.append(c);
            }
            return sb.toString();
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isAsciiDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
