package dev.outpost.democity;

import dev.outpost.democity.CityConfig.Area;
import dev.outpost.democity.CityPlan.Zone;
import dev.outpost.democity.Names.RoadName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds the road network of the demo city in local metres and hands it out as OSM nodes and ways.
 *
 * <p>The streets form a gently warped lattice whose density follows the population: every line in the core, fewer
 * further out, only the 1 km arterial grid in the quiet outskirts. The river cuts the lattice and is crossed only by
 * the bridges of a few arterial rows and by the expressway; the expressway is crossed only at its two ends (at-grade),
 * at overpasses and at diamond interchanges with {@code motorway_link} ramps. A one-way couplet of rows and of
 * columns runs through the old town, residential old-town streets carry {@code hgv=no}, its tertiary streets and one
 * bridge {@code maxweight=10}. A greenway follows the west bank and a park with cycle paths sits beside the centre.
 * Only the largest connected part of the network is kept. Not thread-safe; use once.
 */
final class RoadNetworkBuilder {
    private static final double JITTER_FRACTION = 0.04;
    private static final double CARRIAGEWAY_OFFSET = 15;
    private static final double CARRIAGEWAY_STEP = 100;
    private static final double RAMP_REACH = 300;
    private static final double RAMP_MID = 100;
    private static final double RAMP_MID_OFFSET = 45;
    private static final double GREENWAY_BANK_OFFSET = 30;
    private static final double SHAPE_OFFSET = 6;
    private static final double SPUR_FRACTION = 0.38;
    private static final double SPUR_PROBABILITY = 0.06;

    private final CityPlan plan;
    private final Random random;
    private final int nx;
    private final int ny;
    private final int stride;
    private final int er;

    private double[] xs = new double[4096];
    private double[] ys = new double[4096];
    private int nodeCount;

    private final List<Draft> drafts = new ArrayList<>();

    private boolean[] inZone;
    private boolean[] rowSeg;
    private boolean[] colSeg;
    private int[] rowMid;
    private int[] colMid;
    private final List<RoadName> rowNames = new ArrayList<>();
    private final List<RoadName> colNames = new ArrayList<>();
    private final List<int[]> logisticsRects = new ArrayList<>();
    private int centreI;
    private int centreJ;
    private int parkI0;
    private int parkJ0;
    private int coupletRow;
    private int coupletColumn;
    private final List<Integer> bridgeRows = new ArrayList<>();
    private final List<Integer> overpassColumns = new ArrayList<>();
    private final List<Integer> interchangeColumns = new ArrayList<>();
    private final List<RoadNetwork.Spot> rampJunctions = new ArrayList<>();
    private int bridges;

    /** A way before ids are assigned; nodes are store indices. */
    private static final class Draft {
        final int[] nodes;
        final TreeMap<String, String> tags;
        final RoadName name;
        final boolean column;

        Draft(int[] nodes, TreeMap<String, String> tags, RoadName name, boolean column) {
            this.nodes = nodes;
            this.tags = tags;
            this.name = name;
            this.column = column;
        }
    }

    RoadNetworkBuilder(CityPlan plan, long seed) {
        this.plan = plan;
        this.random = Seeds.random(seed, "roads");
        this.nx = plan.nx;
        this.ny = plan.ny;
        this.stride = nx + 1;
        this.er = plan.expresswayRow;
    }

    RoadNetwork build() {
        placeLandmarks();
        nameLines();
        createLattice();
        decideSegments();
        for (int j = 0; j <= ny; j++) {
            buildLine(false, j);
        }
        for (int i = 0; i <= nx; i++) {
            buildLine(true, i);
        }
        buildBridges();
        buildExpressway();
        buildGreenway();
        buildSpurs();
        keepLargestComponent();
        int roadDrafts = drafts.size();
        buildAreas();
        return finish(roadDrafts);
    }

    // ---- layout of special places ----

