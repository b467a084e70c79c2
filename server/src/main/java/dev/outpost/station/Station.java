package dev.outpost.station;

import dev.outpost.geo.LatLon;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A rest station. Immutable and thread-safe; checked in the constructor.
 *
 * @param id database id; null before the station is first saved, else positive
 * @param regionCode the region (city) the station belongs to, e.g. {@code "shenzhen"}; required, non-blank
 * @param externalId the id in the source system (an upload's own key), used to update on re-import; null when
 *     unknown, else non-blank and at most 100 characters
 * @param kind required
 * @param name required, non-blank, at most 200 characters (code points)
 * @param address free text; null when unknown
 * @param operator who runs it (a union branch, a company); null when unknown
 * @param districtCode code of the district (区/县) it lies in; null until assigned
 * @param services what it offers; null is read as none; copied to an unmodifiable set in declaration order
 * @param openingHours null when unknown (such a station matches no "open at" filter)
 * @param capacitySeats seats for resting; null when unknown, else at least 0
 * @param status required
 * @param location WGS 84 position; required
 */
public record Station(
        Long id,
        String regionCode,
        String externalId,
        StationKind kind,
        String name,
        String address,
        String operator,
        String districtCode,
        Set<StationService> services,
        OpeningHours openingHours,
        Integer capacitySeats,
        StationStatus status,
        LatLon location) {

    /** Longest accepted name, in code points. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Longest accepted external id, in code points. */
    public static final int MAX_EXTERNAL_ID_LENGTH = 100;

    public Station {
        String label = label(id, name);
        if (id != null && id <= 0) {
            throw new IllegalArgumentException(label + ": id " + id + " must be positive");
        }
        if (regionCode == null || regionCode.isBlank()) {
            throw new IllegalArgumentException(label + ": field 'regionCode' is required");
        }
        if (externalId != null
                && (externalId.isBlank()
                        || externalId.codePointCount(0, externalId.length()) > MAX_EXTERNAL_ID_LENGTH)) {
            throw new IllegalArgumentException(label + ": field 'externalId' '" + externalId + "' must be null or 1 to "
                    + MAX_EXTERNAL_ID_LENGTH + " characters");
        }
        if (kind == null) {
            throw new IllegalArgumentException(label + ": field 'kind' is required");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(label + ": field 'name' is required");
        }
        int nameLength = name.codePointCount(0, name.length());
        if (nameLength > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(label + ": field 'name' has " + nameLength + " characters; at most "
                    + MAX_NAME_LENGTH + " allowed");
        }
        if (districtCode != null && districtCode.isBlank()) {
            throw new IllegalArgumentException(label + ": field 'districtCode' must be null or non-blank");
        }
        if (capacitySeats != null && capacitySeats < 0) {
            throw new IllegalArgumentException(
                    label + ": field 'capacitySeats' is " + capacitySeats + "; expected 0 or more");
        }
        if (status == null) {
            throw new IllegalArgumentException(label + ": field 'status' is required");
        }
        if (location == null) {
            throw new IllegalArgumentException(label + ": field 'location' is required");
        }
        EnumSet<StationService> copy = EnumSet.noneOf(StationService.class);
        if (services != null) {
            for (StationService s : services) {
                if (s == null) {
                    throw new IllegalArgumentException(label + ": field 'services' contains null");
                }
                copy.add(s);
            }
        }
        services = Collections.unmodifiableSet(copy);
    }

    /** "station 42", or "station '<name>'" (cut to 40 characters) before it has an id, for error messages. */
    private static String label(Long id, String name) {
        if (id != null || name == null) {
            return "station " + id;
        }
        int cut = name.codePointCount(0, name.length()) > 40 ? name.offsetByCodePoints(0, 40) : name.length();
        return "station '" + name.substring(0, cut) + (cut < name.length() ? "…'" : "'");
    }

    /** This station with a database id. */
    public Station withId(long newId) {
        return new Station(
                newId,
                regionCode,
                externalId,
                kind,
                name,
                address,
                operator,
                districtCode,
                services,
                openingHours,
                capacitySeats,
                status,
                location);
    }

    /** This station in another district (null to clear). */
    public Station withDistrictCode(String newDistrictCode) {
        return new Station(
                id,
                regionCode,
                externalId,
                kind,
                name,
                address,
                operator,
                newDistrictCode,
                services,
                openingHours,
                capacitySeats,
                status,
                location);
    }

    /** This station with another status. */
    public Station withStatus(StationStatus newStatus) {
        return new Station(
                id,
                regionCode,
                externalId,
                kind,
                name,
                address,
                operator,
                districtCode,
                services,
                openingHours,
                capacitySeats,
                newStatus,
                location);
    }

    /** This station at another position. */
    public Station withLocation(LatLon newLocation) {
        return new Station(
                id,
                regionCode,
                externalId,
                kind,
                name,
                address,
                operator,
                districtCode,
                services,
                openingHours,
                capacitySeats,
                status,
                newLocation);
    }

    /** This station with other opening hours (null = unknown). */
    public Station withOpeningHours(OpeningHours newOpeningHours) {
        return new Station(
                id,
                regionCode,
                externalId,
                kind,
                name,
                address,
                operator,
                districtCode,
                services,
                newOpeningHours,
                capacitySeats,
                status,
                location);
    }

    /** Whether the station offers every one of {@code required}. */
    public boolean offersAll(Set<StationService> required) {
        return services.containsAll(required);
    }
}
