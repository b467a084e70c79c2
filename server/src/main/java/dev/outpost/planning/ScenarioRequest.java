package dev.outpost.planning;

import dev.outpost.demand.WorkerGroup;
import dev.outpost.siting.ProblemKind;
import java.util.Objects;

/**
 * A planner's request for a scenario: which problem to solve over which candidates, with which constraints and
 * solver. Existing serving stations of the group are always kept as fixed sites. Immutable; checked in the
 * constructor (the rules that need the region's data, such as p against the number of candidates, are checked by
 * {@link ScenarioService}).
 *
 * @param name 1–200 characters
 * @param group the worker group (its demand layer, travel mode and serving stations)
 * @param minutes the service-circle limit T, 1–120 (covered = reaches a site within T)
 * @param problem {@code mclp}: add at most p sites covering the most new demand; {@code partial}: the fewest sites
 *     reaching {@code targetCoverage} of all demand; {@code lscp}: the fewest covering all demand; {@code pmedian}:
 *     p sites minimising demand-weighted seconds to the nearest site; {@code pcenter}: p sites minimising the
 *     largest seconds
 * @param p new sites for mclp, pmedian and pcenter (>= 1); null otherwise
 * @param targetCoverage for partial, the share of all demand weight to cover, in (0, 1] (1 is set covering); null
 *     otherwise
 * @param candidates which candidates may be opened (sources, allowed kinds, districts)
 * @param constraints budget, district limits, spacing, capacity (covering problems only)
 * @param solver which solver
 * @param timeLimitSeconds the solver's time limit, (0, 3600]
 * @param relativeGapLimit the exact solver stops at this relative gap, [0, 1)
 * @param searchMinutes for pmedian and pcenter: the travel-time matrix covers this many minutes (>= minutes, at most
 *     120); a pair beyond it counts as unreachable, and every demand cell on the network must reach some station or
 *     candidate within it
 * @param curveMaxSites the coverage curve runs 1..this many new sites; 0 for max(p, number chosen, 1)
 */
