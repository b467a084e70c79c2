package dev.outpost.rider;

/**
 * How fast station pages may be opened and how many first visits one network address can add. Immutable.
 *
 * @param perAddressPerMinute station-page requests per client address per minute (burst of the same size); more get
 *     HTTP 429
 * @param perDevicePerMinute station-page requests per device cookie per minute; more get HTTP 429
 * @param newDevicesPerAddressPerStationPerDay visits counted from devices without a cookie (first visits, or clients
 *     that drop cookies) per client address, station and day; beyond it the page is shown but the visit not counted.
 *     This bounds what a script that discards its cookie can add, while riders behind one carrier-grade NAT address
 *     still count.
 */
public record VisitLimits(int perAddressPerMinute, int perDevicePerMinute, int newDevicesPerAddressPerStationPerDay) {
    public VisitLimits {
        if (perAddressPerMinute < 1 || perDevicePerMinute < 1 || newDevicesPerAddressPerStationPerDay < 0) {
            throw new IllegalArgumentException("visit limits " + perAddressPerMinute + "/" + perDevicePerMinute + "/"
                    + newDevicesPerAddressPerStationPerDay + " must be positive (the last may be 0)");
        }
    }

    /** 60 requests per address and 20 per device per minute; 20 new devices per address, station and day. */
    public static VisitLimits defaults() {
        return new VisitLimits(60, 20, 20);
    }
}
