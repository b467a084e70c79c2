package dev.outpost.democity;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The generated OSM data in local metres: nodes and ways with their final OSM ids (positive, increasing in file
 * order), plus the facts the station and demand planners need. Immutable after construction.
 */
final class RoadNetwork {
    /** An OSM node at local metres (x, y). */
    record Node(long id, double x, double y) {}

    /** An OSM way; tags are sorted by key, which is the order they are written in. */
    record Way(long id, long[] nodeIds, SortedMap<String, String> tags) {
        Way {
            nodeIds = nodeIds.clone();
            tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
        }

        @Override
        public long[] nodeIds() {
            return nodeIds.clone();
        }

        int nodeCount() {
            return nodeIds.length;
        }

        long nodeId(int k) {
            return nodeIds[k];
        }

        String tag(String key) {
            return tags.get(key);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Way w && w.id == id && Arrays.equals(w.nodeIds, nodeIds) && w.tags.equals(tags);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id) * 31 + Arrays.hashCode(nodeIds);
        }

        @Override
        public String toString() {
            return "Way[" + id + ", " + tags + "]";
        }
    }

    /**
     * A place on a named street where a station or a shop can stand: local metres, the street's class and name, and
     * the distance along the street's axis (for house numbers).
     */
    record RoadPoint(double x, double y, String highway, Names.RoadName name, double alongMeters) {}

    /** A point of interest in local metres. */
    record Spot(double x, double y) {}

    final List<Node> nodes;
    final List<Way> ways;
    final List<RoadPoint> roadPoints;
    final List<Spot> rampJunctions;
    final int bridgeCount;

    RoadNetwork(List<Node> nodes, List<Way> ways, List<RoadPoint> roadPoints, List<Spot> rampJunctions, int bridges) {
        this.nodes = List.copyOf(nodes);
        this.ways = List.copyOf(ways);
        this.roadPoints = List.copyOf(roadPoints);
        this.rampJunctions = List.copyOf(rampJunctions);
        this.bridgeCount = bridges;
    }

    long highwayWayCount() {
        return ways.stream().filter(w -> w.tag("highway") != null).count();
    }
}
