package dev.outpost.rider;

/** How the stations of a {@link NearestResult} were ranked. */
public enum RankingMethod {
    /** By travel time over the road network for the travel mode (the normal case). */
    NETWORK("network"),
    /**
     * By straight-line distance, with times estimated at the mode's typical speed ({@link ModeSpeeds#typicalKmh}):
     * only when the position is off the road network or the region has none. Clearly labelled in the API.
     */
    STRAIGHT_LINE("straight_line");

    private final String code;

    RankingMethod(String code) {
        this.code = code;
    }

    /** {@code network} or {@code straight_line}. */
    public String code() {
        return code;
    }
}
