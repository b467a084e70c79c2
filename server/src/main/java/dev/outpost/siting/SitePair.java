package dev.outpost.siting;

/**
 * Two candidate sites, by name, that may not both be opened as new sites (for example because they are closer than
 * the minimum spacing). Order does not matter. Immutable.
 */
public record SitePair(String first, String second) {
    public SitePair {
        if (first == null || first.isEmpty() || second == null || second.isEmpty()) {
            throw new IllegalArgumentException("site pair '" + first + "', '" + second + "' has an empty name");
        }
        if (first.equals(second)) {
            throw new IllegalArgumentException("site pair names the same candidate '" + first + "' twice");
        }
    }
}
