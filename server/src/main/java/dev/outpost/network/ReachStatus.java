package dev.outpost.network;

/** Outcome for one demand point of a nearest-facility search. */
public enum ReachStatus {
    /** A facility is reachable within the time limit. */
    REACHED,
    /** The point is on the network but no facility is reachable within the time limit. */
    UNREACHED,
    /** The point could not be placed on the network: no usable road within the snapping limit. */
    OFF_NETWORK
}
