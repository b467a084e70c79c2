package dev.outpost.account;

/**
 * An area a user answers for: a district (or any administrative area, whose sub-areas are included) of a region,
 * or the whole region. Immutable.
 *
 * @param regionCode the region (city) code, required, e.g. {@code "demo"}
 * @param districtCode the area's code in that region, e.g. {@code "449901"}; null means the whole region
 */
public record Area(String regionCode, String districtCode) {
    public Area {
        if (regionCode == null || regionCode.isBlank()) {
            throw new IllegalArgumentException("area: field 'region' is required");
        }
        regionCode = regionCode.trim();
        if (districtCode != null) {
            districtCode = districtCode.trim();
            if (districtCode.isEmpty()) {
                districtCode = null;
            } else if (districtCode.length() > 64) {
                throw new IllegalArgumentException(
                        "area: field 'district' '" + districtCode + "' is longer than 64 characters");
            }
        }
    }

    /** The whole region. */
    public static Area region(String regionCode) {
        return new Area(regionCode, null);
    }

    public boolean wholeRegion() {
        return districtCode == null;
    }

    /** E.g. {@code demo/449901} or {@code demo/*}. */
    @Override
    public String toString() {
        return regionCode + "/" + (districtCode == null ? "*" : districtCode);
    }
}
