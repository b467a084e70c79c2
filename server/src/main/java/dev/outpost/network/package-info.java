/**
 * The road network seen by the rest of Outpost: travel modes, the {@link dev.outpost.network.RoadNetwork} interface
 * (travel times, isochrones, nearest facility by time, reach matrices, routes) and its immutable result values. Pure:
 * no routing engine types appear here; the GraphHopper implementation lives in {@code network.graphhopper}.
 */
package dev.outpost.network;
