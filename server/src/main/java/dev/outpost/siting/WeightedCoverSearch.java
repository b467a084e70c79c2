package dev.outpost.siting;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A row-weighting local search for maximal covering with only the number of new sites limited (no budget, groups,
 * spacing or capacities): it escapes the local optima of the best-improvement swap search by exchanging one open site
 * for a candidate that covers a randomly chosen uncovered row, judging moves by dynamic row weights that grow on rows
 * that stay uncovered (the "weighting" idea of set-cover local search). The true objective — the model's row weights
 * covered — is tracked and the best solution seen is kept.
 *
 * <p>Its value: on random geometric instances where p sites can cover (almost) everything, the swap search stalls a
 * few tenths of a percent below the optimum while this search reaches it, and when it covers every coverable row the
 * trivial bound (all coverable weight) proves the answer optimal at once.
 *
 * <p>Deterministic for a given seed. Not thread-safe (one search per instance).
 */
final class WeightedCoverSearch {
    private final CoverModel model;
    private final boolean[] open;
    private final int[] count;
    private final double[] dynamic;
    /** Per closed candidate: dynamic weight of the uncovered rows it covers; per open new site: of its sole rows. */
    private final double[] score;
    /** Positions of uncovered rows in {@link #uncovered} (or -1). */
    private final int[] slot;

    private final int[] uncovered;
    private int uncoveredCount;
    private final int[] sites;
    private final int p;
    private double coveredWeight;
    private double bestWeight = Double.NaN;
    private final SplittableRandom random;

    /**
     * @param start the new sites to start from (model indices, not fixed ones); their number is p
     */
    WeightedCoverSearch(CoverModel model, int[] start, long seed) {
        this.model = model;
        this.open = new boolean[model.n];
        this.count = new int[model.m];
        this.dynamic = Arrays.copyOf(model.weight, model.m);
        this.score = new double[model.n];
        this.slot = new int[model.m];
        this.uncovered = new int[model.m];
        this.sites = start.clone();
        this.p = start.length;
        this.random = new SplittableRandom(seed);
        Arrays.fill(slot, -1); // no list of uncovered rows while the start is opened
        for (int j = 0; j < model.n; j++) {
            if (model.rules.fixed[j]) {
                openSite(j);
            }
        }
        for (int j : start) {
            openSite(j);
        }
        for (int r = 0; r < model.m; r++) {
            if (count[r] == 0) {
                slot[r] = uncoveredCount;
                uncovered[uncoveredCount++] = r;
            }
        }
        // scores from scratch
        Arrays.fill(score, 0);
        for (int r = 0; r < model.m; r++) {
            if (count[r] == 0) {
                for (int c : model.coveredBy[r]) {
                    score[c] += dynamic[r];
                }
            } else if (count[r] == 1) {
                score[soleCovererExcept(r, -1)] += dynamic[r];
            }
        }
    }

    /** The weight of the model's rows covered by the current sites (fixed ones included). */
    double coveredWeight() {
        return coveredWeight;
    }

    /** The true covered weight of what the last {@link #run} returned (NaN before a run). */
    double bestWeight() {
        return bestWeight;
    }

    /**
     * Runs until the deadline, {@code maxSteps} exchanges, or every coverable row covered.
     *
     * @return the best new sites seen (model indices), by the true weights
     */
    int[] run(Deadline deadline, long maxSteps) {
        int[] best = sites.clone();
        bestWeight = coveredWeight;
        double coverable = coverableWeight(model);
        double eps = 1e-9 * Math.max(1, coverable);
        int lastIn = -1;
        for (long step = 0; step < maxSteps && p > 0; step++) {
            if (coveredWeight >= coverable - eps || uncoveredCount == 0) {
                break;
            }
            if ((step & 255) == 0 && deadline.passed()) {
                break;
            }
            // a random uncovered row that some candidate can cover
            int row = uncovered[random.nextInt(uncoveredCount)];
            if (model.coveredBy[row].length == 0) {
                continue;
            }
            // leave: the open new site losing the least dynamic weight, not the one that just came in
            int outIndex = -1;
            for (int k = 0; k < p; k++) {
                int j = sites[k];
                if (j == lastIn && p > 1) {
                    continue;
                }
                if (outIndex < 0 || score[j] < score[sites[outIndex]]) {
                    outIndex = k;
                }
            }
            int out = sites[outIndex];
            closeSite(out);
            // enter: the candidate of that row gaining the most, ties at random
            int in = -1;
            int ties = 0;
            for (int c : model.coveredBy[row]) {
                if (open[c] || c == out) {
                    continue;
                }
                if (in < 0 || score[c] > score[in]) {
                    in = c;
                    ties = 1;
                } else if (score[c] == score[in] && random.nextInt(++ties) == 0) {
                    in = c;
                }
            }
            if (in < 0) {
                in = out; // the row's only candidate just left: take it back
            }
            openSite(in);
            sites[outIndex] = in;
            lastIn = in;
            if (coveredWeight > bestWeight + eps) {
                bestWeight = coveredWeight;
                System.arraycopy(sites, 0, best, 0, p);
            }
            // rows still uncovered weigh more
            for (int k = 0; k < uncoveredCount; k++) {
                int r = uncovered[k];
                double bump = model.weight[r];
                dynamic[r] += bump;
                for (int c : model.coveredBy[r]) {
                    score[c] += bump;
                }
            }
        }
        return best;
    }

    /** The weight of the model's rows that some candidate covers (fixed ones included). */
    static double coverableWeight(CoverModel model) {
        double s = 0;
        for (int r = 0; r < model.m; r++) {
            if (model.coveredBy[r].length > 0) {
                s += model.weight[r];
            }
        }
        return s;
    }

    private void openSite(int j) {
        open[j] = true;
        score[j] = 0;
        for (int r : model.covers[j]) {
            int before = count[r]++;
            if (before == 0) {
                coveredWeight += model.weight[r];
                for (int c : model.coveredBy[r]) {
                    if (c != j && !open[c]) {
                        score[c] -= dynamic[r];
                    }
                }
                score[j] += dynamic[r];
                removeUncovered(r);
            } else if (before == 1) {
                int sole = soleCovererExcept(r, j);
                score[sole] -= dynamic[r];
            }
        }
    }

    private void closeSite(int j) {
        open[j] = false;
        score[j] = 0;
        for (int r : model.covers[j]) {
            int after = --count[r];
            if (after == 0) {
                coveredWeight -= model.weight[r];
                for (int c : model.coveredBy[r]) {
                    score[c] += dynamic[r]; // every coverer is closed now, j included
                }
                addUncovered(r);
            } else if (after == 1) {
                score[soleCovererExcept(r, -1)] += dynamic[r];
            }
        }
    }

    /** The open candidate covering the row, other than {@code except} (-1: none excepted). */
    private int soleCovererExcept(int row, int except) {
        for (int c : model.coveredBy[row]) {
            if (c != except && open[c]) {
                return c;
            }
        }
        throw new IllegalStateException("row " + row + " has no other open coverer");
    }

    private void removeUncovered(int r) {
        int k = slot[r];
        if (k < 0) {
            return; // during construction, before the list exists
        }
        int last = uncovered[--uncoveredCount];
        uncovered[k] = last;
        slot[last] = k;
        slot[r] = -1;
    }

    private void addUncovered(int r) {
        slot[r] = uncoveredCount;
        uncovered[uncoveredCount++] = r;
    }
}