    private void placeLandmarks() {
        centreI = plan.column(plan.centreX() / plan.width);
        centreJ = plan.row(plan.centreY() / plan.height);
        parkI0 = 5 * Math.floorDiv(centreI - 2, 5);
        parkJ0 = 5 * Math.floorDiv(centreJ, 5) - 5;
        coupletRow = centreJ + 1;
        while (coupletRow % 5 == 0 || coupletRow % 5 == 4) {
            coupletRow++;
        }
        coupletColumn = centreI + 2;
        while (coupletColumn % 5 == 0 || coupletColumn % 5 == 4) {
            coupletColumn++;
        }
        requireInland("park", parkI0, parkI0 + 4, parkJ0, parkJ0 + 4);
        requireInland("one-way rows", centreI - 8, centreI + 8, coupletRow, coupletRow + 1);
        requireInland("one-way columns", coupletColumn, coupletColumn + 1, centreJ - 7, centreJ + 7);
        for (double v : plan.config.bridgeV()) {
            int row = plan.arterialRow(v);
            if (row <= 0 || row >= ny || row == er || row == er + 1 || bridgeRows.contains(row)) {
                throw new IllegalStateException("bridge row " + row + " (v " + v + ") is unusable");
            }
            bridgeRows.add(row);
        }
        for (double u : plan.config.overpassU()) {
            overpassColumns.add(crossingColumn(u));
        }
        for (double u : plan.config.interchangeU()) {
            interchangeColumns.add(crossingColumn(u));
        }
        for (Area park : plan.config.logisticsParks()) {
            logisticsRects.add(
                    new int[] {plan.column(park.u0()), plan.column(park.u1()), plan.row(park.v0()), plan.row(park.v1())
                    });
        }
    }

    private int crossingColumn(double u) {
        int column = plan.arterialColumn(u);
        double x = column * plan.spacing;
        double y = plan.expresswayY(x);
        if (column <= 0
                || column >= nx
                || plan.nearRiver(x - RAMP_REACH - 50, y, CityPlan.RIVER_MARGIN_METERS + 20)
                || plan.nearRiver(x + RAMP_REACH + 50, y, CityPlan.RIVER_MARGIN_METERS + 20)
                || plan.nearRiver(x, y, RAMP_REACH + CityPlan.RIVER_MARGIN_METERS + 100)
                || overpassColumns.contains(column)
                || interchangeColumns.contains(column)) {
            throw new IllegalStateException("expressway crossing column " + column + " (u " + u + ") is unusable");
        }
        return column;
    }

    private void requireInland(String what, int i0, int i1, int j0, int j1) {
        if (i0 < 1 || i1 >= nx || j0 < 1 || j1 >= ny || (j0 <= er + 1 && j1 >= er)) {
            throw new IllegalStateException(what + " lies outside the lattice or on the expressway");
        }
        for (int i = i0; i <= i1; i++) {
            for (int j = j0; j <= j1; j++) {
                if (plan.nearRiver(i * plan.spacing, j * plan.spacing, 400)) {
                    throw new IllegalStateException(what + " lies too close to the river");
                }
            }
        }
    }

    private void nameLines() {
        List<Names.Stem> stems = Names.shuffledStems(random);
        for (int j = 0; j <= ny; j++) {
            rowNames.add(Names.road(stems, j, lineClass(j), false));
        }
        for (int i = 0; i <= nx; i++) {
            colNames.add(Names.road(stems, ny + 1 + i, lineClass(i), true));
        }
    }

    // ---- lattice ----

    private int addNode(double x, double y) {
        if (nodeCount == xs.length) {
            xs = Arrays.copyOf(xs, xs.length * 2);
            ys = Arrays.copyOf(ys, ys.length * 2);
        }
        xs[nodeCount] = x;
        ys[nodeCount] = y;
        return nodeCount++;
    }

    private int lattice(int i, int j) {
        return j * stride + i;
    }

    private void createLattice() {
        double jitter = JITTER_FRACTION * plan.spacing;
        for (int j = 0; j <= ny; j++) {
            for (int i = 0; i <= nx; i++) {
                double dx = Seeds.uniform(random, -jitter, jitter);
                double dy = Seeds.uniform(random, -jitter, jitter);
                double x = plan.latticeX(i, j) + (i == 0 || i == nx ? 0 : dx);
                double y = plan.latticeY(i, j) + (j == 0 || j == ny ? 0 : dy);
                addNode(x, y);
            }
        }
        inZone = new boolean[nodeCount];
        for (int k = 0; k < nodeCount; k++) {
            inZone[k] = plan.inRiverZone(xs[k], ys[k]);
        }
    }

    static String lineClass(int k) {
        if (k % 10 == 0) {
            return "primary";
        } else if (k % 5 == 0) {
            return "secondary";
        } else if (k % 5 == 2) {
            return "tertiary";
        }
        return "residential";
    }

