package dev.outpost.planning;

import java.util.List;

/**
 * Two scenarios side by side: their figures, the sites only in one of them and those in both (the same candidate, or
 * hand-placed points within 1 m), and per district the coverage each reaches. Immutable.
 *
 * @param comparable whether both cover the same demand layer for the same group and minutes (otherwise the figures
 *     measure different things; {@code notes} says how)
 * @param notes sentences on what differs in the inputs
 * @param districts per district code (union of both), ordered by code
 */
public record ScenarioComparison(
        Scenario a,
        Scenario b,
        boolean comparable,
        List<String> notes,
        List<ProposedSite> onlyInA,
        List<ProposedSite> onlyInB,
        List<SharedSite> inBoth,
        List<DistrictSideBySide> districts) {
    public ScenarioComparison {
        notes = List.copyOf(notes);
        onlyInA = List.copyOf(onlyInA);
        onlyInB = List.copyOf(onlyInB);
        inBoth = List.copyOf(inBoth);
        districts = List.copyOf(districts);
    }

    /** A site in both scenarios: its number in each. */
    public record SharedSite(int siteIdInA, int siteIdInB, String candidateId, String name) {}

    /** One district in both; a side's figures are null when that scenario has no such district. */
    public record DistrictSideBySide(String code, String name, AreaFigures a, AreaFigures b) {}
}
