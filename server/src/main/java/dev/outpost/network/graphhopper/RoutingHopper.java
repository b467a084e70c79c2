package dev.outpost.network.graphhopper;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.routing.Router;
import com.graphhopper.routing.RouterConfig;
import com.graphhopper.routing.WeightingFactory;
import com.graphhopper.routing.lm.LandmarkStorage;
import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.util.TranslationMap;
import com.graphhopper.util.details.PathDetailsBuilderFactory;
import java.util.Map;

/**
 * GraphHopper whose router places the request's points with a location index of ours (the exact {@link Snapper})
 * once one is set, instead of GraphHopper's tile index, which can miss the closest edge. Everything else is
 * GraphHopper's. Setting the index is safe at any time; routes started afterwards use it.
 */
final class RoutingHopper extends GraphHopper {
    private volatile LocationIndex routingIndex;

    /** Snap route points with {@code index} from now on. */
    void routeWith(LocationIndex index) {
        this.routingIndex = index;
    }

    @Override
    protected Router doCreateRouter(
            BaseGraph baseGraph,
            EncodingManager encodingManager,
            LocationIndex locationIndex,
            Map<String, Profile> profilesByName,
            PathDetailsBuilderFactory pathBuilderFactory,
            TranslationMap translationMap,
            RouterConfig routerConfig,
            WeightingFactory weightingFactory,
            Map<String, RoutingCHGraph> chGraphs,
            Map<String, LandmarkStorage> landmarks) {
        LocationIndex index = routingIndex;
        return super.doCreateRouter(
                baseGraph,
                encodingManager,
                index == null ? locationIndex : index,
                profilesByName,
                pathBuilderFactory,
                translationMap,
                routerConfig,
                weightingFactory,
                chGraphs,
                landmarks);
    }
}
