/**
 * The synthetic demo city 示范市 ("Demo City"): seeded, deterministic generation of districts, a road network (OSM
 * XML), stations, candidate host sites and demand points, all clearly labelled SYNTHETIC. Depends only on JTS and
 * commons-csv; the entry point is {@link dev.outpost.democity.DemoCityGenerator}.
 */
package dev.outpost.democity;
