package dev.outpost.planning;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which candidates to consider. Immutable.
 *
 * @param sources the sources to draw from; at least one
 * @param kinds the allowed kinds; empty for all
 * @param districts the allowed district codes; empty for all (candidates of unknown district are then kept too)
 */
public record CandidateFilter(Set<CandidateSource> sources, Set<CandidateKind> kinds, Set<String> districts) {
    public CandidateFilter {
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("candidate sources: at least one of register, import, osm, greenfield");
        }
        sources = Collections.unmodifiableSet(EnumSet.copyOf(sources));
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        districts = districts == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(districts));
    }

    /** Imported and register candidates of every kind and district. */
    public static CandidateFilter defaults() {
        return new CandidateFilter(EnumSet.of(CandidateSource.IMPORT, CandidateSource.REGISTER), null, null);
    }

    /** Whether a candidate passes the kind and district filters (its source is checked by the caller). */
    public boolean accepts(Candidate c) {
        return (kinds.isEmpty() || kinds.contains(c.kind()))
                && (districts.isEmpty() || (c.districtCode() != null && districts.contains(c.districtCode())));
    }
}
