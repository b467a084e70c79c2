package dev.outpost.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.coverage.AreaCoverage;
import dev.outpost.coverage.CellOutcome;
import dev.outpost.coverage.CoverageRunInfo;
import dev.outpost.coverage.CoverageSettings;
import dev.outpost.coverage.CoverageSummary;
import dev.outpost.coverage.CoverageTotals;
import dev.outpost.coverage.GapArea;
import dev.outpost.coverage.StationCoverage;
import dev.outpost.geo.HexGrid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * JSON shapes of the coverage API. Numbers that may be undefined (shares without demand, minutes of unreached cells)
 * are written as null, never as NaN. Compact geometries have 6 decimals (about 0.1 m). Stateless.
 */
final class CoverageJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CoverageJson() {}

    static Map<String, Object> summary(CoverageSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", s.regionCode());
        m.put("group", s.group().code());
        m.put("groupLabel", s.group().labelZh());
        m.put("mode", s.mode().code());
        m.put("limitMinutes", s.settings().limitMinutes());
        m.put("searchLimitMinutes", s.settings().searchLimitMinutes());
        m.put("bandsMinutes", CoverageSettings.BANDS_MINUTES);
        m.put("runId", s.runId());
        m.put("basedOnRunId", s.basedOnRunId());
        m.put("computedAt", s.computedAt().toString());
        m.put("networkVersionId", s.networkVersionId());
        m.put("demandLayerId", s.demandLayerId());
        m.put("stationChanges", s.stationChanges());
        m.put("overall", totals(s.overall()));
        m.put("level", s.breakdown().level().code());
        List<Map<String, Object>> areas = new ArrayList<>();
        for (AreaCoverage a : s.breakdown().areas()) {
            Map<String, Object> area = new LinkedHashMap<>();
            area.put("code", a.code());
            area.put("name", a.name());
            area.put("level", a.level().code());
            area.put("parentCode", a.parentCode());
            area.putAll(totals(a.totals()));
            areas.add(area);
        }
        m.put("areas", areas);
        m.put("unassigned", totals(s.breakdown().unassigned()));
        return m;
    }

    static Map<String, Object> totals(CoverageTotals t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cells", t.cellCount());
        m.put("stations", t.stationCount());
        m.put("demand", round(t.demand(), 3));
        Map<String, Object> share = new LinkedHashMap<>();
        Map<String, Object> demand = new LinkedHashMap<>();
        for (int band : CoverageSettings.BANDS_MINUTES) {
            share.put(Integer.toString(band), share(t.shareAt(band)));
            demand.put(Integer.toString(band), round(t.coveredAt(band), 3));
        }
        m.put("coveredShare", share);
        m.put("coveredDemand", demand);
        m.put("coveredShareWithinLimit", share(t.shareWithinLimit()));
        m.put("coveredDemandWithinLimit", round(t.coveredWithinLimit(), 3));
        m.put("gapDemand", round(t.gapDemand(), 3));
        m.put("unreachableDemand", round(t.unreachableDemand(), 3));
        m.put("offNetworkDemand", round(t.offNetworkDemand(), 3));
        return m;
    }

    static Map<String, Object> run(CoverageRunInfo r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("group", r.group().code());
        m.put("mode", r.mode().code());
        m.put("limitMinutes", r.settings().limitMinutes());
        m.put("searchLimitMinutes", r.settings().searchLimitMinutes());
        m.put("networkVersionId", r.networkVersionId());
        m.put("demandLayerId", r.demandLayerId());
        m.put("createdAt", r.createdAt().toString());
        m.put("parameters", r.parameters());
        m.put("overall", totals(r.totals()));
        return m;
    }

    static Map<String, Object> cell(CellOutcome c, HexGrid grid) {
        Map<String, Object> p = new LinkedHashMap<>();
        String h3 = HexGrid.address(c.cell());
        p.put("h3", h3);
        p.put("minutes", c.minutes() == null ? null : round(c.minutes(), 2));
        p.put("stationId", c.stationId());
        p.put("status", c.status().code());
        p.put("weight", round(c.weight(), 3));
        return GeoJson.feature(h3, hexagon(grid.boundary(c.cell())), p);
    }

    /** A cell's hexagon as a GeoJSON Polygon with 6-decimal coordinates, written directly (no JTS writer). */
    static Map<String, Object> hexagon(Polygon hex) {
        Coordinate[] cs = hex.getExteriorRing().getCoordinates();
        double[][] ring = new double[cs.length][];
        for (int i = 0; i < cs.length; i++) {
            ring[i] = new double[] {round(cs[i].x, 6), round(cs[i].y, 6)};
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("type", "Polygon");
        g.put("coordinates", new double[][][] {ring});
        return g;
    }

    static Map<String, Object> gap(GapArea g) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rank", g.rank());
        p.put("demand", round(g.demand(), 3));
        p.put("cells", g.cellCount());
        p.put("minMinutes", minutes(g.minMinutes()));
        p.put("maxMinutes", minutes(g.maxMinutes()));
        p.put("unreachableCells", g.unreachableCells());
        return GeoJson.feature(g.rank(), geometry6(g.area()), p);
    }

    static Map<String, Object> station(StationCoverage s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stationId", s.stationId());
        m.put("onNetwork", s.onNetwork());
        m.put("demandWithinLimit", round(s.demandWithinLimit(), 3));
        m.put("cellsWithinLimit", s.cellsWithinLimit());
        m.put("catchmentDemand", round(s.catchmentDemand(), 3));
        m.put("catchmentCoveredDemand", round(s.catchmentCoveredDemand(), 3));
        m.put("catchmentCells", s.cellsWithinLimit() < 0 ? 0 : s.catchmentCells());
        return m;
    }

    /** A JTS geometry as GeoJSON with 6 decimals. */
    static JsonNode geometry6(Geometry geometry) {
        GeoJsonWriter w = new GeoJsonWriter(6);
        w.setEncodeCRS(false);
        try {
            return MAPPER.readTree(w.write(geometry));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode geometry", e);
        }
    }

    static Double minutes(double minutes) {
        return Double.isNaN(minutes) ? null : round(minutes, 2);
    }

    static Double share(double share) {
        return Double.isNaN(share) ? null : round(share, 4);
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
