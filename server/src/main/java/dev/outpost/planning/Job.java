package dev.outpost.planning;

import java.time.Instant;
import java.util.Objects;

/**
 * A unit of long-running work (an exact solve) and where it stands. Immutable.
 *
 * @param id database id, positive
 * @param kind what it does, e.g. {@code scenario}
 * @param progress 0–1, an estimate (time used of the time limit, or the solver's phase)
 * @param message a sentence for people (English, neutral numbers): the phase or the latest objective and bound, or why
 *     it failed
 * @param solver the running solve's latest incumbent, bound and gap; {@link SolverFigures#NONE} when none is known
 * @param resultRef what it produced, e.g. {@code scenario:12}; null until done
 * @param startedAt null while queued
 * @param finishedAt null until finished
 */
public record Job(
        long id,
        String regionCode,
        String kind,
        JobStatus status,
        double progress,
        String message,
        SolverFigures solver,
        String resultRef,
        String createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {
    public Job {
        if (id <= 0) {
            throw new IllegalArgumentException("job id " + id + " must be positive");
        }
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("job progress " + progress + " must be in 0..1");
        }
        message = message == null ? "" : message;
        solver = solver == null ? SolverFigures.NONE : solver;
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Where an exact search stands, in the problem's units (covered weight, new sites, weighted seconds or seconds):
     * each value NaN while unknown.
     *
     * @param incumbent the objective of the best answer found so far
     * @param bound the best bound proven so far (upper when maximising, lower when minimising)
     * @param gap {@code |bound − incumbent| / |incumbent|}, 0 when equal
     */
    public record SolverFigures(double incumbent, double bound, double gap) {
        /** Nothing known. */
        public static final SolverFigures NONE = new SolverFigures(Double.NaN, Double.NaN, Double.NaN);

        public SolverFigures {
            if (!Double.isNaN(gap) && !(gap >= 0)) {
                throw new IllegalArgumentException("solver gap " + gap + " must be NaN or not negative");
            }
        }

        /** The figures of an incumbent and a bound, with their gap (NaN when either is unknown or incumbent is 0). */
        public static SolverFigures of(double incumbent, double bound) {
            double gap = Double.isNaN(incumbent)
                            || Double.isNaN(bound)
                            || Double.isInfinite(incumbent)
                            || Double.isInfinite(bound)
                    ? Double.NaN
                    : incumbent == bound
                            ? 0
                            : incumbent == 0 ? Double.NaN : Math.abs(bound - incumbent) / Math.abs(incumbent);
            return new SolverFigures(incumbent, bound, gap);
        }

        public boolean known() {
            return !Double.isNaN(incumbent) || !Double.isNaN(bound);
        }
    }
}
