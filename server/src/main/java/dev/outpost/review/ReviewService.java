package dev.outpost.review;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.coverage.AreaCoverage;
import dev.outpost.coverage.AreaIndex;
import dev.outpost.coverage.CellOutcome;
import dev.outpost.coverage.CellStatus;
import dev.outpost.coverage.CoverageRunInfo;
import dev.outpost.coverage.CoverageService;
import dev.outpost.coverage.CoverageSummary;
import dev.outpost.coverage.CoverageTotals;
import dev.outpost.coverage.GapArea;
import dev.outpost.coverage.StationCoverage;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.district.DistrictRepository;
import dev.outpost.district.Region;
import dev.outpost.district.RegionRepository;
import dev.outpost.geo.BBox;
import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import dev.outpost.station.Station;
import dev.outpost.station.StationQuery;
import dev.outpost.station.StationRepository;
import dev.outpost.station.StationStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;

/**
 * Makes coverage reviews of districts and subdistricts from the coverage service, the stations, the areas and
 * their targets, the station use source and the proposal source. Stations and cells are placed in areas with
 * {@link AreaIndex}, exactly as coverage places them, so subarea figures add up to their area's.
 *
 * <p>Stateless apart from its collaborators; thread-safe when they are.
 */
public final class ReviewService {
    private static final int MAX_GAPS_READ = 10_000;

    private final CoverageService coverage;
    private final StationRepository stations;
    private final DistrictRepository districts;
    private final RegionRepository regions;
    private final StationUsage usage;
    private final ProposalSource proposals;
    private final ReviewSettings settings;
    private final Clock clock;

    public ReviewService(
            CoverageService coverage,
            StationRepository stations,
            DistrictRepository districts,
            RegionRepository regions,
            StationUsage usage,
            ProposalSource proposals,
            ReviewSettings settings,
            Clock clock) {
        this.coverage = Objects.requireNonNull(coverage, "coverage");
        this.stations = Objects.requireNonNull(stations, "stations");
        this.districts = Objects.requireNonNull(districts, "districts");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ReviewSettings settings() {
        return settings;
    }

    /**
     * The region, which must exist.
     *
     * @throws NotFoundException naming the code
     */
    public Region region(String regionCode) {
        return regions.find(regionCode).orElseThrow(() -> new NotFoundException("unknown region '" + regionCode + "'"));
    }

    /**
     * The headline figures of every area of a level (for a choropleth), ordered by code.
     *
     * @param parentCodeOrNull only the subareas of this area; null for all
     * @throws NotFoundException for an unknown region or parent area
     */
    public List<AreaHeadline> areas(String regionCode, AreaLevel level, String parentCodeOrNull) {
        Objects.requireNonNull(level, "level");
        Context ctx = new Context(region(regionCode));
        if (parentCodeOrNull != null) {
            ctx.area(parentCodeOrNull);
        }
        List<AreaHeadline> out = new ArrayList<>();
        for (District d : ctx.index.areas(level)) {
            if (parentCodeOrNull == null || parentCodeOrNull.equals(d.parentCode())) {
                out.add(ctx.headline(d));
            }
        }
        return out;
    }

    /**
     * The review of one area.
     *
     * @param focusGroup the group whose station use, gaps and map are shown
     * @throws NotFoundException for an unknown region or area code
     */
    public AreaReview review(String regionCode, String areaCode, WorkerGroup focusGroup) {
        Objects.requireNonNull(focusGroup, "focusGroup");
        Context ctx = new Context(region(regionCode));
        District area = ctx.area(areaCode);
        AreaHeadline headline = ctx.headline(area);
        AreaLevel childLevel = childLevel(area.level());
        List<AreaHeadline> children = new ArrayList<>();
        if (childLevel != null) {
            for (District d : ctx.index.areas(childLevel)) {
                if (area.code().equals(d.parentCode())) {
                    children.add(ctx.headline(d));
                }
            }
        }
        List<GroupReview> groups = new ArrayList<>();
        for (WorkerGroup g : WorkerGroup.values()) {
            groups.add(groupReview(ctx, area, g));
        }
        UsageReview use = usageReview(ctx, area, focusGroup);
        List<GapReview> gaps = gapReviews(ctx, area, focusGroup);
        Envelope e = area.boundary().getEnvelopeInternal();
        return new AreaReview(
                ctx.region.code(),
                ctx.region.name(),
                headline,
                childLevel,
                children,
                groups,
                focusGroup,
                use,
                gaps,
                new BBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()),
                clock.instant());
    }

