package dev.outpost.account;

/**
 * The object a request acts on, as far as access is concerned. Immutable.
 *
 * @param regionCode its region
 * @param districtCode the area it belongs to; null when it belongs to the whole region
 * @param author the user who made it (e.g. who submitted a proposal); null when unknown
 */
public record Target(String regionCode, String districtCode, String author) {
    public Target {
        if (regionCode == null || regionCode.isBlank()) {
            throw new IllegalArgumentException("target: region is required");
        }
    }
}
