package dev.outpost.http;

import dev.outpost.coverage.CoverageTotals;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.review.AreaHeadline;
import dev.outpost.review.AreaReview;
import dev.outpost.review.GapReview;
import dev.outpost.review.GroupReview;
import dev.outpost.review.ProposedSite;
import dev.outpost.review.StationTally;
import dev.outpost.review.StationUse;
import dev.outpost.review.TrendPoint;
import dev.outpost.review.UsageReview;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON shapes of the review API. Coverage figures use the coverage API's shape ({@link CoverageJson#totals}); shares
 * are 0–1 with 4 decimals, undefined numbers are null. Stateless.
 */
final class ReviewJson {
    private ReviewJson() {}

    static Map<String, Object> headline(AreaHeadline h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", h.code());
        m.put("name", h.name());
        m.put("level", h.level().code());
        m.put("levelLabel", h.level().labelZh());
        m.put("parentCode", h.parentCode());
        m.put("population", h.population());
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("minStations", h.minStationsTarget());
        targets.put("coverage15min", h.coverage15Target());
        m.put("targets", targets);
        m.put("stations", tally(h.stations()));
        m.put("meetsStationTarget", h.meetsStationTarget());
        Map<String, Object> coverage = new LinkedHashMap<>();
        for (Map.Entry<WorkerGroup, CoverageTotals> e : h.coverage().entrySet()) {
            Map<String, Object> t = CoverageJson.totals(e.getValue());
            t.put("meetsTarget", h.meetsCoverageTarget(e.getKey()));
            coverage.put(e.getKey().code(), t);
        }
        m.put("coverage", coverage);
        return m;
    }

    static Map<String, Object> tally(StationTally t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", t.total());
        for (StationStatus s : StationStatus.values()) {
            m.put(s.code(), t.withStatus(s));
        }
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (StationKind k : StationKind.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", k.labelZh());
            for (StationStatus s : StationStatus.values()) {
                row.put(s.code(), t.count(k, s));
            }
            row.put("total", t.ofKind(k));
            byKind.put(k.code(), row);
        }
        m.put("byKind", byKind);
        return m;
    }

    static Map<String, Object> review(AreaReview r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", r.regionCode());
        m.put("regionName", r.regionName());
        m.put("generatedAt", r.generatedAt().toString());
        m.put("focusGroup", r.focusGroup().code());
        m.put("bbox", new double[] {
            r.bbox().minLon(), r.bbox().minLat(), r.bbox().maxLon(), r.bbox().maxLat()
        });
        m.put("area", headline(r.area()));
        m.put("childLevel", r.childLevel() == null ? null : r.childLevel().code());
        m.put("children", r.children().stream().map(ReviewJson::headline).toList());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (GroupReview g : r.groups()) {
            groups.add(group(g, r.area()));
        }
        m.put("groups", groups);
        m.put("usage", usage(r.usage()));
        m.put("gaps", r.gaps().stream().map(ReviewJson::gap).toList());
        String q = "?region=" + enc(r.regionCode()) + "&group=" + r.focusGroup().code();
        Map<String, Object> reports = new LinkedHashMap<>();
        reports.put("pdf", "/api/reports/" + enc(r.area().code()) + ".pdf" + q);
        reports.put("xlsx", "/api/reports/" + enc(r.area().code()) + ".xlsx" + q);
        m.put("reports", reports);
        return m;
    }

    static Map<String, Object> group(GroupReview g, AreaHeadline area) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", g.group().code());
        m.put("label", g.group().labelZh());
        m.put("labelEn", g.group().labelEn());
        m.put("available", g.available());
        m.put("unavailableReason", g.unavailableReason());
        m.put("mode", g.modeCode());
        m.put("limitMinutes", g.available() ? g.limitMinutes() : null);
        m.put("runId", g.runId());
        m.put("computedAt", g.computedAt() == null ? null : g.computedAt().toString());
        m.put("figures", g.available() ? CoverageJson.totals(g.totals()) : null);
        m.put("target15min", area.coverage15Target());
        m.put("meetsTarget", area.meetsCoverageTarget(g.group()));
        List<Map<String, Object>> trend = new ArrayList<>();
        for (TrendPoint t : g.trend()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("date", t.date().toString());
            p.put("runId", t.runId());
            p.put("createdAt", t.createdAt().toString());
            p.put("demand", CoverageJson.round(t.demand(), 3));
            p.put("covered15", CoverageJson.round(t.covered15(), 3));
            p.put("share15", CoverageJson.share(t.share15()));
            trend.add(p);
        }
        m.put("trend", trend);
        return m;
    }

    static Map<String, Object> usage(UsageReview u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recorded", u.recorded());
        m.put("from", u.from().toString());
        m.put("to", u.to().toString());
        m.put("thresholdVisitsPerDay", u.thresholdVisitsPerDay());
        m.put("bottomQuartileVisitsPerDay", u.bottomQuartileVisitsPerDay());
        m.put("group", u.group().code());
        m.put("littleUsedCount", u.littleUsed().size());
        List<Map<String, Object>> stations = new ArrayList<>();
        for (StationUse s : u.stations()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("stationId", s.stationId());
            p.put("name", s.name());
            p.put("kind", s.kind().code());
            p.put("kindLabel", s.kind().labelZh());
            p.put("status", s.status().code());
            p.put("lat", s.location().lat());
            p.put("lon", s.location().lon());
            p.put("visitsPerDay", s.visitsPerDay() == null ? null : CoverageJson.round(s.visitsPerDay(), 3));
            p.put("littleUsed", s.littleUsed());
            p.put("reasons", s.reasons());
            p.put(
                    "demandWithinLimit",
                    s.demandWithinLimit() == null ? null : CoverageJson.round(s.demandWithinLimit(), 3));
            p.put("sharedDemand", s.sharedDemand() == null ? null : CoverageJson.round(s.sharedDemand(), 3));
            p.put("overlapShare", s.overlapShare() == null ? null : CoverageJson.share(s.overlapShare()));
            stations.add(p);
        }
        m.put("stations", stations);
        return m;
    }

    static Map<String, Object> gap(GapReview g) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rank", g.rank());
        p.put("regionRank", g.regionRank());
        p.put("cellsInArea", g.cellsInArea());
        p.put("demandInArea", CoverageJson.round(g.demandInArea(), 3));
        p.put("demand", CoverageJson.round(g.demand(), 3));
        p.put("minMinutes", CoverageJson.minutes(g.minMinutes()));
        p.put("maxMinutes", CoverageJson.minutes(g.maxMinutes()));
        p.put("unreachableCells", g.unreachableCells());
        p.put("centre", GeoJson.point(g.centre().lon(), g.centre().lat()));
        List<Map<String, Object>> sites = new ArrayList<>();
        for (ProposedSite s : g.proposedSites()) {
            Map<String, Object> site = new LinkedHashMap<>();
            site.put("scenarioId", s.scenarioId());
            site.put("scenarioName", s.scenarioName());
            site.put("siteName", s.siteName());
            site.put("status", s.status());
            site.put("lat", s.location().lat());
            site.put("lon", s.location().lon());
            sites.add(site);
        }
        p.put("proposedSites", sites);
        p.put("proposedCoveredDemand", CoverageJson.round(g.proposedCoveredDemand(), 3));
        p.put("area", CoverageJson.geometry6(g.area()));
        return p;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
