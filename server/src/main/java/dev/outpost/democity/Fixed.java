package dev.outpost.democity;

/**
 * Locale-independent fixed-point formatting of numbers for the output files: always a dot, always the given number of
 * decimals, rounding half away from zero on the scaled value. Thread-safe.
 */
final class Fixed {
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Fixed() {}

    static String format(double value, int decimals) {
        if (!Double.isFinite(value) || decimals < 0 || decimals >= POWERS.length) {
            throw new IllegalArgumentException("cannot format " + value + " with " + decimals + " decimals");
        }
        long scale = POWERS[decimals];
        long scaled = StrictMath.round(StrictMath.abs(value) * scale);
        boolean negative = value < 0 && scaled != 0;
        StringBuilder sb = new StringBuilder(24);
        if (negative) {
            sb.append('-');
        }
        sb.append(scaled / scale);
        if (decimals > 0) {
            String fraction = Long.toString(scaled % scale);
            sb.append('.');
            for (int i = fraction.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(fraction);
        }
        return sb.toString();
    }
}
