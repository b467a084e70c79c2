package dev.outpost.democity;

import java.util.List;
import java.util.Random;

/**
 * Independent, reproducible random streams per generation stage, so that changing one stage (say, the stations)
 * does not move the roads. {@link Random}'s algorithm is fixed by its specification, so a seed gives the same
 * numbers on every JVM.
 */
final class Seeds {
    private Seeds() {}

    /** A stream for {@code stage} derived from the city seed. */
    static Random random(long seed, String stage) {
        long h = seed * 0x9E3779B97F4A7C15L + stage.hashCode();
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return new Random(h);
    }

    /** A Fisher–Yates shuffle that depends only on {@code random}, not on the JDK's implementation. */
    static <T> void shuffle(List<T> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** A uniform number in {@code [min, max)}. */
    static double uniform(Random random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    /** Picks one element, each with the probability of its weight (weights need not sum to 1). */
    static <T> T pick(Random random, List<T> items, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < items.size(); i++) {
            r -= weights[i];
            if (r < 0) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }
}
