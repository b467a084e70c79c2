package dev.outpost.siting;

/** A point in wall-clock time after which searches stop. Immutable. */
final class Deadline {
    private final long startNanos;
    private final long endNanos;

    private Deadline(long startNanos, long endNanos) {
        this.startNanos = startNanos;
        this.endNanos = endNanos;
    }

    static Deadline in(double seconds) {
        long now = System.nanoTime();
        return new Deadline(now, now + (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 4.0));
    }

    boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }

    double remainingSeconds() {
        return Math.max(0, (endNanos - System.nanoTime()) / 1e9);
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