    /** What a map of a reviewed area shows (cells of the review's focus group). */
    public AreaMap map(AreaReview review) {
        Context ctx = new Context(region(review.regionCode()));
        District area = ctx.area(review.area().code());
        AreaLevel childLevel = childLevel(area.level());
        List<District> children = new ArrayList<>();
        if (childLevel != null) {
            for (District d : ctx.index.areas(childLevel)) {
                if (area.code().equals(d.parentCode())) {
                    children.add(d);
                }
            }
        }
        List<AreaMap.Cell> cells = new ArrayList<>();
        int resolution = 0;
        if (ctx.available(review.focusGroup())) {
            WorkerGroup g = review.focusGroup();
            resolution = coverage.resolution(review.regionCode(), g);
            HexGrid grid = new HexGrid(resolution);
            List<CellOutcome> all = coverage.cells(review.regionCode(), g, review.bbox());
            boolean[] inside = ctx.inArea(
                    area, all.stream().map(c -> grid.centre(c.cell())).toList());
            for (int i = 0; i < all.size(); i++) {
                if (inside[i]) {
                    CellOutcome c = all.get(i);
                    cells.add(new AreaMap.Cell(c.cell(), c.minutes(), c.status()));
                }
            }
        }
        Set<Long> flagged = new HashSet<>();
        for (StationUse u : review.usage().littleUsed()) {
            flagged.add(u.stationId());
        }
        return new AreaMap(area, children, resolution, cells, ctx.stationsIn(area), flagged);
    }

    static AreaLevel childLevel(AreaLevel level) {
        AreaLevel[] all = AreaLevel.values();
        return level.ordinal() + 1 < all.length ? all[level.ordinal() + 1] : null;
    }

    // ---------------------------------------------------------------------------------------------------------

    private GroupReview groupReview(Context ctx, District area, WorkerGroup g) {
        List<TrendPoint> trend = trend(ctx.region.code(), area, g);
        if (!ctx.available(g)) {
            return new GroupReview(g, null, 0, null, ctx.unavailable.get(g), null, null, trend);
        }
        CoverageSummary s = ctx.summary(g, area.level());
        CoverageTotals t = ctx.coverageOf(area.level(), area.code()).get(g);
        return new GroupReview(
                g, s.mode().code(), s.settings().limitMinutes(), t, null, s.runId(), s.computedAt(), trend);
    }

    /** The area's share per stored run day (the day's last run), oldest first. */
    private List<TrendPoint> trend(String region, District area, WorkerGroup g) {
        List<CoverageRunInfo> runs = coverage.runs(region, g, settings.trendRuns());
        Map<LocalDate, CoverageRunInfo> lastOfDay = new TreeMap<>();
        for (CoverageRunInfo r : runs) {
            LocalDate day = r.createdAt().atZone(settings.zone()).toLocalDate();
            CoverageRunInfo kept = lastOfDay.get(day);
            if (kept == null
                    || r.createdAt().isAfter(kept.createdAt())
                    || (r.createdAt().equals(kept.createdAt()) && r.id() > kept.id())) {
                lastOfDay.put(day, r);
            }
        }
        List<TrendPoint> out = new ArrayList<>();
        for (Map.Entry<LocalDate, CoverageRunInfo> e : lastOfDay.entrySet()) {
            CoverageRunInfo r = e.getValue();
            CoverageSummary s;
            try {
                s = coverage.storedSummary(region, r.id(), area.level());
            } catch (NotFoundException deletedMeanwhile) {
                continue; // the run was deleted since it was listed
            }
            for (AreaCoverage a : s.breakdown().areas()) {
                if (a.code().equals(area.code())) {
                    out.add(new TrendPoint(
                            e.getKey(),
                            r.id(),
                            r.createdAt(),
                            a.totals().demand(),
                            a.totals().covered15()));
                }
            }
        }
        return out;
    }