public record ScenarioRequest(
        String name,
        WorkerGroup group,
        int minutes,
        ProblemKind problem,
        Integer p,
        Double targetCoverage,
        CandidateFilter candidates,
        SiteConstraints constraints,
        SolverChoice solver,
        double timeLimitSeconds,
        double relativeGapLimit,
        int searchMinutes,
        int curveMaxSites) {
    public static final int MAX_NAME_LENGTH = 200;
    /** Largest coverage curve. */
    public static final int MAX_CURVE_SITES = 200;

    public ScenarioRequest {
        if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: a scenario needs a name of 1 to 200 characters");
        }
        name = name.strip();
        Objects.requireNonNull(group, "group");
        if (minutes < 1 || minutes > 120) {
            throw new IllegalArgumentException("minutes: " + minutes + " is out of range 1..120");
        }
        Objects.requireNonNull(problem, "problem");
        candidates = candidates == null ? CandidateFilter.defaults() : candidates;
        constraints = constraints == null ? SiteConstraints.none() : constraints;
        solver = solver == null ? SolverChoice.GREEDY : solver;
        switch (problem) {
            case MAXIMAL_COVERING, P_MEDIAN, P_CENTER -> {
                if (p == null || p < 1) {
                    throw new IllegalArgumentException(
                            "p: problem '" + problem.code() + "' needs p, the number of new sites (1 or more)");
                }
                if (targetCoverage != null) {
                    throw new IllegalArgumentException(
                            "targetCoverage: only problem 'partial' takes a target; '" + problem.code() + "' takes p");
                }
            }
            case PARTIAL_COVERING -> {
                if (targetCoverage == null || !(targetCoverage > 0 && targetCoverage <= 1)) {
                    throw new IllegalArgumentException(
                            "targetCoverage: problem 'partial' needs a target share in (0, 1]," + " e.g. 0.95, not "
                                    + targetCoverage);
                }
                if (p != null) {
                    throw new IllegalArgumentException("p: problem 'partial' finds the number of sites; do not give p");
                }
            }
            case SET_COVERING -> {
                if (p != null || targetCoverage != null) {
                    throw new IllegalArgumentException(
                            "problem 'lscp' covers all demand with the fewest sites; give neither p nor targetCoverage");
                }
            }
        }
        if ((problem == ProblemKind.P_MEDIAN || problem == ProblemKind.P_CENTER) && constraints.any()) {
            throw new IllegalArgumentException("constraints: problem '" + problem.code()
                    + "' takes no budget, district limits, spacing or capacity; use 'mclp' or 'partial' for those");
        }
        if (!(timeLimitSeconds > 0 && timeLimitSeconds <= 3600)) {
            throw new IllegalArgumentException("timeLimitSeconds: " + timeLimitSeconds + " is out of range (0, 3600]");
        }
        if (!(relativeGapLimit >= 0 && relativeGapLimit < 1)) {
            throw new IllegalArgumentException("relativeGap: " + relativeGapLimit + " is out of range [0, 1)");
        }
        if (searchMinutes < minutes || searchMinutes > 120) {
            throw new IllegalArgumentException(
                    "searchMinutes: " + searchMinutes + " is out of range " + minutes + "..120 (at least minutes)");
        }
        if (curveMaxSites < 0 || curveMaxSites > MAX_CURVE_SITES) {
            throw new IllegalArgumentException(
                    "curveMaxSites: " + curveMaxSites + " is out of range 0.." + MAX_CURVE_SITES);
        }
    }

    /**
     * A maximal covering request with defaults: T = 15 minutes, imported and register candidates, no constraints,
     * the heuristic with 10 s, p-median search 30 minutes, the curve to max(p, chosen).
     */
    public static ScenarioRequest mclp(String name, WorkerGroup group, int p) {
        return new ScenarioRequest(
                name,
                group,
                15,
                ProblemKind.MAXIMAL_COVERING,
                p,
                null,
                CandidateFilter.defaults(),
                SiteConstraints.none(),
                SolverChoice.GREEDY,
                10,
                0,
                30,
                0);
    }

    public ScenarioRequest withMinutes(int m) {
        return new ScenarioRequest(
                name,
                group,
                m,
                problem,
                p,
                targetCoverage,
                candidates,
                constraints,
                solver,
                timeLimitSeconds,
                relativeGapLimit,
                Math.max(m, searchMinutes),
                curveMaxSites);
    }

    public ScenarioRequest withProblem(ProblemKind kind, Integer newP, Double target) {
        return new ScenarioRequest(
                name,
                group,
                minutes,
                kind,
                newP,
                target,
                candidates,
                constraints,
                solver,
                timeLimitSeconds,
                relativeGapLimit,
                searchMinutes,
                curveMaxSites);
    }

    public ScenarioRequest withCandidates(CandidateFilter filter) {
        return new ScenarioRequest(
                name,
                group,
                minutes,
                problem,
                p,
                targetCoverage,
                filter,
                constraints,
                solver,
                timeLimitSeconds,
                relativeGapLimit,
                searchMinutes,
                curveMaxSites);
    }

    public ScenarioRequest withConstraints(SiteConstraints c) {
        return new ScenarioRequest(
                name,
                group,
                minutes,
                problem,
                p,
                targetCoverage,
                candidates,
                c,
                solver,
                timeLimitSeconds,
                relativeGapLimit,
                searchMinutes,
                curveMaxSites);
    }

    public ScenarioRequest withSolver(SolverChoice s, double seconds) {
        return new ScenarioRequest(
                name,
                group,
                minutes,
                problem,
                p,
                targetCoverage,
                candidates,
                constraints,
                s,
                seconds,
                relativeGapLimit,
                searchMinutes,
                curveMaxSites);
    }

    public ScenarioRequest withName(String n) {
        return new ScenarioRequest(
                n,
                group,
                minutes,
                problem,
                p,
                targetCoverage,
                candidates,
                constraints,
                solver,
                timeLimitSeconds,
                relativeGapLimit,
                searchMinutes,
                curveMaxSites);
    }

    public ScenarioRequest withSearchMinutes(int m) {
        return new ScenarioRequest(
                name,
                group,
                minutes,
                problem,
                p,
                targetCoverage,
                candidates,
                constraints,
                solver,
                timeLimitSeconds,
                relativeGapLimit,
                m,
                curveMaxSites);
    }
}
