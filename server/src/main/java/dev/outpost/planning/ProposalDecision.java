package dev.outpost.planning;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One recorded step of a scenario's proposal workflow. Immutable.
 *
 * @param id increasing with time within the region; 0 before it is stored
 * @param regionCode the scenario's region
 * @param scenarioId the scenario (the proposal's id)
 * @param step what happened
 * @param statusBefore the scenario's status before the step
 * @param actor the user who took the step
 * @param comment what the actor wrote; null when nothing (never null for {@link ProposalStep#RETURNED}); at most
 *     {@link ProposalService#MAX_COMMENT_LENGTH} characters
 * @param areaCode the area the proposal is for (a district code of the region)
 * @param stationIds the planned stations an approval created (empty for other steps); copied
 * @param at when the step was committed
 */
public record ProposalDecision(
        long id,
        String regionCode,
        long scenarioId,
        ProposalStep step,
        ScenarioStatus statusBefore,
        String actor,
        String comment,
        String areaCode,
        List<Long> stationIds,
        Instant at) {
    public ProposalDecision {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(statusBefore, "statusBefore");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(areaCode, "areaCode");
        Objects.requireNonNull(at, "at");
        if (step == ProposalStep.RETURNED && (comment == null || comment.isBlank())) {
            throw new IllegalArgumentException("a returned proposal needs a comment");
        }
        stationIds = List.copyOf(stationIds == null ? List.of() : stationIds);
    }
}
