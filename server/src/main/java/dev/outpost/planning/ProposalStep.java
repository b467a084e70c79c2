package dev.outpost.planning;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One step of the proposal workflow and the scenario status it leads to: a planner submits (draft or returned →
 * submitted); a leader of the proposal's area approves (submitted → approved) or sends it back (submitted → returned).
 */
public enum ProposalStep {
    SUBMITTED("submitted", ScenarioStatus.SUBMITTED),
    APPROVED("approved", ScenarioStatus.APPROVED),
    RETURNED("returned", ScenarioStatus.RETURNED);

    private final String code;
    private final ScenarioStatus leadsTo;

    ProposalStep(String code, ScenarioStatus leadsTo) {
        this.code = code;
        this.leadsTo = leadsTo;
    }

    public String code() {
        return code;
    }

    /** The scenario's status after this step. */
    public ScenarioStatus leadsTo() {
        return leadsTo;
    }

    /** Whether a scenario in {@code status} may take this step. */
    public boolean allowedFrom(ScenarioStatus status) {
        return this == SUBMITTED ? status.editable() : status == ScenarioStatus.SUBMITTED;
    }

    /** @throws IllegalArgumentException naming the value */
    public static ProposalStep parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ProposalStep s : values()) {
            if (s.code.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown proposal step '" + text + "'; expected one of "
                + Arrays.stream(values()).map(ProposalStep::code).collect(Collectors.joining(", ")));
    }
}
