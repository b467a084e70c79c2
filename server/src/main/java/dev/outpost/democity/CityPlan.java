package dev.outpost.democity;

import dev.outpost.democity.CityConfig.Centre;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The large-scale shape of the city in local metres: the meandering river, the expressway, the gently warped street
 * lattice, and the population density that decides how dense the streets are. Deterministic for a seed; immutable.
 *
 * <p>The street lattice has {@code nx × ny} cells of {@code spacing} metres; every fifth line is an arterial. The
 * expressway runs between lattice rows {@code expresswayRow} and {@code expresswayRow + 1}, following the same warp,
 * so that those two rows stay about half a spacing away from it everywhere.
 */
final class CityPlan {
    /** Road-free margin on each side of the river, metres; the greenway runs inside it. */
    static final double RIVER_MARGIN_METERS = 60;

    static final double RIVER_SAMPLE_METERS = 50;

    private static final double TWO_PI = 2 * StrictMath.PI;

    final CityConfig config;
    final LocalFrame frame;
    final double width;
    final double height;
    final double spacing;
    final int nx;
    final int ny;
    final int expresswayRow;
    final GeometryFactory factory = new GeometryFactory();

    private final double riverPhase1;
    private final double riverPhase2;
    private final double riverPhase3;
    private final double warpPhaseX;
    private final double warpPhaseY;
    private final double warpAmplitudeX;
    private final double warpAmplitudeY;
    private final double maxDensity;

    private final Polygon riverZone;
    private final PreparedGeometry riverZonePrepared;

    enum Zone {
        CORE,
        URBAN,
        SUBURBAN,
        QUIET
    }

    CityPlan(CityConfig config, long seed) {
        this.config = config;
        this.width = config.widthMeters();
        this.height = config.heightMeters();
        this.spacing = config.spacingMeters();
        this.nx = (int) StrictMath.round(width / spacing);
        this.ny = (int) StrictMath.round(height / spacing);
        this.frame = new LocalFrame(config.originLon(), config.originLat(), height);
        this.expresswayRow = (int) StrictMath.floor(config.expresswayV() * ny);
        Random random = Seeds.random(seed, "plan");
        this.riverPhase1 = random.nextDouble() * TWO_PI;
        this.riverPhase2 = random.nextDouble() * TWO_PI;
        this.riverPhase3 = random.nextDouble() * TWO_PI;
        this.warpPhaseX = random.nextDouble() * TWO_PI;
        this.warpPhaseY = random.nextDouble() * TWO_PI;
        this.warpAmplitudeX = 0.2 * spacing;
        this.warpAmplitudeY = 0.2 * spacing;
        double max = 0;
        for (Centre c : config.centres()) {
            max = StrictMath.max(max, density(c.u() * width, c.v() * height));
        }
        this.maxDensity = max;
        this.riverZone = riverBand(RIVER_MARGIN_METERS, -RIVER_SAMPLE_METERS, height + RIVER_SAMPLE_METERS);
        this.riverZonePrepared = PreparedGeometryFactory.prepare(riverZone);
    }

    // ---- river ----

    /** The x of the river's centre line at height y, metres. */
    double riverX(double y) {
        double a = config.riverAmplitudeMeters();
        double w = config.riverWavelengthMeters();
        return config.riverU() * width
                + a * StrictMath.sin(TWO_PI * y / w + riverPhase1)
                + 0.3 * a * StrictMath.sin(TWO_PI * y / (0.37 * w) + riverPhase2);
    }

    /** Half the river's width at height y, metres. */
    double riverHalfWidth(double y) {
        return config.riverHalfWidthMeters()
                * (1 + 0.2 * StrictMath.sin(TWO_PI * y / (0.5 * config.riverWavelengthMeters()) + riverPhase3));
    }

    /** Whether (x, y) lies within {@code marginMeters} (measured along x) of the river's water. */
    boolean nearRiver(double x, double y, double marginMeters) {
        return StrictMath.abs(x - riverX(y)) < riverHalfWidth(y) + marginMeters;
    }

    boolean westOfRiver(double x, double y) {
        return x < riverX(y);
    }

    /** Sample heights of the river, every {@link #RIVER_SAMPLE_METERS} from y0 to y1 inclusive. */
    List<Double> riverSampleHeights(double y0, double y1) {
        List<Double> ys = new ArrayList<>();
        int n = (int) StrictMath.ceil((y1 - y0) / RIVER_SAMPLE_METERS - 1e-9);
        for (int k = 0; k <= n; k++) {
            ys.add(k == n ? y1 : y0 + k * RIVER_SAMPLE_METERS);
        }
        return ys;
    }

    /** The water (margin 0) or the road-free zone (margin {@link #RIVER_MARGIN_METERS}) as a polygon. */
    Polygon riverBand(double marginMeters, double y0, double y1) {
        List<Double> ys = riverSampleHeights(y0, y1);
        List<Coordinate> ring = new ArrayList<>();
        for (double y : ys) {
            ring.add(new Coordinate(riverX(y) - riverHalfWidth(y) - marginMeters, y));
        }
        for (int k = ys.size() - 1; k >= 0; k--) {
            double y = ys.get(k);
            ring.add(new Coordinate(riverX(y) + riverHalfWidth(y) + marginMeters, y));
        }
        ring.add(new Coordinate(ring.get(0)));
        return factory.createPolygon(ring.toArray(new Coordinate[0]));
    }