    private static boolean linePresent(int k, Zone zone) {
        if (k % 5 == 0) {
            return true;
        }
        switch (zone) {
            case CORE:
                return true;
            case URBAN:
                return k % 5 == 2 || k % 5 == 3;
            case SUBURBAN:
                return k % 5 == 3;
            default:
                return false;
        }
    }

    private boolean inLogistics(double x, double y) {
        for (int[] r : logisticsRects) {
            if (x >= r[0] * plan.spacing
                    && x <= r[1] * plan.spacing
                    && y >= r[2] * plan.spacing
                    && y <= r[3] * plan.spacing) {
                return true;
            }
        }
        return false;
    }

    private Zone zoneAt(double x, double y) {
        Zone zone = plan.zone(x, y);
        if (inLogistics(x, y) && zone.compareTo(Zone.URBAN) > 0) {
            return Zone.URBAN;
        }
        return zone;
    }

    private boolean parkInteriorRow(int j, int t) {
        return j > parkJ0 && j < parkJ0 + 4 && t >= parkI0 && t + 1 <= parkI0 + 4;
    }

    private boolean parkInteriorColumn(int i, int t) {
        return i > parkI0 && i < parkI0 + 4 && t >= parkJ0 && t + 1 <= parkJ0 + 4;
    }

    private boolean inParkCell(int ci, int cj) {
        return ci >= parkI0 && ci < parkI0 + 4 && cj >= parkJ0 && cj < parkJ0 + 4;
    }

    private void decideSegments() {
        rowSeg = new boolean[(ny + 1) * nx];
        rowMid = new int[(ny + 1) * nx];
        colSeg = new boolean[(nx + 1) * ny];
        colMid = new int[(nx + 1) * ny];
        Arrays.fill(rowMid, -1);
        Arrays.fill(colMid, -1);
        for (int j = 0; j <= ny; j++) {
            for (int t = 0; t < nx; t++) {
                int s = j * nx + t;
                rowSeg[s] = decide(j, lattice(t, j), lattice(t + 1, j), parkInteriorRow(j, t));
                if (rowSeg[s] && !parkInteriorRow(j, t)) {
                    rowMid[s] = shapeNode(j, j == 0 || j == ny, lattice(t, j), lattice(t + 1, j));
                }
            }
        }
        for (int i = 0; i <= nx; i++) {
            for (int t = 0; t < ny; t++) {
                int s = i * ny + t;
                boolean crossesExpressway = t == er;
                colSeg[s] = !crossesExpressway && decide(i, lattice(i, t), lattice(i, t + 1), parkInteriorColumn(i, t));
                if (colSeg[s] && !parkInteriorColumn(i, t)) {
                    colMid[s] = shapeNode(i, i == 0 || i == nx, lattice(i, t), lattice(i, t + 1));
                }
            }
        }
    }

    private boolean decide(int line, int a, int b, boolean park) {
        if (park) {
            return true;
        }
        double mx = (xs[a] + xs[b]) / 2;
        double my = (ys[a] + ys[b]) / 2;
        return linePresent(line, zoneAt(mx, my))
                && !inZone[a]
                && !inZone[b]
                && !plan.hitsRiverZone(xs[a], ys[a], xs[b], ys[b]);
    }

    /** Perhaps a shape node near the middle of segment a–b, off the line except on the city's edge. */
    private int shapeNode(int line, boolean cityEdge, int a, int b) {
        double mx = (xs[a] + xs[b]) / 2;
        double my = (ys[a] + ys[b]) / 2;
        Zone zone = zoneAt(mx, my);
        boolean curvy = zone == Zone.SUBURBAN || zone == Zone.QUIET || (line % 5 == 0 && zone != Zone.CORE);
        if (!curvy || random.nextDouble() >= plan.config.shapeNodeProbability()) {
            return -1;
        }
        double dx = xs[b] - xs[a];
        double dy = ys[b] - ys[a];
        double len = StrictMath.hypot(dx, dy);
        double offset = cityEdge ? 0 : Seeds.uniform(random, -SHAPE_OFFSET, SHAPE_OFFSET);
        double x = mx - dy / len * offset;
        double y = my + dx / len * offset;
        if (plan.hitsRiverZone(xs[a], ys[a], x, y, xs[b], ys[b])) {
            return -1;
        }
        return addNode(x, y);
    }

