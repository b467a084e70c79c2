package dev.outpost.coverage;

import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.geo.Geometries;
import dev.outpost.geo.LatLon;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds the administrative area a point lies in, per level, with prepared boundaries in an STR-tree. A point on a
 * shared border goes to the area with the smallest code. Levels are kept consistent: when a point lies in a
 * subdistrict whose parent is a known district, it is assigned to that district (so subdistrict figures always add
 * up to their district's), and only otherwise is the district looked up by its own boundary.
 *
 * <p>Immutable and thread-safe after construction (queries of a built STR-tree and of prepared geometries are safe
 * for concurrent readers).
 */
public final class AreaIndex {
    private final Map<AreaLevel, List<District>> areas = new EnumMap<>(AreaLevel.class);
    private final Map<AreaLevel, STRtree> trees = new EnumMap<>(AreaLevel.class);
    private final Map<AreaLevel, Map<String, Integer>> byCode = new EnumMap<>(AreaLevel.class);

    /** @param districts areas of one region, any levels */
    public AreaIndex(List<District> districts) {
        for (AreaLevel level : AreaLevel.values()) {
            List<District> ofLevel = new ArrayList<>();
            for (District d : districts) {
                if (d.level() == level) {
                    ofLevel.add(d);
                }
            }
            ofLevel.sort(Comparator.comparing(District::code));
            STRtree tree = new STRtree();
            Map<String, Integer> codes = new HashMap<>();
            for (int i = 0; i < ofLevel.size(); i++) {
                District d = ofLevel.get(i);
                PreparedGeometry prepared = PreparedGeometryFactory.prepare(d.boundary());
                tree.insert(d.boundary().getEnvelopeInternal(), new Entry(i, prepared));
                codes.put(d.code(), i);
            }
            tree.build();
            areas.put(level, Collections.unmodifiableList(ofLevel));
            trees.put(level, tree);
            byCode.put(level, codes);
        }
    }

    private record Entry(int index, PreparedGeometry boundary) {}

    /** The areas of a level, ordered by code (unmodifiable). */
    public List<District> areas(AreaLevel level) {
        return areas.get(level);
    }

    /** Whether there are areas of this level. */
    public boolean has(AreaLevel level) {
        return !areas.get(level).isEmpty();
    }

    /**
     * For each point, the index (into {@link #areas(AreaLevel)}) of the area of {@code level} it lies in, or -1.
     * Finer levels are looked up first and their parents used, as described above.
     */
    public int[] assign(List<LatLon> points, AreaLevel level) {
        int[] out = new int[points.size()];
        AreaLevel finer = finerLevelWithAreas(level);
        int[] fine = finer == null ? null : assign(points, finer);
        for (int p = 0; p < out.length; p++) {
            int viaChild = -1;
            if (fine != null && fine[p] >= 0) {
                String parent = areas.get(finer).get(fine[p]).parentCode();
                Integer i = parent == null ? null : byCode.get(level).get(parent);
                if (i != null) {
                    viaChild = i;
                }
            }
            out[p] = viaChild >= 0 ? viaChild : locate(points.get(p), level);
        }
        return out;
    }

    /** The index of the area of {@code level} whose boundary contains the point, or -1 (no parent rule). */
    public int locate(LatLon point, AreaLevel level) {
        Point pt = Geometries.point(point);
        @SuppressWarnings("unchecked")
        List<Entry> hits = trees.get(level).query(new Envelope(point.lon(), point.lon(), point.lat(), point.lat()));
        int best = -1;
        for (Entry e : hits) {
            if ((best < 0 || e.index() < best) && e.boundary().covers(pt)) {
                best = e.index();
            }
        }
        return best;
    }

    private AreaLevel finerLevelWithAreas(AreaLevel level) {
        AreaLevel[] all = AreaLevel.values();
        for (int i = level.ordinal() + 1; i < all.length; i++) {
            if (has(all[i])) {
                return all[i];
            }
        }
        return null;
    }
}
