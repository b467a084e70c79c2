/**
 * Coverage of demand by stations on the road network: for every demand cell the minutes to its nearest serving
 * station (one multi-source search per worker group), covered and uncovered demand overall and per district and
 * subdistrict, gap areas, per-station service circles and catchments, incremental updates when one station changes,
 * and the application service that stores runs and keeps the latest result per group. Pure computation apart from
 * the repository interfaces that {@code store} implements.
 */
package dev.outpost.coverage;
