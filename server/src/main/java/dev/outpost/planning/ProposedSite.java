package dev.outpost.planning;

import dev.outpost.geo.LatLon;
import java.util.Objects;

/**
 * A new site of a scenario, with why it was chosen and what it covers now. Immutable.
 *
 * <p>Demand figures are demand weights (the layer's unit, e.g. workers) within the scenario's T minutes, direction to
 * the site, and describe the scenario as it is now (after any edits).
 *
 * @param siteId the site's number in the scenario, 1.., stable across edits
 * @param rank its place in the list: the solver's greedy order (each adds the most over those before it), edits
 *     appended
 * @param origin solver, added or moved
 * @param candidateId the candidate it stands on; null for a point placed by hand
 * @param source the candidate's source; null for a point placed by hand
 * @param kind the candidate's kind ({@link CandidateKind#OTHER} for a point placed by hand)
 * @param name the candidate's name, or the name given to a hand-placed point
 * @param districtCode the district it lies in; null when unknown
 * @param costWanYuan its cost in 万元 as used by the solve; null when unknown
 * @param position WGS 84
 * @param onNetwork whether the position could be placed on the road network (off it, it reaches nothing)
 * @param marginalGain what it added to the objective when the solver chose it, over the existing stations and the
 *     sites ranked before it (covered weight for covering problems, weighted seconds saved for p-median); NaN for
 *     sites placed by hand and for p-center
 * @param runnerUpCandidateId the best candidate to open instead of it at solve time (maximal covering); null when none
 * @param runnerUpName that candidate's name; null when none
 * @param runnerUpObjective the objective with the runner-up instead of it; NaN when none
 * @param reachedDemand demand within T of it
 * @param newDemand the part of {@code reachedDemand} no existing station covers
 * @param exclusiveDemand the part covered by no existing station and no other proposed site: what removing it loses
 * @param overlapShare the share of {@code reachedDemand} that existing stations already cover (overlap with existing
 *     service circles), 0–1; 0 when it reaches nothing
 */
public record ProposedSite(
        int siteId,
        int rank,
        SiteOrigin origin,
        String candidateId,
        CandidateSource source,
        CandidateKind kind,
        String name,
        String districtCode,
        Double costWanYuan,
        LatLon position,
        boolean onNetwork,
        double marginalGain,
        String runnerUpCandidateId,
        String runnerUpName,
        double runnerUpObjective,
        double reachedDemand,
        double newDemand,
        double exclusiveDemand,
        double overlapShare) {
    public ProposedSite {
        if (siteId < 1 || rank < 1) {
            throw new IllegalArgumentException("site id " + siteId + " and rank " + rank + " must be positive");
        }
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("site " + siteId + ": name is required");
        }
        Objects.requireNonNull(position, "position");
    }

    /** The same site with current demand figures. */
    public ProposedSite withFigures(double reached, double fresh, double exclusive) {
        double overlap = reached <= 0 ? 0 : Math.max(0, Math.min(1, (reached - fresh) / reached));
        return new ProposedSite(
                siteId,
                rank,
                origin,
                candidateId,
                source,
                kind,
                name,
                districtCode,
                costWanYuan,
                position,
                onNetwork,
                marginalGain,
                runnerUpCandidateId,
                runnerUpName,
                runnerUpObjective,
                reached,
                fresh,
                exclusive,
                overlap);
    }
}
