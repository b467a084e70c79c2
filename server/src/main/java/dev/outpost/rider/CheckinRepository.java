package dev.outpost.rider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Storage of station codes and anonymous visits, implemented in {@code store}. Implementations are thread-safe.
 * Visits are keyed by region, station, day and device hash; recording the same key twice counts once.
 */
public interface CheckinRepository {
    /** The station with this short code (already in canonical form), in any region. */
    Optional<StationCode> findByCode(String shortCode);

    /** The short code of a station. */
    Optional<StationCode> findByStation(String regionCode, long stationId);

    /**
     * Records a visit unless this device already visited this station on this day.
     *
     * @param deviceHash 64 lower-case hex digits (an HMAC, never a raw identifier)
     * @return true when the visit was new and counted, false when it was already there
     */
    boolean record(String regionCode, long stationId, LocalDate day, String deviceHash, Instant at);

    /** Whether any visit has been recorded at all (in any region). */
    boolean anyVisits();

    /**
     * Visits per station and day of every station of the region from {@code from} to {@code to} inclusive; stations
     * and days without visits left out; by station, then day.
     */
    List<StationDayVisits> regionVisits(String regionCode, LocalDate from, LocalDate to);

    /** Visits per day from {@code from} to {@code to} inclusive, days without visits left out, by day. */
    List<DailyVisits> dailyVisits(String regionCode, long stationId, LocalDate from, LocalDate to);
}
