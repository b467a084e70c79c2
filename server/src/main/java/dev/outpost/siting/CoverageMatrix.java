package dev.outpost.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Which demand points each candidate site covers: a sparse 0/1 matrix, with the demand weights and the names of
 * candidates and demand points.
 *
 * <p>Built from a {@link CostMatrix} and a radius (a pair covers when its cost is finite and {@code cost <= radius},
 * as in spopt), or directly from lists of covered demand indices. When built from costs, the cost of each covering pair
 * is kept. A missing pair in the cost matrix simply means "not covered".
 *
 * <p>Immutable and thread-safe. Memory: about 12 bytes per covering pair (twice 4 for both directions, plus the cost).
 */
public final class CoverageMatrix {
    private final List<String> candidates;
    private final List<String> demands;
    private final Map<String, Integer> candidateIndex;
    private final Map<String, Integer> demandIndex;
    private final int[][] covers; // per candidate: sorted demand indices
    private final double[][] coverCosts; // per candidate, aligned with covers; null when built from sets
    private final int[][] coveredBy; // per demand: sorted candidate indices
    private final double[] weights;
    private final double radius;

    private CoverageMatrix(
            List<String> candidates,
            List<String> demands,
            Map<String, Integer> candidateIndex,
            Map<String, Integer> demandIndex,
            int[][] covers,
            double[][] coverCosts,
            int[][] coveredBy,
            double[] weights,
            double radius) {
        this.candidates = candidates;
        this.demands = demands;
        this.candidateIndex = candidateIndex;
        this.demandIndex = demandIndex;
        this.covers = covers;
        this.coverCosts = coverCosts;
        this.coveredBy = coveredBy;
        this.weights = weights;
        this.radius = radius;
    }

    /**
     * The coverage of a cost matrix within a radius: candidate {@code j} covers demand {@code i} when
     * {@code cost(j, i) <= radius}. Weights and names are taken from the cost matrix.
     *
     * @param radius in the unit of the costs (metres or seconds), finite and non-negative
     */
    public static CoverageMatrix fromCosts(CostMatrix costs, double radius) {
        if (!Double.isFinite(radius) || radius < 0) {
            throw new IllegalArgumentException("radius " + radius + " must be finite and non-negative");
        }
        int n = costs.candidateCount();
        int m = costs.demandCount();
        double[] raw = costs.rawCosts();
        int[][] covers = new int[n][];
        double[][] coverCosts = new double[n][];
        int[] buf = new int[m];
        double[] cbuf = new double[m];
        for (int j = 0; j < n; j++) {
            int k = 0;
            for (int i = 0; i < m; i++) {
                double c = raw[j * m + i];
                if (c <= radius) {
                    buf[k] = i;
                    cbuf[k] = c;
                    k++;
                }
            }
            covers[j] = Arrays.copyOf(buf, k);
            coverCosts[j] = Arrays.copyOf(cbuf, k);
        }
        return new CoverageMatrix(
                costs.candidateNames(),
                costs.demandNames(),
                CostMatrix.indexNames(costs.candidateNames(), "candidate"),
                CostMatrix.indexNames(costs.demandNames(), "demand"),
                covers,
                coverCosts,
                invert(covers, m),
                costs.rawWeights().clone(),
                radius);
    }

