package dev.outpost.planning;

import dev.outpost.station.Station;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Storage of the proposal workflow, implemented in {@code store}: the area and submitter kept on the scenario, the
 * decision history, and the steps themselves. Each step is one transaction that locks the scenario, takes the step
 * only when the scenario still has the expected status (so two leaders deciding at once cannot both win), and
 * writes the decision and the audit rows. Implementations are thread-safe.
 */
public interface ProposalRepository {
    /**
     * The workflow fields of a scenario.
     *
     * @param status its current status
     * @param areaCode the area it was submitted for; null while never submitted
     * @param submittedBy who submitted it last; null while never submitted
     * @param submittedAt when; null while never submitted
     * @param createdBy who created the scenario
     */
    record Header(ScenarioStatus status, String areaCode, String submittedBy, Instant submittedAt, String createdBy) {}

    /** A committed approval: its decision and the planned stations it created (with ids). */
    record Approval(ProposalDecision decision, List<Station> stations) {
        public Approval {
            stations = List.copyOf(stations);
        }
    }

    Optional<Header> header(String regionCode, long scenarioId);

    /** Every decision on the scenario, oldest first. */
    List<ProposalDecision> decisions(String regionCode, long scenarioId);

    /**
     * Ids of the region's scenarios in {@code status} whose area is one of {@code areaCodes} (null: any area, including
     * none), newest submission first, at most {@code limit}.
     */
    List<Long> find(String regionCode, ScenarioStatus status, Set<String> areaCodes, int limit);

    /**
     * Submits: sets the scenario's status, area and submitter and records the decision, unless its status is no longer
     * {@code expected} or it was edited since its sites were read.
     *
     * @param editCount the scenario's edit count when its sites were checked against the area
     * @return the stored decision; empty when the scenario is gone, its status is not {@code expected}, or its edit
     *     count is not {@code editCount}
     */
    Optional<ProposalDecision> submit(ProposalDecision decision, ScenarioStatus expected, int editCount);

    /**
     * Sends back: sets the status to returned and records the decision, unless the status is no longer submitted.
     *
     * @return the stored decision; empty when the scenario is gone or not submitted
     */
    Optional<ProposalDecision> sendBack(ProposalDecision decision);

    /**
     * Approves: inserts every station (audited like any station creation), sets the status to approved and records the
     * decision with the new stations' ids, all in one transaction, unless the status is no longer submitted. A failure
     * of any insert rolls everything back.
     *
     * @param stations new stations (without ids)
     * @param editCount the scenario's edit count when its sites were read: a scenario edited since (sent back,
     *     edited and submitted again meanwhile) is not approved
     * @return the approval; empty when the scenario is gone, not submitted or edited since
     */
    Optional<Approval> approve(ProposalDecision decision, List<Station> stations, int editCount);
}
