/**
 * Proposing new stations: candidate sites (from the register, imported lists, OpenStreetMap host sites, or every
 * demand cell), coverage matrices of candidates on the road network (built once, stored, keyed by network version,
 * demand layer, minutes and candidate set), siting problems built from a planner's request and solved by the
 * {@code siting} solvers, named scenarios with before / after figures, live what-if edits, comparisons, exports, the
 * bounded job runner for long solves, and the proposal workflow (a scenario submitted for an area, approved into
 * planned stations or sent back, with its decision history). Pure domain logic apart from the repository interfaces {@code store}
 * implements.
 */
package dev.outpost.planning;