    /**
     * A coverage matrix from explicit sets.
     *
     * @param candidateNames distinct names
     * @param demandNames distinct names
     * @param weights one non-negative weight per demand point, or {@code null} for 1 each; copied
     * @param coveredDemands for each candidate (same order as the names), the indices of the demand points it covers, in
     *     any order, without repeats; copied
     */
    public static CoverageMatrix of(
            List<String> candidateNames, List<String> demandNames, double[] weights, List<int[]> coveredDemands) {
        Map<String, Integer> ci = CostMatrix.indexNames(candidateNames, "candidate");
        Map<String, Integer> di = CostMatrix.indexNames(demandNames, "demand");
        int n = candidateNames.size();
        int m = demandNames.size();
        if (coveredDemands.size() != n) {
            throw new IllegalArgumentException(
                    "coverage lists " + coveredDemands.size() + " candidates but there are " + n + " names");
        }
        int[][] covers = new int[n][];
        for (int j = 0; j < n; j++) {
            int[] c = coveredDemands.get(j).clone();
            Arrays.sort(c);
            for (int k = 0; k < c.length; k++) {
                if (c[k] < 0 || c[k] >= m) {
                    throw new IllegalArgumentException("candidate '" + candidateNames.get(j) + "' covers demand index "
                            + c[k] + "; expected 0.." + (m - 1));
                }
                if (k > 0 && c[k] == c[k - 1]) {
                    throw new IllegalArgumentException(
                            "candidate '" + candidateNames.get(j) + "' lists demand index " + c[k] + " twice");
                }
            }
            covers[j] = c;
        }
        return new CoverageMatrix(
                List.copyOf(candidateNames),
                List.copyOf(demandNames),
                ci,
                di,
                covers,
                null,
                invert(covers, m),
                CostMatrix.checkedWeights(weights, demandNames),
                Double.NaN);
    }

    static int[][] invert(int[][] covers, int demandCount) {
        int[] degree = new int[demandCount];
        for (int[] c : covers) {
            for (int i : c) {
                degree[i]++;
            }
        }
        int[][] inverse = new int[demandCount][];
        for (int i = 0; i < demandCount; i++) {
            inverse[i] = new int[degree[i]];
        }
        int[] fill = new int[demandCount];
        for (int j = 0; j < covers.length; j++) {
            for (int i : covers[j]) {
                inverse[i][fill[i]++] = j;
            }
        }
        return inverse;
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

    /** The radius the matrix was built with, in cost units; NaN when built from sets. */
    public double radius() {
        return radius;
    }

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

    /** The demand indices a candidate covers, ascending; a copy. */
    public int[] coveredDemands(int candidate) {
        return covers[candidate].clone();
    }

    /** The candidate indices covering a demand point, ascending; a copy. */
    public int[] coveringCandidates(int demand) {
        return coveredBy[demand].clone();
    }

    /**
     * The costs of the covering pairs of a candidate, aligned with {@link #coveredDemands(int)}; empty when the matrix
     * was built from sets. A copy.
     */
    public double[] coverCosts(int candidate) {
        return coverCosts == null ? new double[0] : coverCosts[candidate].clone();
    }

    public boolean hasCosts() {
        return coverCosts != null;
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

    /** The number of covering (candidate, demand) pairs. */
    public long pairCount() {
        long s = 0;
        for (int[] c : covers) {
            s += c.length;
        }
        return s;
    }

    /** The same coverage with other weights (one per demand point, in demand order). */
    public CoverageMatrix withWeights(double[] newWeights) {
        return new CoverageMatrix(
                candidates,
                demands,
                candidateIndex,
                demandIndex,
                covers,
                coverCosts,
                coveredBy,
                CostMatrix.checkedWeights(newWeights, demands),
                radius);
    }

    /** The same coverage with weights looked up by demand name; every demand point must have one. */
    public CoverageMatrix withWeights(Map<String, Double> weightByDemand) {
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

    /** Names of the demand points no candidate covers, in demand order. */
    public List<String> uncoverableDemands() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < coveredBy.length; i++) {
            if (coveredBy[i].length == 0) {
                out.add(demands.get(i));
            }
        }
        return out;
    }

    int[][] rawCovers() {
        return covers;
    }

    int[][] rawCoveredBy() {
        return coveredBy;
    }

    double[] rawWeights() {
        return weights;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "CoverageMatrix[%d candidates x %d demand points, %d covering pairs, radius %s]",
                candidates.size(),
                demands.size(),
                pairCount(),
                Double.isNaN(radius) ? "n/a" : Double.toString(radius));
    }
}
