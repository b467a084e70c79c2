package dev.outpost.planning;

import dev.outpost.geo.LatLon;

/**
 * A what-if placement: either a candidate by id, or a point placed by hand (with an optional name). Immutable.
 *
 * @param candidateId the candidate to open; null for a point
 * @param position where to put a site by hand (WGS 84); null for a candidate
 * @param name a name for a hand-placed point; null for a default
 */
public record SiteEdit(String candidateId, LatLon position, String name) {
    public SiteEdit {
        if ((candidateId == null || candidateId.isBlank()) == (position == null)) {
            throw new IllegalArgumentException(
                    "a site needs either 'candidateId' or a position ('lat' and 'lon'), not both and not neither");
        }
        if (name != null && (name.isBlank() || name.codePointCount(0, name.length()) > Candidate.MAX_NAME_LENGTH)) {
            throw new IllegalArgumentException("name: 1 to 200 characters, not '" + name + "'");
        }
    }

    public static SiteEdit candidate(String id) {
        return new SiteEdit(id, null, null);
    }

    public static SiteEdit at(LatLon position, String name) {
        return new SiteEdit(null, position, name);
    }
}
