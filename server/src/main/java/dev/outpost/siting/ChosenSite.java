package dev.outpost.siting;

import java.util.Optional;

/**
 * One new site of a solution, as the planner page shows it.
 *
 * @param name the candidate's name
 * @param marginalGain for covering problems, the weight this site adds over the fixed sites and the sites listed
 *     before it (the list is in greedy order); for p-median, the weighted cost it saves in the same sense; for p-center,
 *     NaN
 * @param runnerUp for maximal covering, the best candidate to open instead of this one (the others unchanged and all
 *     constraints kept); {@code null} when none exists or was not computed
 * @param runnerUpObjective the objective with the runner-up instead of this site; NaN when there is no runner-up
 */
public record ChosenSite(String name, double marginalGain, String runnerUp, double runnerUpObjective) {
    public ChosenSite {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("chosen site name is empty");
        }
    }

    public Optional<String> findRunnerUp() {
        return Optional.ofNullable(runnerUp);
    }
}
