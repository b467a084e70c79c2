package dev.outpost.coverage;

/**
 * Demand-weighted coverage figures of a set of cells (a whole region, one district, the cells outside every area).
 * Weights are in the demand layer's units; shares are 0–1 (NaN when there is no demand). Immutable.
 *
 * @param cellCount demand cells
 * @param stationCount serving stations located in the area (for a whole region: all serving stations)
 * @param demand total weight
 * @param covered5 weight with a station within 5 minutes
 * @param covered10 weight within 10 minutes
 * @param covered15 weight within 15 minutes
 * @param covered20 weight within 20 minutes
 * @param coveredWithinLimit weight within the run's limit ({@link CoverageSettings#limitMinutes()})
 * @param gapDemand weight whose nearest station is beyond the limit but within the search limit
 * @param unreachableDemand weight with no station within the search limit
 * @param offNetworkDemand weight of cells whose centre is off the road network
 */
public record CoverageTotals(
        int cellCount,
        int stationCount,
        double demand,
        double covered5,
        double covered10,
        double covered15,
        double covered20,
        double coveredWithinLimit,
        double gapDemand,
        double unreachableDemand,
        double offNetworkDemand) {

    public CoverageTotals {
        if (cellCount < 0 || stationCount < 0) {
            throw new IllegalArgumentException(
                    "coverage totals: cell count " + cellCount + " and station count " + stationCount + " must be ≥ 0");
        }
        double[] values = {
            demand,
            covered5,
            covered10,
            covered15,
            covered20,
            coveredWithinLimit,
            gapDemand,
            unreachableDemand,
            offNetworkDemand
        };
        for (double v : values) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("coverage totals: " + v + " is not a finite weight ≥ 0");
            }
        }
    }

    /** No cells, no demand. */
    public static CoverageTotals empty(int stationCount) {
        return new CoverageTotals(0, stationCount, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** These figures with another station count. */
    public CoverageTotals withStationCount(int count) {
        return new CoverageTotals(
                cellCount,
                count,
                demand,
                covered5,
                covered10,
                covered15,
                covered20,
                coveredWithinLimit,
                gapDemand,
                unreachableDemand,
                offNetworkDemand);
    }

    /** The weight covered within one of {@link CoverageSettings#BANDS_MINUTES}. */
    public double coveredAt(int bandMinutes) {
        switch (bandMinutes) {
            case 5:
                return covered5;
            case 10:
                return covered10;
            case 15:
                return covered15;
            case 20:
                return covered20;
            default:
                throw new IllegalArgumentException(
                        "no coverage band of " + bandMinutes + " minutes; bands are " + CoverageSettings.BANDS_MINUTES);
        }
    }

    /** Covered share within a band, 0–1, NaN without demand. */
    public double shareAt(int bandMinutes) {
        return demand > 0 ? coveredAt(bandMinutes) / demand : Double.NaN;
    }

    /** Covered share within the run's limit, 0–1, NaN without demand. */
    public double shareWithinLimit() {
        return demand > 0 ? coveredWithinLimit / demand : Double.NaN;
    }

    /** Adds up cells one at a time. Not thread-safe. */
    static final class Accumulator {
        private final int limitSeconds;
        int cells;
        int stations;
        double demand;
        double c5;
        double c10;
        double c15;
        double c20;
        double cLimit;
        double gap;
        double unreachable;
        double offNetwork;

        Accumulator(int limitSeconds) {
            this.limitSeconds = limitSeconds;
        }

        void add(double weight, CellStatus status, int seconds) {
            cells++;
            demand += weight;
            switch (status) {
                case OFF_NETWORK:
                    offNetwork += weight;
                    return;
                case UNREACHABLE:
                    unreachable += weight;
                    return;
                case GAP:
                    gap += weight;
                    break;
                default:
                    break;
            }
            if (seconds >= 0) {
                if (seconds <= 300) {
                    c5 += weight;
                }
                if (seconds <= 600) {
                    c10 += weight;
                }
                if (seconds <= 900) {
                    c15 += weight;
                }
                if (seconds <= 1200) {
                    c20 += weight;
                }
                if (seconds <= limitSeconds) {
                    cLimit += weight;
                }
            }
        }

        CoverageTotals build() {
            return new CoverageTotals(cells, stations, demand, c5, c10, c15, c20, cLimit, gap, unreachable, offNetwork);
        }
    }
}
