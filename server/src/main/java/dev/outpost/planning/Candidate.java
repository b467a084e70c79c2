package dev.outpost.planning;

import dev.outpost.geo.LatLon;
import java.util.Objects;

/**
 * A place that could host a new station. Immutable; checked in the constructor.
 *
 * <p>Ids are unique within a region across sources: imported ids are the file's own (without {@code ':'}); derived
 * ids carry their source: {@code station:<register id>}, {@code osm:<element>} (e.g. {@code osm:n123}),
 * {@code h3:<cell address>}.
 *
 * @param id 1–100 characters, no surrounding blanks
 * @param regionCode the region; required
 * @param source where it comes from
 * @param kind what kind of place it is
 * @param name 1–200 characters (Chinese as given)
 * @param districtCode code of the district it lies in; null when unknown
 * @param costWanYuan the cost of fitting out a station there, in 万元 (10,000 CNY); null when unknown, else finite
 *     and not negative
 * @param capacitySeats seats a station there would have; null when unknown, else not negative
 * @param position WGS 84
 */
public record Candidate(
        String id,
        String regionCode,
        CandidateSource source,
        CandidateKind kind,
        String name,
        String districtCode,
        Double costWanYuan,
        Integer capacitySeats,
        LatLon position) {
    public static final int MAX_ID_LENGTH = 100;
    public static final int MAX_NAME_LENGTH = 200;

    public Candidate {
        if (id == null || id.isBlank() || !id.equals(id.strip()) || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("candidate id '" + id + "' must be 1 to " + MAX_ID_LENGTH
                    + " characters without surrounding blanks");
        }
        String label = "candidate '" + id + "'";
        if (regionCode == null || regionCode.isBlank()) {
            throw new IllegalArgumentException(label + ": field 'regionCode' is required");
        }
        Objects.requireNonNull(source, label + ": source");
        Objects.requireNonNull(kind, label + ": kind");
        if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    label + ": field 'name' must be 1 to " + MAX_NAME_LENGTH + " characters, not '" + name + "'");
        }
        if (districtCode != null && districtCode.isBlank()) {
            districtCode = null;
        }
        if (costWanYuan != null && (!Double.isFinite(costWanYuan) || costWanYuan < 0)) {
            throw new IllegalArgumentException(
                    label + ": field 'cost' is " + costWanYuan + " 万元; expected a finite number, 0 or more");
        }
        if (capacitySeats != null && capacitySeats < 0) {
            throw new IllegalArgumentException(
                    label + ": field 'capacity' is " + capacitySeats + " seats; expected 0 or more");
        }
        Objects.requireNonNull(position, label + ": position");
    }

    /** The same candidate in another district. */
    public Candidate withDistrictCode(String code) {
        return new Candidate(id, regionCode, source, kind, name, code, costWanYuan, capacitySeats, position);
    }
}
