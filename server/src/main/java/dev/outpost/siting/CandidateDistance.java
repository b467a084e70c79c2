package dev.outpost.siting;

/**
 * The distance between two candidate sites, by name, in the unit of the spacing it is compared with (usually metres).
 * Used to derive spacing conflicts; must be symmetric and must not return NaN for known candidates.
 */
@FunctionalInterface
public interface CandidateDistance {
    double between(String first, String second);
}
