package dev.outpost.democity;

import dev.outpost.democity.AdminAreas.AdminArea;
import dev.outpost.democity.CityConfig.DistrictSpec;
import dev.outpost.democity.CityConfig.MacroRegion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.noding.snapround.GeometryNoder;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Cuts the city rectangle into districts and subdistricts, in local metres on a 1 cm grid so that neighbours share
 * their boundary vertices exactly.
 *
 * <p>The river and the expressway cut the city into four macro regions; a district takes one or more whole regions,
 * or a Voronoi share of a region it splits with other districts. Subdistricts are Voronoi cells of seed points inside
 * their district (denser seeds where more people live), clipped to the district. Population is the city's total
 * spread by the density surface. Not thread-safe; use once.
 */
final class AdminAreaBuilder {
    private static final PrecisionModel CENTIMETRES = new PrecisionModel(100);
    private static final String CITY_CODE_PREFIX = "4499";

    private final CityPlan plan;
    private final Random random;
    private final GeometryFactory factory;

    AdminAreaBuilder(CityPlan plan, long seed) {
        this.plan = plan;
        this.random = Seeds.random(seed, "areas");
        this.factory = plan.factory;
    }

    AdminAreas build() {
        Map<MacroRegion, Polygon> regions = macroRegions();
        List<DistrictSpec> specs = plan.config.districts();
        List<Geometry> districtShapes = new ArrayList<>();
        for (DistrictSpec spec : specs) {
            Geometry shape = null;
            for (MacroRegion region : spec.regions()) {
                Geometry part = shareOfRegion(spec, region, regions.get(region), specs);
                shape = shape == null ? part : OverlayNG.overlay(shape, part, OverlayNG.UNION, CENTIMETRES);
            }
            districtShapes.add(singlePolygon(shape, "district " + spec.nameZh()).norm());
        }

        List<Names.Stem> stems = Names.shuffledStems(Seeds.random(random.nextLong(), "subdistrict-names"));
        int stemIndex = 0;
        List<Draft> districtDrafts = new ArrayList<>();
        List<Draft> subDrafts = new ArrayList<>();
        for (int d = 0; d < specs.size(); d++) {
            DistrictSpec spec = specs.get(d);
            String code = CITY_CODE_PREFIX + spec.codeSuffix();
            Geometry shape = districtShapes.get(d);
            Coordinate districtSeat = new Coordinate(spec.seedU() * plan.width, spec.seedV() * plan.height);
            if (!shape.contains(factory.createPoint(districtSeat))) {
                districtSeat = shape.getInteriorPoint().getCoordinate();
            }
            Draft district = new Draft(code, spec.nameZh(), spec.nameEn(), null, shape, districtSeat);
            districtDrafts.add(district);
            List<Draft> parts = subdivide(district, spec.subdistricts());
            for (int k = 0; k < parts.size(); k++) {
                Draft part = parts.get(k);
                Names.Stem stem = stems.get(stemIndex++);
                subDrafts.add(new Draft(
                        code + String.format(java.util.Locale.ROOT, "%03d", k + 1),
                        stem.zh() + "街道",
                        stem.en() + " Subdistrict",
                        code,
                        part.shape,
                        part.seat));
            }
        }
        return withPopulation(districtDrafts, subDrafts);
    }

    private static final class Draft {
        final String code;
        final String nameZh;
        final String nameEn;
        final String parentCode;
        final Geometry shape;
        final Coordinate seat;

        Draft(String code, String nameZh, String nameEn, String parentCode, Geometry shape, Coordinate seat) {
            this.code = code;
            this.nameZh = nameZh;
            this.nameEn = nameEn;
            this.parentCode = parentCode;
            this.shape = shape;
            this.seat = seat;
        }
    }

    // ---- macro regions ----