    /** The river's centre line from north to south (the direction of flow). */
    LineString riverCentreLine() {
        List<Double> ys = riverSampleHeights(0, height);
        Coordinate[] cs = new Coordinate[ys.size()];
        for (int k = 0; k < cs.length; k++) {
            double y = ys.get(ys.size() - 1 - k);
            cs[k] = new Coordinate(riverX(y), y);
        }
        return factory.createLineString(cs);
    }

    boolean inRiverZone(double x, double y) {
        if (!nearRiver(x, y, RIVER_MARGIN_METERS + 5)) {
            return false;
        }
        return riverZonePrepared.intersects(factory.createPoint(new Coordinate(x, y)));
    }

    /** Whether the polyline through the given points touches the road-free river zone. */
    boolean hitsRiverZone(double... xy) {
        boolean near = false;
        double length = 0;
        for (int k = 2; k < xy.length; k += 2) {
            length += StrictMath.hypot(xy[k] - xy[k - 2], xy[k + 1] - xy[k - 1]);
        }
        for (int k = 0; k < xy.length; k += 2) {
            if (nearRiver(xy[k], xy[k + 1], RIVER_MARGIN_METERS + length + 10)) {
                near = true;
                break;
            }
        }
        if (!near) {
            return false;
        }
        Coordinate[] cs = new Coordinate[xy.length / 2];
        for (int k = 0; k < cs.length; k++) {
            cs[k] = new Coordinate(xy[2 * k], xy[2 * k + 1]);
        }
        return riverZonePrepared.intersects(factory.createLineString(cs));
    }

    // ---- lattice and expressway ----

    double warpX(double y) {
        return warpAmplitudeX * StrictMath.sin(TWO_PI * y / 4_300.0 + warpPhaseX);
    }

    double warpY(double x) {
        return warpAmplitudeY * StrictMath.sin(TWO_PI * x / 3_700.0 + warpPhaseY);
    }

    /** Unjittered x of lattice node (i, j); the city's west and east edges are straight. */
    double latticeX(int i, int j) {
        return i * spacing + (i == 0 || i == nx ? 0 : warpX(j * spacing));
    }

    /** Unjittered y of lattice node (i, j); the city's south and north edges are straight. */
    double latticeY(int i, int j) {
        return j * spacing + (j == 0 || j == ny ? 0 : warpY(i * spacing));
    }

    /** The expressway's centre line y at x, metres. */
    double expresswayY(double x) {
        return (expresswayRow + 0.5) * spacing + warpY(x);
    }

    LineString expresswayCentreLine() {
        int n = (int) StrictMath.round(width / 100.0);
        Coordinate[] cs = new Coordinate[n + 1];
        for (int k = 0; k <= n; k++) {
            double x = k == n ? width : k * 100.0;
            cs[k] = new Coordinate(x, expresswayY(x));
        }
        return factory.createLineString(cs);
    }

    /** The arterial column (a multiple of 5) nearest to the fraction u of the width. */
    int arterialColumn(double u) {
        return 5 * (int) StrictMath.round(u * nx / 5.0);
    }

    /** The arterial row (a multiple of 5) nearest to the fraction v of the height. */
    int arterialRow(double v) {
        return 5 * (int) StrictMath.round(v * ny / 5.0);
    }

    int column(double u) {
        return (int) StrictMath.round(u * nx);
    }

    int row(double v) {
        return (int) StrictMath.round(v * ny);
    }

    // ---- density ----

    /** Relative population density at (x, y): 1 at the main centre, about {@code baseDensity} far out. */
    double density(double x, double y) {
        double d = config.baseDensity();
        for (Centre c : config.centres()) {
            double dx = x - c.u() * width;
            double dy = y - c.v() * height;
            d += c.peak() * StrictMath.exp(-(dx * dx + dy * dy) / (2 * c.sigmaMeters() * c.sigmaMeters()));
        }
        return d;
    }

    /** Density scaled so that its maximum over the centres is 1. */
    double relativeDensity(double x, double y) {
        return density(x, y) / maxDensity;
    }

    Zone zone(double x, double y) {
        double d = relativeDensity(x, y);
        if (d >= 0.5) {
            return Zone.CORE;
        } else if (d >= 0.22) {
            return Zone.URBAN;
        } else if (d >= 0.08) {
            return Zone.SUBURBAN;
        }
        return Zone.QUIET;
    }

    /** The main (old-town) centre, x. */
    double centreX() {
        return config.centres().get(0).u() * width;
    }

    /** The main (old-town) centre, y. */
    double centreY() {
        return config.centres().get(0).v() * height;
    }

    boolean insideCity(double x, double y, double marginMeters) {
        return x >= marginMeters && x <= width - marginMeters && y >= marginMeters && y <= height - marginMeters;
    }
}