    private UsageReview usageReview(Context ctx, District area, WorkerGroup g) {
        String region = ctx.region.code();
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        LocalDate to = today.minusDays(1);
        LocalDate from = to.minusDays(settings.usageDays() - 1L);
        boolean recorded = usage.recordsUse();
        Map<Long, Double> perDay = new HashMap<>();
        Double q1 = null;
        if (recorded) {
            Set<Long> open = new HashSet<>();
            for (Station s : ctx.stations) {
                if (s.status() == StationStatus.OPEN) {
                    open.add(s.id());
                    perDay.put(s.id(), 0.0);
                }
            }
            for (DailyVisits v : usage.dailyVisits(region, from, to)) {
                if (open.contains(v.stationId())
                        && !v.date().isBefore(from)
                        && !v.date().isAfter(to)) {
                    perDay.merge(v.stationId(), (double) v.visits(), Double::sum);
                }
            }
            perDay.replaceAll((id, total) -> total / settings.usageDays());
            q1 = bottomQuartile(perDay.values(), settings.minStationsForQuartile());
        }
        Map<Long, Double> within = new HashMap<>();
        Map<Long, Double> shared = Map.of();
        if (ctx.available(g)) {
            for (StationCoverage c : coverage.stationCoverage(region, g)) {
                within.put(c.stationId(), c.demandWithinLimit());
            }
            shared = coverage.sharedDemandWithinLimit(region, g);
        }
        List<StationUse> out = new ArrayList<>();
        for (Station s : ctx.stationsIn(area)) {
            if (s.status() != StationStatus.OPEN) {
                continue;
            }
            Double visits = recorded ? perDay.get(s.id()) : null;
            List<String> reasons = new ArrayList<>();
            if (visits != null && visits < settings.littleUsedVisitsPerDay()) {
                reasons.add(StationUse.BELOW_THRESHOLD);
            }
            if (visits != null && q1 != null && visits <= q1) {
                reasons.add(StationUse.BOTTOM_QUARTILE);
            }
            out.add(new StationUse(
                    s.id(),
                    s.name(),
                    s.kind(),
                    s.status(),
                    s.location(),
                    visits,
                    !reasons.isEmpty(),
                    reasons,
                    within.get(s.id()),
                    shared.get(s.id())));
        }
        out.sort(Comparator.comparing((StationUse u) -> u.visitsPerDay() == null ? 0 : u.visitsPerDay())
                .thenComparingLong(StationUse::stationId));
        return new UsageReview(recorded, from, to, settings.littleUsedVisitsPerDay(), q1, g, out);
    }

    /**
     * The first quartile by nearest rank (the value at position ⌈n/4⌉ of the sorted values); null when fewer than
     * {@code minCount} values.
     */
    static Double bottomQuartile(java.util.Collection<Double> values, int minCount) {
        if (values.size() < minCount || values.isEmpty()) {
            return null;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int rank = (int) Math.ceil(v.length / 4.0);
        return v[Math.max(1, rank) - 1];
    }

    private List<GapReview> gapReviews(Context ctx, District area, WorkerGroup g) {
        if (!ctx.available(g)) {
            return List.of();
        }
        String region = ctx.region.code();
        Envelope e = area.boundary().getEnvelopeInternal();
        BBox bbox = new BBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
        HexGrid grid = new HexGrid(coverage.resolution(region, g));
        List<CellOutcome> uncovered =
                coverage.cells(region, g, bbox, EnumSet.of(CellStatus.GAP, CellStatus.UNREACHABLE));
        boolean[] inside = ctx.inArea(
                area, uncovered.stream().map(c -> grid.centre(c.cell())).toList());
        Map<Long, Double> inAreaWeight = new HashMap<>();
        for (int i = 0; i < uncovered.size(); i++) {
            if (inside[i]) {
                inAreaWeight.put(uncovered.get(i).cell(), uncovered.get(i).weight());
            }
        }
        if (inAreaWeight.isEmpty()) {
            return List.of();
        }
        record Candidate(GapArea gap, int cells, double demand, LatLon centre) {}
        List<Candidate> candidates = new ArrayList<>();
        for (GapArea gap : coverage.gaps(region, g, MAX_GAPS_READ)) {
            int n = 0;
            double w = 0;
            double lat = 0;
            double lon = 0;
            for (long cell : gap.cells()) {
                Double weight = inAreaWeight.get(cell);
                if (weight != null) {
                    LatLon c = grid.centre(cell);
                    n++;
                    w += weight;
                    // weight the centre by demand, counting each cell at least a little so zero weights still place it
                    double k = weight + 1e-9;
                    lat += c.lat() * k;
                    lon += c.lon() * k;
                }
            }
            if (n > 0) {
                double k = w + n * 1e-9;
                candidates.add(new Candidate(gap, n, w, new LatLon(lat / k, lon / k)));
            }
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.demand())
                .thenComparingInt(c -> c.gap().rank()));
        List<ProposedSite> sites = proposals.proposedSites(region, area.code(), g);
        List<GapReview> out = new ArrayList<>();
        for (int i = 0; i < Math.min(settings.gapCount(), candidates.size()); i++) {
            Candidate c = candidates.get(i);
            Set<Long> gapCells = new HashSet<>();
            for (long cell : c.gap().cells()) {
                gapCells.add(cell);
            }
            List<ProposedSite> matching = new ArrayList<>();
            Set<Long> coveredByProposals = new HashSet<>();
            for (ProposedSite site : sites) {
                if (closes(site, gapCells, grid)) {
                    matching.add(site);
                    for (long cell : site.coveredCells()) {
                        if (gapCells.contains(cell) && inAreaWeight.containsKey(cell)) {
                            coveredByProposals.add(cell);
                        }
                    }
                }
            }
            double coveredDemand = 0;
            for (long cell : coveredByProposals) {
                coveredDemand += inAreaWeight.get(cell);
            }
            out.add(new GapReview(
                    i + 1,
                    c.gap().rank(),
                    c.cells(),
                    c.demand(),
                    c.gap().demand(),
                    c.gap().minMinutes(),
                    c.gap().maxMinutes(),
                    c.gap().unreachableCells(),
                    c.centre(),
                    c.gap().area(),
                    matching,
                    coveredDemand));
        }
        return out;
    }

