package dev.outpost.review;

import dev.outpost.demand.WorkerGroup;
import java.util.List;

/**
 * Where the review reads the sites planners propose for an area (scenarios and their sites). The default,
 * {@link #none()}, proposes nothing. Implementations are thread-safe.
 */
public interface ProposalSource {
    /**
     * The proposed sites for the group that lie in, or were proposed for, the area (a district or subdistrict code of
     * the region); empty when there are none.
     */
    List<ProposedSite> proposedSites(String regionCode, String areaCode, WorkerGroup group);

    /** A source without proposals. */
    static ProposalSource none() {
        return (regionCode, areaCode, group) -> List.of();
    }
}
