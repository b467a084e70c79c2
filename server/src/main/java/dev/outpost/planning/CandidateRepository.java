package dev.outpost.planning;

import java.util.List;

/**
 * Storage of the candidates of the stored sources ({@link CandidateSource#IMPORT}, {@link CandidateSource#OSM}),
 * implemented in {@code store}. Implementations are thread-safe.
 */
public interface CandidateRepository {
    /**
     * Replaces every candidate of one source in the region by {@code candidates}, in one transaction.
     *
     * @param candidates all of that region and source, ids distinct
     */
    void replace(String regionCode, CandidateSource source, List<Candidate> candidates);

    /** The region's stored candidates of one source, ordered by id. */
    List<Candidate> find(String regionCode, CandidateSource source);
}
