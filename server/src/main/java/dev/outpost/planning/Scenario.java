package dev.outpost.planning;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named, stored planning scenario: the request, every input, the solver's summary, the proposed sites, the
 * figures before and after, and the coverage curve. Immutable.
 *
 * @param id database id; 0 before it is stored
 * @param editCount what-if edits applied since the solve (the figures and sites reflect them; the solve summary
 *     does not)
 */
public record Scenario(
        long id,
        String regionCode,
        String name,
        ScenarioStatus status,
        ScenarioRequest request,
        ScenarioInputs inputs,
        SolveSummary solve,
        List<ProposedSite> sites,
        ScenarioFigures figures,
        CurveSummary curve,
        int editCount,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {
    public Scenario {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(solve, "solve");
        sites = List.copyOf(sites);
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Optional<ProposedSite> findSite(int siteId) {
        return sites.stream().filter(s -> s.siteId() == siteId).findFirst();
    }

    /** The same scenario with other sites and figures after an edit. */
    public Scenario edited(List<ProposedSite> newSites, ScenarioFigures newFigures, Instant at) {
        return new Scenario(
                id,
                regionCode,
                name,
                status,
                request,
                inputs,
                solve,
                newSites,
                newFigures,
                curve,
                editCount + 1,
                createdBy,
                createdAt,
                at);
    }
}
