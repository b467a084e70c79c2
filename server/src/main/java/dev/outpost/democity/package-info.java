/**
 * The synthetic demo city 示范市 ("Demo City"): seeded, deterministic generation of districts, a road network (OSM
 * XML), stations, candidate host sites and demand points, all clearly labelled SYNTHETIC. Uses only {@code geo}, JTS,
 * Jackson and commons-csv.
 */
package dev.outpost.democity;
