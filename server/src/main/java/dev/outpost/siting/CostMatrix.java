package dev.outpost.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A dense travel-cost matrix between candidate sites and demand points, with a weight per demand point.
 *
 * <p>Costs are in the caller's unit (metres or seconds, never mixed), finite and non-negative;
 * {@link Double#POSITIVE_INFINITY} marks a missing pair (unreachable) and is only present when the matrix was built
 * with missing pairs allowed. Costs are kept as {@code double}: a {@code float} would put the population-weighted sum
 * of a p-median off by more than a cent on 3,000 pairs.
 *
 * <p>Candidates and demand points are known by their names, not their positions: the order is the order given (for
 * the {@link Builder}, the order of first appearance), and solvers report names. Weights are non-negative and finite
 * (people, orders, riders); they default to 1 per demand point.
 *
 * <p>Immutable and thread-safe. Memory: 8 bytes per pair.
 */
public final class CostMatrix {
    private final List<String> candidates;
    private final List<String> demands;
    private final Map<String, Integer> candidateIndex;
    private final Map<String, Integer> demandIndex;
    private final double[] costs; // row-major: candidate * demandCount + demand
    private final double[] weights;
    private final int missingPairs;

    private CostMatrix(
            List<String> candidates,
            List<String> demands,
            Map<String, Integer> candidateIndex,
            Map<String, Integer> demandIndex,
            double[] costs,
            double[] weights) {
        this.candidates = candidates;
        this.demands = demands;
        this.candidateIndex = candidateIndex;
        this.demandIndex = demandIndex;
        this.costs = costs;
        this.weights = weights;
        int missing = 0;
        for (double c : costs) {
            if (c == Double.POSITIVE_INFINITY) {
                missing++;
            }
        }
        this.missingPairs = missing;
    }

    /**
     * A matrix from a dense array.
     *
     * @param candidateNames distinct names, one per row of {@code costs}
     * @param demandNames distinct names, one per column of {@code costs}
     * @param costs {@code costs[candidate][demand]}, finite and non-negative, or {@code +∞} for a missing pair; copied
     * @param weights one non-negative weight per demand point, or {@code null} for weight 1 each; copied
     * @throws IllegalArgumentException naming the bad value when a name repeats, a size differs or a value is out of
     *     range
     */
    public static CostMatrix of(
            List<String> candidateNames, List<String> demandNames, double[][] costs, double[] weights) {
        Map<String, Integer> ci = indexNames(candidateNames, "candidate");
        Map<String, Integer> di = indexNames(demandNames, "demand");
        int n = candidateNames.size();
        int m = demandNames.size();
        if (costs.length != n) {
            throw new IllegalArgumentException(
                    "costs has " + costs.length + " rows but there are " + n + " candidate names");
        }
        double[] flat = new double[n * m];
        for (int j = 0; j < n; j++) {
            if (costs[j].length != m) {
                throw new IllegalArgumentException("costs row " + j + " (candidate '" + candidateNames.get(j)
                        + "') has " + costs[j].length + " values but there are " + m + " demand names");
            }
            for (int i = 0; i < m; i++) {
                double c = costs[j][i];
                checkCost(c, candidateNames.get(j), demandNames.get(i));
                flat[j * m + i] = c;
            }
        }
        return new CostMatrix(
                List.copyOf(candidateNames),
                List.copyOf(demandNames),
                ci,
                di,
                flat,
                checkedWeights(weights, demandNames));
    }

    /** A builder for a long-format table: one (candidate, demand, cost) row at a time. */
    public static Builder builder() {
        return new Builder();
    }

    static void checkCost(double c, String candidate, String demand) {
        if (Double.isNaN(c) || c < 0 || c == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("cost " + c + " for candidate '" + candidate + "' and demand '" + demand
                    + "' must be finite and non-negative (or +Infinity for a missing pair)");
        }
    }

    static double[] checkedWeights(double[] weights, List<String> demandNames) {
        int m = demandNames.size();
        if (weights == null) {
            double[] w = new double[m];
            Arrays.fill(w, 1.0);
            return w;
        }
        if (weights.length != m) {
            throw new IllegalArgumentException(
                    "weights has " + weights.length + " values but there are " + m + " demand points");
        }
        for (int i = 0; i < m; i++) {
            checkWeight(weights[i], demandNames.get(i));
        }
        return weights.clone();
    }

    static void checkWeight(double w, String demand) {
        if (!Double.isFinite(w) || w < 0) {
            throw new IllegalArgumentException(
                    "weight " + w + " of demand '" + demand + "' must be finite and non-negative");
        }
    }

    static Map<String, Integer> indexNames(List<String> names, String what) {
        Map<String, Integer> index = new HashMap<>(names.size() * 2);
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException(what + " name at position " + k + " is empty");
            }
            Integer previous = index.put(name, k);
            if (previous != null) {
                throw new IllegalArgumentException(
                        what + " name '" + name + "' appears twice (positions " + previous + " and " + k + ")");
            }
        }
        return Collections.unmodifiableMap(index);
    }

    public int candidateCount() {
        return candidates.size();
    }

    public int demandCount() {
        return demands.size();
    }

    /** Candidate names in matrix order; unmodifiable. */
    public List<String> candidateNames() {
        return candidates;
    }

    /** Demand names in matrix order; unmodifiable. */
    public List<String> demandNames() {
        return demands;
    }

    /** The position of a candidate, or empty when the name is unknown. */
    public OptionalInt findCandidate(String name) {
        Integer k = candidateIndex.get(name);
        return k == null ? OptionalInt.empty() : OptionalInt.of(k);
    }

    /** The position of a candidate; throws {@link IllegalArgumentException} naming it when unknown. */
    public int getCandidate(String name) {
        Integer k = candidateIndex.get(name);
        if (k == null) {
            throw new IllegalArgumentException("unknown candidate '" + name + "'");
        }
        return k;
    }

    /** The position of a demand point; throws {@link IllegalArgumentException} naming it when unknown. */
    public int getDemand(String name) {
        Integer k = demandIndex.get(name);
        if (k == null) {
            throw new IllegalArgumentException("unknown demand point '" + name + "'");
        }
        return k;
    }

    /** The cost from a candidate to a demand point; {@code +∞} when the pair is missing. */
    public double cost(int candidate, int demand) {
        return costs[candidate * demands.size() + demand];
    }

    public double weight(int demand) {
        return weights[demand];
    }

    /** A copy of the weights, in demand order. */
    public double[] weights() {
        return weights.clone();
    }

    public double totalWeight() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }

    /** The number of (candidate, demand) pairs whose cost is missing ({@code +∞}). */
    public int missingPairCount() {
        return missingPairs;
    }

    /** The same costs with other weights (one per demand point, in demand order). */
    public CostMatrix withWeights(double[] newWeights) {
        return new CostMatrix(
                candidates, demands, candidateIndex, demandIndex, costs, checkedWeights(newWeights, demands));
    }

    /** The same costs with weights looked up by demand name; every demand point must have one. */
    public CostMatrix withWeights(Map<String, Double> weightByDemand) {
        double[] w = new double[demands.size()];
        for (int i = 0; i < w.length; i++) {
            Double v = weightByDemand.get(demands.get(i));
            if (v == null) {
                throw new IllegalArgumentException("no weight given for demand point '" + demands.get(i) + "'");
            }
            w[i] = v;
        }
        return withWeights(w);
    }

    double[] rawCosts() {
        return costs;
    }

    double[] rawWeights() {
        return weights;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "CostMatrix[%d candidates x %d demand points, %d missing pairs]",
                candidates.size(),
                demands.size(),
                missingPairs);
    }

    /**
     * Collects a long-format table (one row per candidate–demand pair) and pivots it to a dense matrix. Names keep
     * their order of first appearance. Not thread-safe; build once.
     */
    public static final class Builder {
        private final Map<String, Integer> candidates = new LinkedHashMap<>();
        private final Map<String, Integer> demands = new LinkedHashMap<>();
        private final Map<Long, Double> pairs = new HashMap<>();
        private final List<Double> weights = new ArrayList<>();
        private boolean anyWeight;

        private Builder() {}

        /**
         * Adds one pair.
         *
         * @throws IllegalArgumentException when a name is empty, the cost is negative or not a number, or the pair
         *     was already added
         */
        public Builder add(String candidate, String demand, double cost) {
            if (candidate == null || candidate.isEmpty()) {
                throw new IllegalArgumentException("candidate name is empty");
            }
            if (demand == null || demand.isEmpty()) {
                throw new IllegalArgumentException("demand name is empty");
            }
            checkCost(cost, candidate, demand);
            int j = candidates.computeIfAbsent(candidate, k -> candidates.size());
            int i = demands.computeIfAbsent(demand, k -> {
                weights.add(null);
                return demands.size();
            });
            long key = ((long) j << 32) | i;
            if (pairs.putIfAbsent(key, cost) != null) {
                throw new IllegalArgumentException(
                        "candidate '" + candidate + "' and demand '" + demand + "' appear twice");
            }
            return this;
        }

        /**
         * Sets the weight of a demand point already added or yet to come; the same weight may be given again (as in
         * a long table repeating it on every row) but a different one is an error.
         */
        public Builder weight(String demand, double weight) {
            if (demand == null || demand.isEmpty()) {
                throw new IllegalArgumentException("demand name is empty");
            }
            checkWeight(weight, demand);
            int i = demands.computeIfAbsent(demand, k -> {
                weights.add(null);
                return demands.size();
            });
            Double previous = weights.get(i);
            if (previous != null && previous != weight) {
                throw new IllegalArgumentException("demand '" + demand + "' has weight " + previous
                        + " on an earlier row and " + weight + " here");
            }
            weights.set(i, weight);
            anyWeight = true;
            return this;
        }

        /** The number of distinct pairs added so far. */
        public int pairCount() {
            return pairs.size();
        }

        /**
         * Pivots the table.
         *
         * @param allowMissing whether a pair absent from the table becomes {@code +∞} (unreachable) rather than an
         *     error
         * @throws IllegalArgumentException naming the first absent pair when {@code allowMissing} is false, or a demand
         *     point without a weight when some have one
         */
        public CostMatrix build(boolean allowMissing) {
            List<String> cNames = List.copyOf(candidates.keySet());
            List<String> dNames = List.copyOf(demands.keySet());
            int n = cNames.size();
            int m = dNames.size();
            if (n == 0 || m == 0) {
                throw new IllegalArgumentException("the table has no candidate–demand pairs");
            }
            double[] flat = new double[n * m];
            Arrays.fill(flat, Double.POSITIVE_INFINITY);
            for (Map.Entry<Long, Double> e : pairs.entrySet()) {
                long key = e.getKey();
                int j = (int) (key >>> 32);
                int i = (int) (key & 0xffffffffL);
                flat[j * m + i] = e.getValue();
            }
            if (!allowMissing && pairs.size() != (long) n * m) {
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < m; i++) {
                        if (flat[j * m + i] == Double.POSITIVE_INFINITY) {
                            throw new IllegalArgumentException(String.format(
                                    Locale.ROOT,
                                    "candidate '%s' has no cost for demand '%s' (%d of %d pairs present); "
                                            + "every pair is needed",
                                    cNames.get(j),
                                    dNames.get(i),
                                    pairs.size(),
                                    (long) n * m));
                        }
                    }
                }
            }
            double[] w = new double[m];
            for (int i = 0; i < m; i++) {
                Double v = weights.get(i);
                if (v == null) {
                    if (anyWeight) {
                        throw new IllegalArgumentException("demand '" + dNames.get(i) + "' has no weight");
                    }
                    v = 1.0;
                }
                w[i] = v;
            }
            return new CostMatrix(
                    cNames, dNames, indexNames(cNames, "candidate"), indexNames(dNames, "demand"), flat, w);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CostMatrix other
                && candidates.equals(other.candidates)
                && demands.equals(other.demands)
                && Arrays.equals(costs, other.costs)
                && Arrays.equals(weights, other.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(candidates, demands, Arrays.hashCode(costs), Arrays.hashCode(weights));
    }
}
