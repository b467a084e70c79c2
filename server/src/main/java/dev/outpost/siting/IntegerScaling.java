package dev.outpost.siting;

/**
 * Chooses the factor that turns real weights and costs into the integers CP-SAT needs. Stateless.
 *
 * <p>The factor is the smallest power of ten (10^0 to 10^6) that makes every value an integer, when such a power keeps
 * the largest possible objective under {@link #MAX_SUM} (2^50, far inside CP-SAT's 64-bit arithmetic and exact in a
 * {@code double}); otherwise the largest power of ten that keeps it there (values are then rounded, and the solvers
 * widen their bounds by the rounding error); below 1 only when the values are too large even unscaled.
 */
final class IntegerScaling {
    static final double MAX_SUM = Math.pow(2, 50);

    private IntegerScaling() {}

    /**
     * @param values the values to scale (all must be finite)
     * @param largestSum the largest sum of them the model can form (e.g. the total weight)
     * @return {factor, 1 if exact else 0}
     */
    static double[] choose(double[] values, double largestSum) {
        double best = Double.NaN;
        for (int k = 0; k <= 6; k++) {
            double s = Math.pow(10, k);
            if (largestSum * s > MAX_SUM) {
                break;
            }
            best = s;
            if (integral(values, s)) {
                return new double[] {s, 1};
            }
        }
        if (Double.isNaN(best)) {
            best = largestSum > 0 ? MAX_SUM / largestSum : 1;
            return new double[] {best, integral(values, best) ? 1 : 0};
        }
        return new double[] {best, 0};
    }

    private static boolean integral(double[] values, double s) {
        for (double v : values) {
            double x = v * s;
            if (Math.abs(x - Math.rint(x)) > 1e-9 * Math.max(1, Math.abs(x))) {
                return false;
            }
        }
        return true;
    }
}