    private Map<MacroRegion, Polygon> macroRegions() {
        List<Geometry> lines = new ArrayList<>();
        Polygon city = (Polygon) factory.toGeometry(new Envelope(0, plan.width, 0, plan.height));
        lines.add(city.getExteriorRing());
        lines.add(plan.riverCentreLine());
        lines.add(plan.expresswayCentreLine());
        @SuppressWarnings("unchecked")
        Collection<Geometry> noded = new GeometryNoder(CENTIMETRES).node(lines);
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        Map<MacroRegion, Polygon> regions = new EnumMap<>(MacroRegion.class);
        for (Object o : polygonizer.getPolygons()) {
            // JTS may start a face's ring at any vertex (its internal order depends on object identity);
            // the normal form makes everything downstream independent of that
            Polygon face = (Polygon) ((Polygon) o).norm();
            Coordinate c = face.getInteriorPoint().getCoordinate();
            boolean west = plan.westOfRiver(c.x, c.y);
            boolean north = c.y > plan.expresswayY(c.x);
            MacroRegion region = north
                    ? (west ? MacroRegion.NORTH_WEST : MacroRegion.NORTH_EAST)
                    : (west ? MacroRegion.SOUTH_WEST : MacroRegion.SOUTH_EAST);
            if (regions.put(region, face) != null) {
                throw new IllegalStateException("the river and expressway cut the city into more than four parts");
            }
        }
        if (regions.size() != 4) {
            throw new IllegalStateException("expected four macro regions, got " + regions.keySet());
        }
        return regions;
    }

    private Geometry shareOfRegion(DistrictSpec spec, MacroRegion region, Polygon shape, List<DistrictSpec> all) {
        List<DistrictSpec> sharing = new ArrayList<>();
        for (DistrictSpec other : all) {
            if (other.regions().contains(region)) {
                sharing.add(other);
            }
        }
        if (sharing.size() == 1) {
            return shape;
        }
        List<Coordinate> sites = new ArrayList<>();
        for (DistrictSpec s : sharing) {
            sites.add(new Coordinate(s.seedU() * plan.width, s.seedV() * plan.height));
        }
        Coordinate own = new Coordinate(spec.seedU() * plan.width, spec.seedV() * plan.height);
        return OverlayNG.overlay(voronoiCell(sites, own), shape, OverlayNG.INTERSECTION, CENTIMETRES);
    }

