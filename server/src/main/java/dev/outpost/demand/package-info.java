/**
 * Where outdoor workers need rest points: demand layers per worker group (riders and couriers, ride-hailing drivers,
 * truck drivers) on the H3 hexagonal grid, built from weighted points, H3 cells, OpenStreetMap proxies or district
 * population; the storage interface {@code store} implements. Pure: uses only {@code geo}, {@code district} and JTS.
 */
package dev.outpost.demand;