    // ---- ways along lattice lines ----

    /** +1: one-way in the direction of increasing index; -1: against it; 0: two-way. */
    private int onewayDirection(boolean column, int line, int t) {
        if (!column && (line == coupletRow || line == coupletRow + 1) && t >= centreI - 8 && t < centreI + 8) {
            return line == coupletRow ? 1 : -1;
        }
        if (column && (line == coupletColumn || line == coupletColumn + 1) && t >= centreJ - 7 && t < centreJ + 7) {
            return line == coupletColumn ? 1 : -1;
        }
        return 0;
    }

    private TreeMap<String, String> segmentTags(boolean column, int line, int t, int a, int b) {
        TreeMap<String, String> tags = new TreeMap<>();
        boolean park = column ? parkInteriorColumn(line, t) : parkInteriorRow(line, t);
        if (park) {
            tags.put("highway", "cycleway");
            tags.put("name", "中央公园绿道");
            tags.put("name:en", "Central Park Greenway");
            tags.put("bicycle", "designated");
            tags.put("foot", "designated");
            return tags;
        }
        double mx = (xs[a] + xs[b]) / 2;
        double my = (ys[a] + ys[b]) / 2;
        String highway = lineClass(line);
        if (line % 5 != 0 && inLogistics(mx, my)) {
            highway = "tertiary";
        }
        RoadName name = column ? colNames.get(line) : rowNames.get(line);
        roadTags(tags, highway, name);
        boolean oldTown =
                StrictMath.hypot(mx - plan.centreX(), my - plan.centreY()) <= plan.config.oldTownRadiusMeters()
                        && plan.zone(mx, my) == Zone.CORE;
        if (oldTown && highway.equals("residential")) {
            tags.put("hgv", "no");
        }
        if (oldTown && highway.equals("tertiary")) {
            tags.put("maxweight", "10");
        }
        if (onewayDirection(column, line, t) != 0) {
            tags.put("oneway", "yes");
        }
        return tags;
    }

    private static void roadTags(TreeMap<String, String> tags, String highway, RoadName name) {
        tags.put("highway", highway);
        tags.put("name", name.zh());
        tags.put("name:en", name.en());
        switch (highway) {
            case "primary":
                tags.put("maxspeed", "60");
                tags.put("lanes", "6");
                break;
            case "secondary":
                tags.put("maxspeed", "50");
                tags.put("lanes", "4");
                break;
            case "tertiary":
                tags.put("maxspeed", "40");
                break;
            default:
                tags.put("maxspeed", "30");
                break;
        }
    }

    private void buildLine(boolean column, int line) {
        int n = column ? ny : nx;
        List<Integer> current = null;
        TreeMap<String, String> currentTags = null;
        int currentDirection = 0;
        for (int t = 0; t < n; t++) {
            int s = column ? line * ny + t : line * nx + t;
            boolean present = column ? colSeg[s] : rowSeg[s];
            if (!present) {
                flush(current, currentTags, currentDirection, column, line);
                current = null;
                continue;
            }
            int a = column ? lattice(line, t) : lattice(t, line);
            int b = column ? lattice(line, t + 1) : lattice(t + 1, line);
            TreeMap<String, String> tags = segmentTags(column, line, t, a, b);
            int direction = onewayDirection(column, line, t);
            if (current == null || t % 5 == 0 || !tags.equals(currentTags)) {
                flush(current, currentTags, currentDirection, column, line);
                current = new ArrayList<>();
                current.add(a);
                currentTags = tags;
                currentDirection = direction;
            }
            int mid = column ? colMid[s] : rowMid[s];
            if (mid >= 0) {
                current.add(mid);
            }
            current.add(b);
        }
        flush(current, currentTags, currentDirection, column, line);
    }

    private void flush(List<Integer> nodes, TreeMap<String, String> tags, int direction, boolean column, int line) {
        if (nodes == null || nodes.size() < 2) {
            return;
        }
        int[] refs = nodes.stream().mapToInt(Integer::intValue).toArray();
        if (direction < 0) {
            reverse(refs);
        }
        RoadName name =
                "cycleway".equals(tags.get("highway")) ? null : column ? colNames.get(line) : rowNames.get(line);
        drafts.add(new Draft(refs, tags, name, column));
    }

