package dev.outpost.siting;

/**
 * How to solve. Immutable.
 *
 * @param timeLimitSeconds wall-clock limit for the search (the exact model, or the heuristic's local search), > 0
 * @param workers CP-SAT search workers, >= 1. On 2 cores, 1 worker with {@code linearizationLevel = 2} or 8 workers
 *     move the bound of covering models; CP-SAT's default portfolio on 2 workers does not (see PLATFORM.md)
 * @param linearizationLevel CP-SAT {@code linearization_level}, 0..2; 2 adds the LP relaxation of all constraints
 * @param reduce whether to reduce the model first (merge identical demand rows, drop demand covered by fixed sites,
 *     drop dominated candidates); the answer is the same
 * @param relativeGapLimit CP-SAT stops when {@code |bound - objective| / |objective|} is at most this, >= 0 (0: prove)
 * @param warmStart whether the exact solver starts from the heuristic's solution (as CP-SAT hints)
 * @param randomSeed CP-SAT random seed
 * @param logSearch whether CP-SAT writes its search log to standard error
 * @param control cancellation and progress of the solve (see {@link SolveControl}); {@link SolveControl#NONE} by
 *     default
 */
public record SolveOptions(
        double timeLimitSeconds,
        int workers,
        int linearizationLevel,
        boolean reduce,
        double relativeGapLimit,
        boolean warmStart,
        int randomSeed,
        boolean logSearch,
        SolveControl control) {
    public SolveOptions {
        java.util.Objects.requireNonNull(control, "control");
        if (!(timeLimitSeconds > 0) || Double.isNaN(timeLimitSeconds)) {
            throw new IllegalArgumentException("time limit " + timeLimitSeconds + " s must be positive");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers " + workers + " must be at least 1");
        }
        if (linearizationLevel < 0 || linearizationLevel > 2) {
            throw new IllegalArgumentException("linearization level " + linearizationLevel + " must be 0, 1 or 2");
        }
        if (!(relativeGapLimit >= 0)) {
            throw new IllegalArgumentException("relative gap limit " + relativeGapLimit + " must be >= 0");
        }
    }

    /** Options without a control ({@link SolveControl#NONE}). */
    public SolveOptions(
            double timeLimitSeconds,
            int workers,
            int linearizationLevel,
            boolean reduce,
            double relativeGapLimit,
            boolean warmStart,
            int randomSeed,
            boolean logSearch) {
        this(
                timeLimitSeconds,
                workers,
                linearizationLevel,
                reduce,
                relativeGapLimit,
                warmStart,
                randomSeed,
                logSearch,
                SolveControl.NONE);
    }

    /** 60 s, 1 worker, linearization level 2, reduction on, prove optimality, warm start, seed 0, no log. */
    public static SolveOptions defaults() {
        return new SolveOptions(60, 1, 2, true, 0, true, 0, false);
    }

    public SolveOptions withTimeLimitSeconds(double seconds) {
        return new SolveOptions(
                seconds,
                workers,
                linearizationLevel,
                reduce,
                relativeGapLimit,
                warmStart,
                randomSeed,
                logSearch,
                control);
    }

    public SolveOptions withWorkers(int n) {
        return new SolveOptions(
                timeLimitSeconds,
                n,
                linearizationLevel,
                reduce,
                relativeGapLimit,
                warmStart,
                randomSeed,
                logSearch,
                control);
    }

    public SolveOptions withLinearizationLevel(int level) {
        return new SolveOptions(
                timeLimitSeconds, workers, level, reduce, relativeGapLimit, warmStart, randomSeed, logSearch, control);
    }

    public SolveOptions withReduce(boolean on) {
        return new SolveOptions(
                timeLimitSeconds,
                workers,
                linearizationLevel,
                on,
                relativeGapLimit,
                warmStart,
                randomSeed,
                logSearch,
                control);
    }

    public SolveOptions withRelativeGapLimit(double gap) {
        return new SolveOptions(
                timeLimitSeconds, workers, linearizationLevel, reduce, gap, warmStart, randomSeed, logSearch, control);
    }

    public SolveOptions withWarmStart(boolean on) {
        return new SolveOptions(
                timeLimitSeconds,
                workers,
                linearizationLevel,
                reduce,
                relativeGapLimit,
                on,
                randomSeed,
                logSearch,
                control);
    }

    public SolveOptions withRandomSeed(int seed) {
        return new SolveOptions(
                timeLimitSeconds,
                workers,
                linearizationLevel,
                reduce,
                relativeGapLimit,
                warmStart,
                seed,
                logSearch,
                control);
    }

    public SolveOptions withLogSearch(boolean on) {
        return new SolveOptions(
                timeLimitSeconds,
                workers,
                linearizationLevel,
                reduce,
                relativeGapLimit,
                warmStart,
                randomSeed,
                on,
                control);
    }

    /** The same options with a control for cancelling the solve and hearing of its progress. */
    public SolveOptions withControl(SolveControl newControl) {
        return new SolveOptions(
                timeLimitSeconds,
                workers,
                linearizationLevel,
                reduce,
                relativeGapLimit,
                warmStart,
                randomSeed,
                logSearch,
                newControl);
    }
}
