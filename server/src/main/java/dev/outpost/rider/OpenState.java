package dev.outpost.rider;

import dev.outpost.station.OpeningHours;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rider needs to know about a station's hours at one moment: open, about to close, open round the clock,
 * closed, or unknown. Immutable.
 */
public enum OpenState {
    /** Open, and not closing within {@link #CLOSES_SOON_WINDOW}. */
    OPEN("open", "营业中", "Open"),
    /** Open, but closing within {@link #CLOSES_SOON_WINDOW} (30 minutes). */
    CLOSES_SOON("closes_soon", "即将关门", "Closes soon"),
    /** Open at every moment of every kind of day ({@code 24/7} and equivalents). */
    ALWAYS_OPEN("24h", "24 小时营业", "Open 24 h"),
    /** Closed at that moment. */
    CLOSED("closed", "未营业", "Closed"),
    /** The station's opening hours are not known. */
    UNKNOWN("unknown", "营业时间未知", "Hours unknown");

    /** A station closing within this time after the moment asked about "closes soon". */
    public static final Duration CLOSES_SOON_WINDOW = Duration.ofMinutes(30);

    private final String code;
    private final String labelZh;
    private final String labelEn;

    OpenState(String code, String labelZh, String labelEn) {
        this.code = code;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** The code used in the API: {@code open}, {@code closes_soon}, {@code 24h}, {@code closed}, {@code unknown}. */
    public String code() {
        return code;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /**
     * The state of {@code hours} at {@code at} (evaluated in Asia/Shanghai by {@link OpeningHours}), with the time
     * of the next change: when it closes if open, when it opens if closed.
     *
     * @param hours null when unknown
     */
    public static Status at(OpeningHours hours, Instant at) {
        Objects.requireNonNull(at, "at");
        if (hours == null) {
            return new Status(UNKNOWN, null);
        }
        if (hours.isAlwaysOpen()) {
            return new Status(ALWAYS_OPEN, null);
        }
        Instant next = hours.nextChange(at).orElse(null);
        if (!hours.isOpenAt(at)) {
            return new Status(CLOSED, next);
        }
        boolean soon = next != null && !next.isAfter(at.plus(CLOSES_SOON_WINDOW));
        return new Status(soon ? CLOSES_SOON : OPEN, next);
    }

    /**
     * A state with the instant of its next change.
     *
     * @param state never null
     * @param nextChange when an open station closes or a closed one opens; null when that never happens (24 h, never
     *     open) or the hours are unknown
     */
    public record Status(OpenState state, Instant nextChange) {
        public Status {
            Objects.requireNonNull(state, "state");
        }

        /** Whether the station is open (open, closes soon or 24 h). */
        public boolean isOpen() {
            return state == OPEN || state == CLOSES_SOON || state == ALWAYS_OPEN;
        }

        /** The closing time of an open station, if it closes. */
        public Optional<Instant> closesAt() {
            return isOpen() ? Optional.ofNullable(nextChange) : Optional.empty();
        }

        /** The opening time of a closed station, if it opens again. */
        public Optional<Instant> opensAt() {
            return state == CLOSED ? Optional.ofNullable(nextChange) : Optional.empty();
        }
    }
}
