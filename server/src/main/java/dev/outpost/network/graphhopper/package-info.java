/**
 * The GraphHopper 11 implementation of {@link dev.outpost.network.RoadNetwork}: OSM import with a checksum-keyed graph
 * cache, one routing profile per travel mode, fast bounded Dijkstra searches over compact per-mode arrays, and
 * isochrone contours. The only package that imports {@code com.graphhopper}; no GraphHopper type leaves it.
 */
package dev.outpost.network.graphhopper;
