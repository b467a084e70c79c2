package dev.outpost.planning;

import dev.outpost.coverage.NetworkVersion;
import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.DemandLayerInfo;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.geo.LatLon;
import dev.outpost.network.RoadNetwork;
import dev.outpost.network.TravelMode;
import java.util.List;
import java.util.Objects;

/**
 * What a planning computation runs on: the region's current road network and its recorded version, a demand layer
 * of the group with its cell centres (the demand points of the searches), and the group's travel mode. Immutable.
 */
public record PlanningContext(
        String regionCode,
        WorkerGroup group,
        TravelMode mode,
        RoadNetwork network,
        NetworkVersion networkVersion,
        DemandLayerInfo layerInfo,
        DemandLayer layer,
        List<LatLon> centres) {
    public PlanningContext {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(networkVersion, "networkVersion");
        Objects.requireNonNull(layerInfo, "layerInfo");
        Objects.requireNonNull(layer, "layer");
        centres = List.copyOf(centres);
        if (centres.size() != layer.size()) {
            throw new IllegalArgumentException(
                    "context has " + centres.size() + " centres for " + layer.size() + " cells");
        }
    }

    /** The key of a matrix of these sites (sorted by id) within {@code minutes}. */
    public MatrixKey key(List<Site> sortedSites, int minutes) {
        return new MatrixKey(
                regionCode, networkVersion.id(), layerInfo.id(), mode, minutes, MatrixKey.siteSetSha256(sortedSites));
    }
}
