package dev.outpost.station;

/**
 * Told after a station change has been saved, e.g. to update coverage figures incrementally. Called on the thread
 * that made the change; implementations must be quick and must not throw (a failure is logged by the caller and
 * the change stands).
 */
public interface StationListener {
    void saved(Station station);

    void deleted(String regionCode, long stationId);
}