    /**
     * Whether a proposed site would close (part of) a gap: one of its covered cells is in the gap, or — when its cells
     * are unknown — its own cell is in the gap or next to it.
     */
    static boolean closes(ProposedSite site, Set<Long> gapCells, HexGrid grid) {
        if (site.coveredCells().length > 0) {
            for (long cell : site.coveredCells()) {
                if (gapCells.contains(cell)) {
                    return true;
                }
            }
            return false;
        }
        long own = grid.cell(site.location());
        if (gapCells.contains(own)) {
            return true;
        }
        for (long n : grid.neighbours(own)) {
            if (gapCells.contains(n)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** What one request reads once: the region's areas, stations and coverage figures. Not thread-safe. */
    private final class Context {
        final Region region;
        final List<District> all;
        final AreaIndex index;
        final List<Station> stations;
        final Map<AreaLevel, int[]> stationAreas = new EnumMap<>(AreaLevel.class);
        final Map<WorkerGroup, String> unavailable = new EnumMap<>(WorkerGroup.class);
        final Map<WorkerGroup, Map<AreaLevel, CoverageSummary>> summaries = new EnumMap<>(WorkerGroup.class);

        Context(Region region) {
            this.region = region;
            this.all = districts.find(region.code(), null);
            this.index = new AreaIndex(all);
            this.stations = ReviewService.this.stations.find(
                    StationQuery.all(region.code()).withLimit(StationQuery.MAX_LIMIT));
        }

        District area(String code) {
            for (District d : all) {
                if (d.code().equals(code)) {
                    return d;
                }
            }
            throw new NotFoundException("unknown area '" + code + "' in region '" + region.code()
                    + "': no district or subdistrict has this code");
        }

        int[] stationAreas(AreaLevel level) {
            return stationAreas.computeIfAbsent(
                    level,
                    l -> index.assign(stations.stream().map(Station::location).toList(), l));
        }

        List<Station> stationsIn(District area) {
            int[] at = stationAreas(area.level());
            List<District> areas = index.areas(area.level());
            List<Station> out = new ArrayList<>();
            for (int i = 0; i < at.length; i++) {
                if (at[i] >= 0 && areas.get(at[i]).code().equals(area.code())) {
                    out.add(stations.get(i));
                }
            }
            return out;
        }

        boolean[] inArea(District area, List<LatLon> points) {
            int[] at = index.assign(points, area.level());
            List<District> areas = index.areas(area.level());
            boolean[] out = new boolean[at.length];
            for (int i = 0; i < at.length; i++) {
                out[i] = at[i] >= 0 && areas.get(at[i]).code().equals(area.code());
            }
            return out;
        }

        boolean available(WorkerGroup g) {
            summary(g, AreaLevel.DISTRICT);
            return !unavailable.containsKey(g);
        }

        /** The group's figures at a level, or null when its coverage is unavailable (the reason is kept). */
        CoverageSummary summary(WorkerGroup g, AreaLevel level) {
            if (unavailable.containsKey(g)) {
                return null;
            }
            Map<AreaLevel, CoverageSummary> byLevel = summaries.computeIfAbsent(g, k -> new EnumMap<>(AreaLevel.class));
            CoverageSummary s = byLevel.get(level);
            if (s == null) {
                try {
                    s = coverage.summary(region.code(), g, level);
                } catch (NotFoundException | ConflictException e) {
                    unavailable.put(g, e.getMessage());
                    return null;
                }
                byLevel.put(level, s);
            }
            return s;
        }

        Map<WorkerGroup, CoverageTotals> coverageOf(AreaLevel level, String code) {
            Map<WorkerGroup, CoverageTotals> out = new LinkedHashMap<>();
            for (WorkerGroup g : WorkerGroup.values()) {
                CoverageSummary s = summary(g, level);
                if (s == null) {
                    continue;
                }
                for (AreaCoverage a : s.breakdown().areas()) {
                    if (a.code().equals(code)) {
                        out.put(g, a.totals());
                    }
                }
            }
            return out;
        }

        AreaHeadline headline(District d) {
            return AreaHeadline.of(d, StationTally.of(stationsIn(d)), coverageOf(d.level(), d.code()));
        }
    }
}
