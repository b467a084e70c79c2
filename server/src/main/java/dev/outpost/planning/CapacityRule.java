package dev.outpost.planning;

/**
 * Station capacity for siting: a station serves at most its seats × {@code demandPerSeat} of demand weight. Immutable.
 *
 * @param demandPerSeat demand weight (workers) one seat serves, finite and > 0
 * @param defaultSeats seats assumed for stations and candidates whose seats are unknown, >= 0
 */
public record CapacityRule(double demandPerSeat, int defaultSeats) {
    public CapacityRule {
        if (!Double.isFinite(demandPerSeat) || demandPerSeat <= 0) {
            throw new IllegalArgumentException(
                    "capacity: demandPerSeat " + demandPerSeat + " must be a positive number");
        }
        if (defaultSeats < 0) {
            throw new IllegalArgumentException("capacity: defaultSeats " + defaultSeats + " must not be negative");
        }
    }

    /** The capacity in demand weight of a site with these seats (null: the default). */
    public double capacity(Integer seats) {
        return (seats == null ? defaultSeats : seats) * demandPerSeat;
    }
}
