package dev.outpost.report;

import dev.outpost.coverage.CoverageTotals;
import dev.outpost.dataio.XlsxWriter;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.review.AreaHeadline;
import dev.outpost.review.AreaReview;
import dev.outpost.review.GapReview;
import dev.outpost.review.GroupReview;
import dev.outpost.review.ProposedSite;
import dev.outpost.review.StationUse;
import dev.outpost.review.TrendPoint;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationStatus;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The XLSX workbook of a review: sheets for the summary, coverage per worker group, stations by kind and status
 * against the target, subareas, gaps, the trend and station use. Numbers are written unrounded (shares 0–1), missing
 * values as empty cells. Stateless; thread-safe.
 */
public final class XlsxReport {
    /** Sheet names, in order. */
    public static final String SUMMARY = "概况 Summary";

    public static final String COVERAGE = "覆盖 Coverage";
    public static final String STATIONS = "站点 Stations";
    public static final String SUBAREAS = "下辖区域 Subareas";
    public static final String GAPS = "缺口 Gaps";
    public static final String TREND = "趋势 Trend";
    public static final String USE = "站点使用 Station use";

    private XlsxReport() {}

    /** The workbook as bytes. */
    public static byte[] write(AreaReview review, ZoneId zone) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxWriter.write(sheets(review, zone), out);
        return out.toByteArray();
    }

    /** The workbook's tables. */
    public static List<XlsxWriter.Sheet> sheets(AreaReview r, ZoneId zone) {
        AreaHeadline a = r.area();
        List<XlsxWriter.Sheet> sheets = new ArrayList<>();

        List<List<?>> summary = new ArrayList<>();
        summary.add(row("区域 region", r.regionName() + " (" + r.regionCode() + ")"));
        summary.add(row("名称 name", a.name()));
        summary.add(row("代码 code", a.code()));
        summary.add(row("级别 level", a.level().code()));
        summary.add(row("上级 parent", a.parentCode()));
        summary.add(row("人口 population", a.population()));
        summary.add(row("运营站点 open stations", a.openStations()));
        summary.add(row("站点目标 min_stations", a.minStationsTarget()));
        summary.add(row("站点达标 meets station target", a.meetsStationTarget()));
        summary.add(row("覆盖目标 coverage_15min", a.coverage15Target()));
        summary.add(row("重点群体 focus group", r.focusGroup().code()));
        summary.add(row("生成时间 generated", LocalDateTime.ofInstant(r.generatedAt(), zone)));
        sheets.add(new XlsxWriter.Sheet(SUMMARY, List.of("项目 item", "值 value"), summary));

        List<List<?>> coverage = new ArrayList<>();
        for (GroupReview g : r.groups()) {
            CoverageTotals t = g.totals();
            coverage.add(Arrays.asList(
                    g.group().code(),
                    g.group().labelZh(),
                    g.modeCode(),
                    t == null ? null : t.cellCount(),
                    t == null ? null : t.demand(),
                    t == null ? null : t.covered5(),
                    t == null ? null : t.covered10(),
                    t == null ? null : t.covered15(),
                    t == null ? null : t.covered20(),
                    num(g.share(5)),
                    num(g.share(10)),
                    num(g.share(15)),
                    num(g.share(20)),
                    a.coverage15Target(),
                    a.meetsCoverageTarget(g.group()),
                    g.runId(),
                    g.unavailableReason()));
        }
        sheets.add(new XlsxWriter.Sheet(
                COVERAGE,
                List.of(
                        "group",
                        "群体",
                        "mode",
                        "cells",
                        "demand",
                        "covered_5min",
                        "covered_10min",
                        "covered_15min",
                        "covered_20min",
                        "share_5min",
                        "share_10min",
                        "share_15min",
                        "share_20min",
                        "target_15min",
                        "meets_target",
                        "run_id",
                        "note"),
                coverage));

        List<List<?>> stations = new ArrayList<>();
        for (StationKind k : StationKind.values()) {
            stations.add(List.of(
                    k.code(),
                    k.labelZh(),
                    a.stations().count(k, StationStatus.OPEN),
                    a.stations().count(k, StationStatus.PLANNED),
                    a.stations().count(k, StationStatus.CLOSED),
                    a.stations().ofKind(k)));
        }
        stations.add(List.of(
                "total",
                "合计",
                a.stations().withStatus(StationStatus.OPEN),
                a.stations().withStatus(StationStatus.PLANNED),
                a.stations().withStatus(StationStatus.CLOSED),
                a.stations().total()));
        stations.add(Arrays.asList("min_stations", "站点目标", a.minStationsTarget(), null, null, null));
        sheets.add(
                new XlsxWriter.Sheet(STATIONS, List.of("kind", "类型", "open", "planned", "closed", "total"), stations));

        List<String> subHeader = new ArrayList<>(List.of(
                "code", "名称", "level", "population", "open_stations", "all_stations", "min_stations", "target_15min"));
        for (WorkerGroup g : WorkerGroup.values()) {
            subHeader.add(g.code() + "_demand");
            subHeader.add(g.code() + "_covered_15min");
            subHeader.add(g.code() + "_share_15min");
        }
        List<List<?>> subs = new ArrayList<>();
        for (AreaHeadline c : r.children()) {
            List<Object> row = new ArrayList<>(Arrays.asList(
                    c.code(),
                    c.name(),
                    c.level().code(),
                    c.population(),
                    c.openStations(),
                    c.stations().total(),
                    c.minStationsTarget(),
                    c.coverage15Target()));
            for (WorkerGroup g : WorkerGroup.values()) {
                CoverageTotals t = c.coverage().get(g);
                row.add(t == null ? null : t.demand());
                row.add(t == null ? null : t.covered15());
                row.add(num(c.share15(g)));
            }
            subs.add(row);
        }
        sheets.add(new XlsxWriter.Sheet(SUBAREAS, subHeader, subs));

        List<List<?>> gaps = new ArrayList<>();
        for (GapReview g : r.gaps()) {
            gaps.add(Arrays.asList(
                    g.rank(),
                    g.regionRank(),
                    g.cellsInArea(),
                    g.demandInArea(),
                    g.demand(),
                    num(g.minMinutes()),
                    num(g.maxMinutes()),
                    g.unreachableCells(),
                    g.centre().lat(),
                    g.centre().lon(),
                    g.proposedSites().stream().map(XlsxReport::site).collect(Collectors.joining("; ")),
                    g.proposedCoveredDemand()));
        }
        sheets.add(new XlsxWriter.Sheet(
                GAPS,
                List.of(
                        "rank",
                        "region_rank",
                        "cells_in_area",
                        "demand_in_area",
                        "gap_demand",
                        "min_minutes",
                        "max_minutes",
                        "unreachable_cells",
                        "lat",
                        "lon",
                        "proposed_sites",
                        "proposed_covered_demand"),
                gaps));

        List<List<?>> trend = new ArrayList<>();
        for (GroupReview g : r.groups()) {
            for (TrendPoint t : g.trend()) {
                trend.add(Arrays.asList(
                        g.group().code(), t.date(), t.runId(), t.demand(), t.covered15(), num(t.share15())));
            }
        }
        sheets.add(new XlsxWriter.Sheet(
                TREND, List.of("group", "date", "run_id", "demand", "covered_15min", "share_15min"), trend));

        List<List<?>> use = new ArrayList<>();
        for (StationUse u : r.usage().stations()) {
            use.add(Arrays.asList(
                    u.stationId(),
                    u.name(),
                    u.kind().code(),
                    u.visitsPerDay(),
                    u.littleUsed(),
                    String.join(",", u.reasons()),
                    u.demandWithinLimit(),
                    u.sharedDemand(),
                    u.overlapShare()));
        }
        sheets.add(new XlsxWriter.Sheet(
                USE,
                List.of(
                        "station_id",
                        "名称",
                        "kind",
                        "visits_per_day",
                        "little_used",
                        "reasons",
                        "demand_within_limit",
                        "shared_demand",
                        "overlap_share"),
                use));
        return sheets;
    }

    private static List<?> row(String key, Object value) {
        return Arrays.asList(key, value);
    }

    private static Double num(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String site(ProposedSite s) {
        return (s.siteName() == null ? "" : s.siteName() + " ") + "[" + s.scenarioName() + " #" + s.scenarioId() + ", "
                + s.status() + "]";
    }
}
