package dev.outpost.planning;

/**
 * At least {@code minNewSites} and at most {@code maxNewSites} new sites among the candidates of one district.
 * Immutable.
 */
public record DistrictLimit(String districtCode, int minNewSites, int maxNewSites) {
    public DistrictLimit {
        if (districtCode == null || districtCode.isBlank()) {
            throw new IllegalArgumentException("district limit: field 'district' is required");
        }
        if (minNewSites < 0 || maxNewSites < minNewSites) {
            throw new IllegalArgumentException("district limit of '" + districtCode + "': min " + minNewSites + ", max "
                    + maxNewSites + " must satisfy 0 <= min <= max");
        }
    }
}
