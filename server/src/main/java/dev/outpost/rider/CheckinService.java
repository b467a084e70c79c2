package dev.outpost.rider;

import dev.outpost.common.NotFoundException;
import dev.outpost.station.OpeningHours;
import dev.outpost.station.Station;
import dev.outpost.station.StationCatalog;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anonymous station check-ins: opening a station's page ({@code /s/{code}}) counts one visit per device, station and
 * day (days in China Standard Time). Thread-safe.
 *
 * <p>No personal data is kept. A device is a random 128-bit value in an HttpOnly cookie ({@link #newDeviceId}); only
 * its HMAC-SHA256 under a server secret is stored, so stored hashes cannot be linked back to a cookie without the
 * secret. Client addresses are never stored: they are HMAC-ed too and only used, in memory, as keys of the rate
 * limits ({@link VisitLimits}), which are per server instance.
 *
 * <p>Replaying a request with the same cookie never adds a visit (the database keeps one row per device, station and
 * day). A client that drops its cookie looks like a new device each time; such first visits count at most {@link
 * VisitLimits#newDevicesPerAddressPerStationPerDay} times per address, station and day.
 */
public final class CheckinService {
    /** Longest span of {@link #dailyVisits}, in days. */
    public static final int MAX_DAYS = 366;

    private static final int DEVICE_ID_BYTES = 16;
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final CheckinRepository repository;
    private final StationCatalog catalog;
    private final Clock clock;
    private final SecretKeySpec secret;
    private final VisitLimits limits;
    private final TimeMeter meter;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Bucket> addressBuckets = new ConcurrentHashMap<>();
    private final Map<String, Bucket> deviceBuckets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> newDevices = new ConcurrentHashMap<>();

    /**
     * @param secret the server secret for the HMACs, at least 16 bytes (keep it stable: a new secret makes every
     *     device look new)
     */
    public CheckinService(
            CheckinRepository repository, StationCatalog catalog, Clock clock, byte[] secret, VisitLimits limits) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the check-in secret must have at least 16 bytes");
        }
        this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.meter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /**
     * A station's page was opened.
     *
     * @param code the code as typed or scanned (case and surrounding blanks do not matter)
     * @param deviceId the device cookie's value, or null/invalid when the client sent none
     * @param clientAddress the client's network address (only used for rate limits)
     * @throws NotFoundException when no station has this code
     * @throws TooManyRequestsException when the address or the device asked too often
     */
    public Visit visit(String code, String deviceId, String clientAddress) {
        String canonical = ShortCodes.normalize(code)
                .orElseThrow(() -> new NotFoundException("unknown station code '" + code + "'; a code has "
                        + ShortCodes.LENGTH + " characters from " + ShortCodes.ALPHABET));
        StationCode ref = repository
                .findByCode(canonical)
                .orElseThrow(() -> new NotFoundException("unknown station code '" + canonical + "'"));
        String addressKey = hmac("address:" + (clientAddress == null ? "" : clientAddress));
        limit(addressBuckets, addressKey, limits.perAddressPerMinute(), "this network address");
        boolean known = isDeviceId(deviceId);
        String device = known ? deviceId : newDeviceId();
        if (known) {
            limit(deviceBuckets, hmac("limit:" + device), limits.perDevicePerMinute(), "this device");
        }
        Station station = catalog.get(ref.regionCode(), ref.stationId());
        Instant now = clock.instant();
        LocalDate day = now.atZone(OpeningHours.ZONE).toLocalDate();
        boolean counted = false;
        if (known || takeNewDeviceAllowance(addressKey, ref, day)) {
            counted = repository.record(ref.regionCode(), ref.stationId(), day, hmac("device:" + device), now);
        }
        return new Visit(station, ref.shortCode(), known ? null : device, counted);
    }

    /**
     * Visits per day of one station, every day from {@code from} to {@code to} inclusive (zero days included).
     *
     * @throws NotFoundException when there is no such station
     * @throws IllegalArgumentException when {@code from} is after {@code to} or the span exceeds {@link #MAX_DAYS}
     */
    public List<DailyVisits> dailyVisits(String regionCode, long stationId, LocalDate from, LocalDate to) {
        checkSpan(from, to);
        catalog.get(regionCode, stationId);
        List<DailyVisits> stored = repository.dailyVisits(regionCode, stationId, from, to);
        List<DailyVisits> out = new ArrayList<>();
        int i = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (i < stored.size() && stored.get(i).day().equals(d)) {
                out.add(stored.get(i++));
            } else {
                out.add(new DailyVisits(d, 0));
            }
        }
        return out;
    }

    /**
     * Whether check-ins are in use: at least one visit has been recorded. Until then no station should be judged
     * little used for lack of visits.
     */
    public boolean inUse() {
        return repository.anyVisits();
    }

    /**
     * Visits per station and day of every station of a region (for reviews of station use); stations and days
     * without visits are left out.
     *
     * @throws IllegalArgumentException when {@code from} is after {@code to} or the span exceeds {@link #MAX_DAYS}
     */
    public List<StationDayVisits> regionVisits(String regionCode, LocalDate from, LocalDate to) {
        checkSpan(from, to);
        return repository.regionVisits(regionCode, from, to);
    }

    /** Today in China Standard Time, by this service's clock. */
    public LocalDate today() {
        return clock.instant().atZone(OpeningHours.ZONE).toLocalDate();
    }

    /** The short code of a station. @throws NotFoundException when there is no such station */
    public StationCode code(String regionCode, long stationId) {
        return repository
                .findByStation(regionCode, stationId)
                .orElseThrow(() ->
                        new NotFoundException("station " + stationId + " not found in region '" + regionCode + "'"));
    }

    /** A fresh random device id: 32 lower-case hex digits (128 bits from {@link SecureRandom}). */
    public String newDeviceId() {
        byte[] b = new byte[DEVICE_ID_BYTES];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Whether {@code value} has the form of a device id (32 lower-case hex digits). */
    public static boolean isDeviceId(String value) {
        return value != null && value.matches("[0-9a-f]{32}");
    }

    private static void checkSpan(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("'from' " + from + " is after 'to' " + to);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException(
                    "the span " + from + " to " + to + " has " + days + " days; at most " + MAX_DAYS + " allowed");
        }
    }

    private boolean takeNewDeviceAllowance(String addressKey, StationCode ref, LocalDate day) {
        if (newDevices.size() > MAX_TRACKED_KEYS) {
            newDevices.clear();
        }
        String key = addressKey + "|" + ref.regionCode() + "|" + ref.stationId() + "|" + day;
        return newDevices.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet()
                <= limits.newDevicesPerAddressPerStationPerDay();
    }

    private void limit(Map<String, Bucket> buckets, String key, int perMinute, String what) {
        if (buckets.size() > MAX_TRACKED_KEYS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(meter)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
            throw new TooManyRequestsException(
                    "too many station-page requests from " + what + " (at most " + perMinute + " a minute)", seconds);
        }
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The outcome of opening a station page.
     *
     * @param station the station
     * @param shortCode its code
     * @param newDeviceId a new device id to set as the cookie, or null when the client's cookie was kept
     * @param counted whether this request added a visit (false for repeats the same day and beyond the limits)
     */
    public record Visit(Station station, String shortCode, String newDeviceId, boolean counted) {
        public Optional<String> deviceIdToSet() {
            return Optional.ofNullable(newDeviceId);
        }
    }
}
