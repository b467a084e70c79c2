package dev.outpost.planning;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage of scenarios and their proposed sites, implemented in {@code store}. Each proposed site keeps its reached
 * cells (indices into the scenario's demand layer, ascending) so that what-if edits never search again for it.
 * Implementations are thread-safe.
 */
public interface ScenarioRepository {
    /**
     * Stores a new scenario with its sites in one transaction.
     *
     * @param reach per site id, the cells it reaches
     * @return the scenario with its id
     */
    Scenario insert(Scenario scenario, Map<Integer, int[]> reach);

    Optional<Scenario> find(String regionCode, long scenarioId);

    /** The region's scenarios, newest first, at most {@code limit} (1–1,000). */
    List<Scenario> list(String regionCode, int limit);

    /**
     * Replaces a scenario's sites, figures and edit count after a what-if edit, in one transaction, unless another
     * edit came first.
     *
     * @param reach per site id, the cells it reaches (all sites of the edited scenario)
     * @return false when the stored edit count is not {@code edited.editCount() - 1} (a concurrent edit), the stored
     *     status is no longer editable (submitted meanwhile), or the scenario is gone
     */
    boolean saveEdit(Scenario edited, Map<Integer, int[]> reach);

    /** Per site id, the cells each proposed site reaches. */
    Map<Integer, int[]> siteReach(String regionCode, long scenarioId);

    /**
     * Changes a scenario's status (the approval workflow of issue 6 calls this).
     *
     * @return false when there is no such scenario
     */
    boolean changeStatus(String regionCode, long scenarioId, ScenarioStatus status);

    /**
     * What {@link #deleteUnsubmitted} found: the scenario's status and how many proposal decisions it has, and whether
     * it was deleted (only when it was a draft without decisions).
     *
     * @param status the stored status (before the deletion, when deleted)
     * @param decisions the number of {@code proposal_decision} steps recorded for it
     */
    record Deletion(ScenarioStatus status, int decisions, boolean deleted) {
        public Deletion {
            java.util.Objects.requireNonNull(status, "status");
            if (decisions < 0) {
                throw new IllegalArgumentException("decisions " + decisions + " is negative");
            }
            if (deleted && (status != ScenarioStatus.DRAFT || decisions > 0)) {
                throw new IllegalArgumentException(
                        "a " + status.code() + " scenario with " + decisions + " decisions cannot have been deleted");
            }
        }
    }

    /**
     * Deletes a scenario that was never submitted (status draft and no decision of the proposal workflow) with its
     * sites, writing an audit row ({@code delete} of entity {@code scenario}, with the scenario as it was), in one
     * transaction that locks the scenario's row so that a submission cannot slip in between the check and the
     * deletion. The reach matrices it was solved on are shared caches and stay.
     *
     * @return empty when the region has no such scenario; else what was found and whether it was deleted
     */
    Optional<Deletion> deleteUnsubmitted(String regionCode, long scenarioId);
}
