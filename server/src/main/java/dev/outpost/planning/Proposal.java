package dev.outpost.planning;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A scenario as the proposal workflow sees it: the scenario itself, the area it is proposed for and its history.
 * Immutable.
 *
 * @param scenario the scenario (its status is the workflow's state)
 * @param areaCode the area (district code) it was submitted for; null while it has never been submitted
 * @param areaName that area's name; null when there is no area or it is no longer known
 * @param submittedBy who submitted it last; null while never submitted
 * @param submittedAt when; null while never submitted
 * @param decisions every step, oldest first; copied
 */
public record Proposal(
        Scenario scenario,
        String areaCode,
        String areaName,
        String submittedBy,
        Instant submittedAt,
        List<ProposalDecision> decisions) {
    public Proposal {
        Objects.requireNonNull(scenario, "scenario");
        decisions = List.copyOf(decisions);
    }

    public long id() {
        return scenario.id();
    }

    public ScenarioStatus status() {
        return scenario.status();
    }
}
