package dev.outpost.planning;

import dev.outpost.network.TravelMode;
import java.util.List;
import java.util.Objects;

/**
 * Everything a scenario was computed from besides the request: the network version, the demand layer, the matrices,
 * the candidate set and the existing stations, so that a scenario can be re-examined and compared. Immutable.
 *
 * @param mode the group's travel mode
 * @param networkVersionId the recorded network version
 * @param networkSha256 the SHA-256 of the network's OSM extract
 * @param demandLayerId the demand layer
 * @param candidateMatrixId the stored reach matrix of the candidates within T
 * @param stationMatrixId the stored reach matrix of the existing stations within T
 * @param costMatrixIds for pmedian and pcenter, the matrices (candidates, stations) within searchMinutes; empty
 *     otherwise
 * @param candidateSetSha256 the hash of the candidate set (ids and positions)
 * @param candidateCount candidates offered
 * @param stations the existing serving stations kept fixed, as sites ({@code station:<register id>}) at their
 *     positions at solve time
 * @param districtNames code → name of the districts at solve time, in code order
 */
public record ScenarioInputs(
        TravelMode mode,
        long networkVersionId,
        String networkSha256,
        long demandLayerId,
        long candidateMatrixId,
        long stationMatrixId,
        List<Long> costMatrixIds,
        String candidateSetSha256,
        int candidateCount,
        List<Site> stations,
        List<DistrictName> districtNames) {
    public ScenarioInputs {
        Objects.requireNonNull(mode, "mode");
        costMatrixIds = List.copyOf(costMatrixIds);
        stations = List.copyOf(stations);
        districtNames = List.copyOf(districtNames);
    }

    /** A district's code and name. */
    public record DistrictName(String code, String name) {}
}