    private static void reverse(int[] a) {
        for (int l = 0, r = a.length - 1; l < r; l++, r--) {
            int t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
    }

    // ---- bridges over the river ----

    private void buildBridges() {
        List<Integer> byDistance = new ArrayList<>(bridgeRows);
        byDistance.sort((p, q) -> Integer.compare(Math.abs(p - centreJ), Math.abs(q - centreJ)));
        for (int row : bridgeRows) {
            int west = -1;
            int east = -1;
            for (int i = 1; i <= nx; i++) {
                int k = lattice(i, row);
                if (rowSeg[row * nx + i - 1] && plan.westOfRiver(xs[k], ys[k])) {
                    west = i;
                }
            }
            for (int i = nx - 1; i >= 0; i--) {
                int k = lattice(i, row);
                if (rowSeg[row * nx + i] && !plan.westOfRiver(xs[k], ys[k])) {
                    east = i;
                }
            }
            if (west < 0 || east < 0 || east <= west) {
                throw new IllegalStateException("no banks found for the bridge on row " + row);
            }
            RoadName name = rowNames.get(row);
            TreeMap<String, String> tags = new TreeMap<>();
            roadTags(tags, lineClass(row), name);
            tags.put("bridge", "yes");
            tags.put("layer", "1");
            tags.put("bridge:name", name.stem().zh() + "大桥");
            int rank = byDistance.indexOf(row);
            if (rank == 0) {
                tags.put("maxweight", "10");
            } else if (rank == 1) {
                tags.put("hgv", "no");
            }
            drafts.add(new Draft(new int[] {lattice(west, row), lattice(east, row)}, tags, name, false));
            bridges++;
        }
    }

    // ---- expressway ----

    private void buildExpressway() {
        int westEnd = addNode(0, plan.expresswayY(0));
        int eastEnd = addNode(plan.width, plan.expresswayY(plan.width));
        int steps = (int) StrictMath.round(plan.width / CARRIAGEWAY_STEP);
        List<Integer> south = new ArrayList<>();
        List<Integer> north = new ArrayList<>();
        south.add(westEnd);
        north.add(westEnd);
        for (int k = 1; k < steps; k++) {
            double x = k * CARRIAGEWAY_STEP;
            double ySouth = plan.expresswayY(x) - CARRIAGEWAY_OFFSET;
            double yNorth = plan.expresswayY(x) + CARRIAGEWAY_OFFSET;
            if (!plan.inRiverZone(x, ySouth)) {
                south.add(addNode(x, ySouth));
            }
            if (!plan.inRiverZone(x, yNorth)) {
                north.add(addNode(x, yNorth));
            }
        }
        south.add(eastEnd);
        north.add(eastEnd);
        List<Integer> westbound = new ArrayList<>(north);
        Collections.reverse(westbound);
        carriageway(south);
        carriageway(westbound);

        // at-grade ends: the edge avenues meet the expressway's end points
        for (int[] end : new int[][] {{0, westEnd}, {nx, eastEnd}}) {
            int i = end[0];
            TreeMap<String, String> tags = new TreeMap<>();
            roadTags(tags, lineClass(i), colNames.get(i));
            drafts.add(new Draft(new int[] {lattice(i, er), end[1], lattice(i, er + 1)}, tags, colNames.get(i), true));
        }
        List<Integer> crossings = new ArrayList<>(overpassColumns);
        crossings.addAll(interchangeColumns);
        crossings.sort(Integer::compare);
        for (int i : crossings) {
            int a = lattice(i, er);
            int b = lattice(i, er + 1);
            if (inZone[a] || inZone[b] || plan.hitsRiverZone(xs[a], ys[a], xs[b], ys[b])) {
                throw new IllegalStateException("overpass on column " + i + " touches the river");
            }
            TreeMap<String, String> tags = new TreeMap<>();
            roadTags(tags, lineClass(i), colNames.get(i));
            tags.put("bridge", "yes");
            tags.put("layer", "1");
            drafts.add(new Draft(new int[] {a, b}, tags, colNames.get(i), true));
            if (interchangeColumns.contains(i)) {
                ramps(a, b, south, north);
            }
        }
    }

    private void carriageway(List<Integer> nodes) {
        List<Integer> run = new ArrayList<>();
        run.add(nodes.get(0));
        for (int k = 1; k < nodes.size(); k++) {
            int p = nodes.get(k - 1);
            int q = nodes.get(k);
            if (plan.hitsRiverZone(xs[p], ys[p], xs[q], ys[q])) {
                motorway(run, false);
                motorway(List.of(p, q), true);
                bridges++;
                run = new ArrayList<>();
                run.add(q);
            } else {
                run.add(q);
            }
        }
        motorway(run, false);
    }

    private void motorway(List<Integer> nodes, boolean bridge) {
        if (nodes.size() < 2) {
            return;
        }
        TreeMap<String, String> tags = new TreeMap<>();
        tags.put("highway", "motorway");
        tags.put("name", "滨海高速");
        tags.put("name:en", "Binhai Expressway");
        tags.put("ref", "S99");
        tags.put("oneway", "yes");
        tags.put("maxspeed", "100");
        tags.put("lanes", "3");
        tags.put("bicycle", "no");
        tags.put("foot", "no");
        if (bridge) {
            tags.put("bridge", "yes");
            tags.put("layer", "1");
        }
        drafts.add(new Draft(nodes.stream().mapToInt(Integer::intValue).toArray(), tags, null, false));
    }

    /** A diamond interchange: driving on the right, eastbound on the south carriageway. */
    private void ramps(int southJunction, int northJunction, List<Integer> south, List<Integer> north) {
        double xa = xs[southJunction];
        double xb = xs[northJunction];
        int offSouth = nearestCarriagewayNode(south, xa - RAMP_REACH);
        int onSouth = nearestCarriagewayNode(south, xa + RAMP_REACH);
        int offNorth = nearestCarriagewayNode(north, xb + RAMP_REACH);
        int onNorth = nearestCarriagewayNode(north, xb - RAMP_REACH);
        ramp(offSouth, midRamp(xa - RAMP_MID, -1), southJunction);
        ramp(southJunction, midRamp(xa + RAMP_MID, -1), onSouth);
        ramp(offNorth, midRamp(xb + RAMP_MID, 1), northJunction);
        ramp(northJunction, midRamp(xb - RAMP_MID, 1), onNorth);
        rampJunctions.add(new RoadNetwork.Spot(xa, ys[southJunction]));
        rampJunctions.add(new RoadNetwork.Spot(xb, ys[northJunction]));
    }

    private int midRamp(double x, int side) {
        return addNode(x, plan.expresswayY(x) + side * RAMP_MID_OFFSET);
    }

    private int nearestCarriagewayNode(List<Integer> carriageway, double x) {
        int best = -1;
        for (int k : carriageway) {
            if (best < 0 || StrictMath.abs(xs[k] - x) < StrictMath.abs(xs[best] - x)) {
                best = k;
            }
        }
        if (StrictMath.abs(xs[best] - x) > CARRIAGEWAY_STEP) {
            throw new IllegalStateException("no carriageway node near x " + x + " for a ramp");
        }
        return best;
    }

    private void ramp(int from, int mid, int to) {
        TreeMap<String, String> tags = new TreeMap<>();
        tags.put("highway", "motorway_link");
        tags.put("oneway", "yes");
        tags.put("maxspeed", "40");
        tags.put("bicycle", "no");
        tags.put("foot", "no");
        drafts.add(new Draft(new int[] {from, mid, to}, tags, null, false));
    }

    // ---- greenway on the west bank ----

    private void buildGreenway() {
        int firstRow = er + 2;
        int lastRow = ny - 1;
        TreeMap<Double, Integer> connectors = new TreeMap<>();
        for (int j = firstRow; j <= lastRow; j += 2) {
            if (bridgeRows.contains(j)) {
                continue;
            }
            int west = -1;
            for (int i = 1; i < nx; i++) {
                int k = lattice(i, j);
                if (rowSeg[j * nx + i - 1] && plan.westOfRiver(xs[k], ys[k])) {
                    west = i;
                }
            }
            if (west > 0 && inZone[lattice(west + 1, j)]) {
                connectors.put(ys[lattice(west, j)], lattice(west, j));
            }
        }
        if (connectors.size() < 2) {
            return;
        }
        TreeSet<Double> heights = new TreeSet<>(connectors.keySet());
        double y0 = connectors.firstKey();
        double y1 = connectors.lastKey();
        for (double y = y0 + CityPlan.RIVER_SAMPLE_METERS; y < y1; y += CityPlan.RIVER_SAMPLE_METERS) {
            Double below = heights.floor(y);
            Double above = heights.ceiling(y);
            boolean crowded = (below != null && y - below < 15) || (above != null && above - y < 15);
            if (!crowded) {
                heights.add(y);
            }
        }
        List<Integer> path = new ArrayList<>();
        for (double y : heights) {
            double x = plan.riverX(y) - plan.riverHalfWidth(y) - GREENWAY_BANK_OFFSET;
            int g = addNode(x, y);
            path.add(g);
            Integer street = connectors.get(y);
            if (street != null) {
                TreeMap<String, String> tags = new TreeMap<>();
                tags.put("highway", "cycleway");
                tags.put("bicycle", "designated");
                tags.put("foot", "designated");
                drafts.add(new Draft(new int[] {street, g}, tags, null, false));
            }
        }
        TreeMap<String, String> tags = new TreeMap<>();
        tags.put("highway", "cycleway");
        tags.put("name", "滨江绿道");
        tags.put("name:en", "Binjiang Greenway");
        tags.put("bicycle", "designated");
        tags.put("foot", "designated");
        drafts.add(new Draft(path.stream().mapToInt(Integer::intValue).toArray(), tags, null, false));
    }

    // ---- service spurs into blocks ----

    private void buildSpurs() {
        int[][] directions = {{1, 1}, {-1, 1}, {1, -1}, {-1, -1}};
        boolean[] used = usedNodes();
        for (int j = 1; j < ny; j++) {
            for (int i = 1; i < nx; i++) {
                int a = lattice(i, j);
                if (!used[a]) {
                    continue;
                }
                Zone zone = plan.zone(xs[a], ys[a]);
                if (zone != Zone.CORE && zone != Zone.URBAN) {
                    continue;
                }
                if (random.nextDouble() >= SPUR_PROBABILITY) {
                    continue;
                }
                int[] d = directions[random.nextInt(directions.length)];
                int ci = i + Math.min(0, d[0]);
                int cj = j + Math.min(0, d[1]);
                if (cj == er || inParkCell(ci, cj)) {
                    continue;
                }
                int diagonal = lattice(i + d[0], j + d[1]);
                double x = xs[a] + SPUR_FRACTION * (xs[diagonal] - xs[a]);
                double y = ys[a] + SPUR_FRACTION * (ys[diagonal] - ys[a]);
                if (plan.inRiverZone(x, y) || plan.hitsRiverZone(xs[a], ys[a], x, y)) {
                    continue;
                }
                TreeMap<String, String> tags = new TreeMap<>();
                tags.put("highway", "service");
                tags.put("service", "alley");
                drafts.add(new Draft(new int[] {a, addNode(x, y)}, tags, null, false));
            }
        }
    }

    private boolean[] usedNodes() {
        boolean[] used = new boolean[nodeCount];
        for (Draft d : drafts) {
            for (int k : d.nodes) {
                used[k] = true;
            }
        }
        return used;
    }

    // ---- connectivity ----

    private void keepLargestComponent() {
        int[] parent = new int[nodeCount];
        for (int k = 0; k < nodeCount; k++) {
            parent[k] = k;
        }
        for (Draft d : drafts) {
            for (int k = 1; k < d.nodes.length; k++) {
                union(parent, d.nodes[k - 1], d.nodes[k]);
            }
        }
        boolean[] used = usedNodes();
        int[] size = new int[nodeCount];
        int best = -1;
        for (int k = 0; k < nodeCount; k++) {
            if (used[k]) {
                int root = find(parent, k);
                size[root]++;
                if (best < 0 || size[root] > size[best]) {
                    best = root;
                }
            }
        }
        int keep = best;
        drafts.removeIf(d -> find(parent, d.nodes[0]) != keep);
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    // ---- areas: water, parks, industry ----

    private void buildAreas() {
        Polygon water = plan.riverBand(0, 0, plan.height);
        TreeMap<String, String> waterTags = new TreeMap<>();
        waterTags.put("natural", "water");
        waterTags.put("water", "river");
        waterTags.put("name", "白鹭江");
        waterTags.put("name:en", "Bailu River");
        drafts.add(new Draft(ring(water.getExteriorRing().getCoordinates()), waterTags, null, false));

        Coordinate[] centre = plan.riverCentreLine().getCoordinates();
        int[] line = new int[centre.length];
        for (int k = 0; k < centre.length; k++) {
            line[k] = addNode(centre[k].x, centre[k].y);
        }
        TreeMap<String, String> riverTags = new TreeMap<>();
        riverTags.put("waterway", "river");
        riverTags.put("name", "白鹭江");
        riverTags.put("name:en", "Bailu River");
        drafts.add(new Draft(line, riverTags, null, false));

        TreeMap<String, String> parkTags = new TreeMap<>();
        parkTags.put("leisure", "park");
        parkTags.put("name", "中央公园");
        parkTags.put("name:en", "Central Park");
        drafts.add(new Draft(latticeRectangle(parkI0, parkI0 + 4, parkJ0, parkJ0 + 4, -12), parkTags, null, false));

        for (int p = 0; p < logisticsRects.size(); p++) {
            int[] r = logisticsRects.get(p);
            Area area = plan.config.logisticsParks().get(p);
            TreeMap<String, String> tags = new TreeMap<>();
            tags.put("landuse", "industrial");
            tags.put("industrial", "logistics");
            tags.put("name", area.nameZh());
            tags.put("name:en", area.nameEn());
            drafts.add(new Draft(latticeRectangle(r[0], r[1], r[2], r[3], 20), tags, null, false));
        }
    }

    /** A closed ring of new nodes at the corners of a lattice rectangle, moved outwards by {@code outset} metres. */
    private int[] latticeRectangle(int i0, int i1, int j0, int j1, double outset) {
        int[][] corners = {{i0, j0, -1, -1}, {i1, j0, 1, -1}, {i1, j1, 1, 1}, {i0, j1, -1, 1}};
        Coordinate[] cs = new Coordinate[5];
        for (int k = 0; k < 4; k++) {
            int[] c = corners[k];
            int n = lattice(c[0], c[1]);
            cs[k] = new Coordinate(xs[n] + c[2] * outset, ys[n] + c[3] * outset);
        }
        cs[4] = cs[0];
        return ring(cs);
    }

    private int[] ring(Coordinate[] closed) {
        int[] refs = new int[closed.length];
        for (int k = 0; k < closed.length - 1; k++) {
            refs[k] = addNode(closed[k].x, closed[k].y);
        }
        refs[closed.length - 1] = refs[0];
        return refs;
    }

    // ---- ids and road points ----

    private RoadNetwork finish(int roadDrafts) {
        long[] ids = new long[nodeCount];
        boolean[] used = usedNodes();
        List<RoadNetwork.Node> nodes = new ArrayList<>();
        long next = 1;
        for (int k = 0; k < nodeCount; k++) {
            if (used[k]) {
                ids[k] = next++;
                nodes.add(new RoadNetwork.Node(ids[k], xs[k], ys[k]));
            }
        }
        List<RoadNetwork.Way> ways = new ArrayList<>();
        for (int w = 0; w < drafts.size(); w++) {
            Draft d = drafts.get(w);
            long[] refs = new long[d.nodes.length];
            for (int k = 0; k < refs.length; k++) {
                refs[k] = ids[d.nodes[k]];
            }
            ways.add(new RoadNetwork.Way(w + 1, refs, d.tags));
        }
        // a place on a named street for each node, taken from the highest-ranked street through it
        int[] bestRank = new int[nodeCount];
        Draft[] best = new Draft[nodeCount];
        for (int w = 0; w < roadDrafts; w++) {
            Draft d = drafts.get(w);
            int rank = placeRank(d);
            if (rank == 0) {
                continue;
            }
            for (int k : d.nodes) {
                if (rank > bestRank[k]) {
                    bestRank[k] = rank;
                    best[k] = d;
                }
            }
        }
        List<RoadNetwork.RoadPoint> points = new ArrayList<>();
        for (int k = 0; k < nodeCount; k++) {
            if (best[k] != null) {
                Draft d = best[k];
                points.add(new RoadNetwork.RoadPoint(
                        xs[k], ys[k], d.tags.get("highway"), d.name, d.column ? ys[k] : xs[k]));
            }
        }
        return new RoadNetwork(nodes, ways, points, rampJunctions, bridges);
    }

    private static int placeRank(Draft d) {
        if (d.name == null || d.tags.containsKey("bridge")) {
            return 0;
        }
        switch (d.tags.get("highway")) {
            case "primary":
                return 4;
            case "secondary":
                return 3;
            case "tertiary":
                return 2;
            case "residential":
                return 1;
            default:
                return 0;
        }
    }
}
