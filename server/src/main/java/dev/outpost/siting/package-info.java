/**
 * Location-allocation: cost and coverage matrices, siting problems (maximal covering, set covering, p-median,
 * p-center) with their constraints, model reduction, and the solvers (a lazy-greedy heuristic with swap search and
 * an exact CP-SAT model) that return immutable results stating objective, bound, gap and status. Pure computation:
 * it receives matrices and never reads files, databases or road networks.
 */
package dev.outpost.siting;