    private Geometry voronoiCell(List<Coordinate> sites, Coordinate site) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        Envelope clip = new Envelope(-plan.width, 2 * plan.width, -plan.height, 2 * plan.height);
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(factory);
        Geometry point = factory.createPoint(site);
        for (int k = 0; k < diagram.getNumGeometries(); k++) {
            Geometry cell = diagram.getGeometryN(k);
            if (cell.contains(point)) {
                return cell;
            }
        }
        throw new IllegalStateException("no Voronoi cell contains site " + site);
    }

    private static Geometry singlePolygon(Geometry g, String what) {
        if (g instanceof Polygon && !g.isEmpty()) {
            return g;
        }
        if (g.getNumGeometries() == 1 && g.getGeometryN(0) instanceof Polygon) {
            return g.getGeometryN(0);
        }
        throw new IllegalStateException(what + " is not a single polygon: " + g.getGeometryType());
    }

    // ---- subdistricts ----

    private List<Draft> subdivide(Draft district, int count) {
        if (count == 1) {
            return List.of(district);
        }
        double area = district.shape.getArea();
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(district.shape);
        for (int attempt = 0; attempt < 200; attempt++) {
            List<Coordinate> seeds = seeds(district.shape, prepared, count);
            List<Draft> parts = new ArrayList<>();
            boolean ok = seeds.size() == count;
            for (int k = 0; ok && k < seeds.size(); k++) {
                Geometry cell = voronoiCell(seeds, seeds.get(k));
                Geometry part = OverlayNG.overlay(cell, district.shape, OverlayNG.INTERSECTION, CENTIMETRES);
                if (part.getNumGeometries() != 1
                        || !(part.getGeometryN(0) instanceof Polygon)
                        || part.getArea() < 0.3 * area / count) {
                    ok = false;
                } else {
                    parts.add(new Draft(
                            null, null, null, null, part.getGeometryN(0).norm(), seeds.get(k)));
                }
            }
            if (ok) {
                // codes run north to south, then west to east, like reading a map
                parts.sort(Comparator.comparingDouble((Draft p) -> -StrictMath.round(p.seat.y / 1000.0))
                        .thenComparingDouble(p -> p.seat.x));
                return parts;
            }
        }
        throw new IllegalStateException("could not split " + district.nameZh + " into " + count + " subdistricts");
    }

    private List<Coordinate> seeds(Geometry shape, PreparedGeometry prepared, int count) {
        Envelope env = shape.getEnvelopeInternal();
        double spacing = 0.55 * StrictMath.sqrt(shape.getArea() / count);
        List<Coordinate> seeds = new ArrayList<>();
        for (int draw = 0; draw < 20_000 && seeds.size() < count; draw++) {
            double x = Seeds.uniform(random, env.getMinX(), env.getMaxX());
            double y = Seeds.uniform(random, env.getMinY(), env.getMaxY());
            double accept = 0.3 + 0.7 * StrictMath.sqrt(StrictMath.min(1, plan.relativeDensity(x, y)));
            if (random.nextDouble() >= accept) {
                continue;
            }
            if (!prepared.contains(factory.createPoint(new Coordinate(x, y)))) {
                continue;
            }
            boolean free = true;
            for (Coordinate s : seeds) {
                if (StrictMath.hypot(s.x - x, s.y - y) < spacing) {
                    free = false;
                    break;
                }
            }
            if (free) {
                seeds.add(new Coordinate(x, y));
            }
        }
        return seeds;
    }

    // ---- population and targets ----

    private AdminAreas withPopulation(List<Draft> districtDrafts, List<Draft> subDrafts) {
        int n = subDrafts.size();
        double[] raw = new double[n];
        IndexedPointInAreaLocator[] locators = new IndexedPointInAreaLocator[n];
        Envelope[] envelopes = new Envelope[n];
        for (int k = 0; k < n; k++) {
            locators[k] = new IndexedPointInAreaLocator(subDrafts.get(k).shape);
            envelopes[k] = subDrafts.get(k).shape.getEnvelopeInternal();
        }
        double step = plan.config.populationGridMeters();
        double total = 0;
        for (double y = step / 2; y < plan.height; y += step) {
            for (double x = step / 2; x < plan.width; x += step) {
                if (plan.nearRiver(x, y, 0)) {
                    continue;
                }
                Coordinate c = new Coordinate(x, y);
                for (int k = 0; k < n; k++) {
                    if (envelopes[k].contains(c) && locators[k].locate(c) != Location.EXTERIOR) {
                        double d = plan.density(x, y);
                        raw[k] += d;
                        total += d;
                        break;
                    }
                }
            }
        }
        double scale = plan.config.totalPopulation() / total;
        List<AdminArea> subs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Draft s = subDrafts.get(k);
            long population = 10 * StrictMath.round(raw[k] * scale / 10);
            int minStations = (int) StrictMath.max(
                    1, (population + plan.config.peoplePerStation() - 1) / plan.config.peoplePerStation());
            subs.add(new AdminArea(
                    s.code,
                    s.nameZh,
                    s.nameEn,
                    "subdistrict",
                    s.parentCode,
                    s.shape,
                    population,
                    minStations,
                    0.9,
                    s.seat));
        }
        List<AdminArea> districts = new ArrayList<>();
        for (Draft d : districtDrafts) {
            long population = 0;
            int minStations = 0;
            for (AdminArea s : subs) {
                if (s.parentCode().equals(d.code)) {
                    population += s.population();
                    minStations += s.minStations();
                }
            }
            districts.add(new AdminArea(
                    d.code, d.nameZh, d.nameEn, "district", null, d.shape, population, minStations, 0.9, d.seat));
        }
        return new AdminAreas(districts, subs);
    }
}
