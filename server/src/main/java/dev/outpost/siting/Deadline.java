package dev.outpost.siting;

/**
 * A point in wall-clock time after which searches stop, or earlier when its {@link SolveControl} is cancelled.
 * Immutable.
 */
final class Deadline {
    private final long startNanos;
    private final long endNanos;
    private final SolveControl control;

    private Deadline(long startNanos, long endNanos, SolveControl control) {
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        this.control = control;
    }

    static Deadline in(double seconds) {
        return in(seconds, SolveControl.NONE);
    }

    static Deadline in(double seconds, SolveControl control) {
        long now = System.nanoTime();
        return new Deadline(now, now + (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 4.0), control);
    }

    /** Whether the time is up or the solve was cancelled. */
    boolean passed() {
        return control.isCancelled() || System.nanoTime() - endNanos >= 0;
    }

    boolean cancelled() {
        return control.isCancelled();
    }

    SolveControl control() {
        return control;
    }

    double remainingSeconds() {
        return control.isCancelled() ? 0 : Math.max(0, (endNanos - System.nanoTime()) / 1e9);
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
