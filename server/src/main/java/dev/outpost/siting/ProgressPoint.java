package dev.outpost.siting;

/**
 * A moment of an exact search: the best objective and bound known then, in the problem's units (restated on the
 * unreduced problem). Either may be NaN when not yet known.
 *
 * @param elapsedMillis time since the solve started, in milliseconds
 */
public record ProgressPoint(long elapsedMillis, double objective, double bound) {}
