package dev.outpost.planning;

import dev.outpost.coverage.AreaIndex;
import dev.outpost.coverage.ServingRules;
import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.DemandLayerInfo;
import dev.outpost.demand.DemandRepository;
import dev.outpost.demand.Poi;
import dev.outpost.demand.PoiSource;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.DistrictRepository;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.HexGrid;
import dev.outpost.geo.LatLon;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationQuery;
import dev.outpost.station.StationRepository;
import dev.outpost.station.StationStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The application service of candidate sites: lists the candidates of a region for a worker group from every source
 * (stored imports and OSM host sites, the register's planned stations and non-serving partner sites, and the centre of
 * every demand cell), filtered by kind and district, and imports candidate files and OSM host sites all or nothing.
 * Candidates without a district code get the district their position lies in. Thread-safe if the repositories are.
 */
public final class CandidateService {
    private final CandidateRepository repository;
    private final StationRepository stations;
    private final DistrictRepository districts;
    private final DemandRepository demand;
    private final ServingRules rules;
    private final PoiSource pois;

    /** @param pois reader of OSM host sites; null when OSM imports are not offered */
    public CandidateService(
            CandidateRepository repository,
            StationRepository stations,
            DistrictRepository districts,
            DemandRepository demand,
            ServingRules rules,
            PoiSource pois) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.stations = Objects.requireNonNull(stations, "stations");
        this.districts = Objects.requireNonNull(districts, "districts");
        this.demand = Objects.requireNonNull(demand, "demand");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.pois = pois;
    }

    /**
     * The region's candidates for a group passing the filter, ordered by source then id.
     *
     * @param group decides which register stations are candidates (those not serving it) and whose demand layer
     *     gives the greenfield cells
     */
    public List<Candidate> find(String regionCode, WorkerGroup group, CandidateFilter filter) {
        Objects.requireNonNull(group, "group");
        List<Candidate> all = new ArrayList<>();
        for (CandidateSource source : filter.sources()) {
            all.addAll(
                    switch (source) {
                        case IMPORT, OSM -> repository.find(regionCode, source);
                        case REGISTER -> fromRegister(regionCode, group);
                        case GREENFIELD -> greenfield(regionCode, group);
                    });
        }
        all = withDistricts(regionCode, all);
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : all) {
            if (filter.accepts(c)) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparing((Candidate c) -> c.source().ordinal()).thenComparing(Candidate::id));
        return out;
    }

    /**
     * One candidate by id, whatever its source ({@code station:<id>}, {@code h3:<cell>}, {@code osm:<element>} or an
     * imported id), with its district; empty when there is none.
     */
    public Optional<Candidate> findById(String regionCode, WorkerGroup group, String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        List<Candidate> found = new ArrayList<>();
        if (id.startsWith("station:")) {
            fromRegister(regionCode, group).stream()
                    .filter(c -> c.id().equals(id))
                    .forEach(found::add);
        } else if (id.startsWith("h3:")) {
            long cell;
            try {
                cell = HexGrid.parseCell(id.substring(3));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            HexGrid grid = new HexGrid(HexGrid.resolutionOf(cell));
            found.add(new Candidate(
                    id,
                    regionCode,
                    CandidateSource.GREENFIELD,
                    CandidateKind.DEMAND_CELL,
                    "网格 " + HexGrid.address(cell),
                    null,
                    null,
                    null,
                    grid.centre(cell)));
        } else {
            CandidateSource source = id.startsWith("osm:") ? CandidateSource.OSM : CandidateSource.IMPORT;
            repository.find(regionCode, source).stream()
                    .filter(c -> c.id().equals(id))
                    .forEach(found::add);
        }
        return withDistricts(regionCode, found).stream().findFirst();
    }

    /** Planned stations (any kind) and partner sites that do not serve the group, as candidates. */
    List<Candidate> fromRegister(String regionCode, WorkerGroup group) {
        List<Candidate> out = new ArrayList<>();
        for (Station s : stations.find(StationQuery.all(regionCode).withLimit(StationQuery.MAX_LIMIT))) {
            if (rules.serves(s, group)) {
                continue;
            }
            CandidateKind kind;
            if (s.status() == StationStatus.PLANNED) {
                kind = CandidateKind.PLANNED_STATION;
            } else if (s.kind() == StationKind.PARTNER_SITE) {
                kind = CandidateKind.PARTNER_SITE;
            } else {
                continue;
            }
            out.add(new Candidate(
                    registerId(s.id()),
                    regionCode,
                    CandidateSource.REGISTER,
                    kind,
                    s.name(),
                    s.districtCode(),
                    null,
                    s.capacitySeats(),
                    s.location()));
        }
        return out;
    }

    /** The candidate id of a register station. */
    public static String registerId(long stationId) {
        return "station:" + stationId;
    }

    /** The centre of every cell of the group's latest demand layer (none without a layer). */
    List<Candidate> greenfield(String regionCode, WorkerGroup group) {
        Optional<DemandLayerInfo> latest = demand.latest(regionCode, group);
        if (latest.isEmpty()) {
            return List.of();
        }
        DemandLayer layer = demand.load(regionCode, latest.get().id());
        HexGrid grid = layer.grid();
        List<Candidate> out = new ArrayList<>(layer.size());
        for (int i = 0; i < layer.size(); i++) {
            String address = HexGrid.address(layer.cell(i));
            out.add(new Candidate(
                    "h3:" + address,
                    regionCode,
                    CandidateSource.GREENFIELD,
                    CandidateKind.DEMAND_CELL,
                    "网格 " + address,
                    null,
                    null,
                    null,
                    grid.centre(layer.cell(i))));
        }
        return out;
    }

    private List<Candidate> withDistricts(String regionCode, List<Candidate> candidates) {
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            if (candidates.get(k).districtCode() == null) {
                missing.add(k);
            }
        }
        if (missing.isEmpty()) {
            return candidates;
        }
        AreaIndex index = new AreaIndex(districts.find(regionCode, null));
        if (!index.has(AreaLevel.DISTRICT)) {
            return candidates;
        }
        List<LatLon> points = new ArrayList<>(missing.size());
        for (int k : missing) {
            points.add(candidates.get(k).position());
        }
        int[] area = index.assign(points, AreaLevel.DISTRICT);
        List<Candidate> out = new ArrayList<>(candidates);
        for (int q = 0; q < missing.size(); q++) {
            if (area[q] >= 0) {
                int k = missing.get(q);
                out.set(
                        k,
                        out.get(k)
                                .withDistrictCode(index.areas(AreaLevel.DISTRICT)
                                        .get(area[q])
                                        .code()));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // imports

    /**
     * Imports a candidate file (see {@link CandidateFileReader}), replacing the region's imported candidates; a bad
     * file changes nothing.
     *
     * @throws dev.outpost.common.ValidationException listing every problem of a bad file
     */
    public CandidateImportReport importFile(
            String regionCode, String fileName, byte[] bytes, CoordinateSystem crs, boolean dryRun) {
        List<Candidate> read = CandidateFileReader.read(regionCode, fileName, bytes, crs);
        return replace(regionCode, CandidateSource.IMPORT, read, dryRun, List.of("read " + read.size() + " rows"));
    }

    /**
     * Imports OpenStreetMap host sites of an extract ({@code amenity=fuel} as gas stations, {@code shop=convenience}
     * as convenience stores, {@code amenity=community_centre} or {@code community_hall} as community centres,
     * {@code amenity=townhall} as town halls), replacing the region's OSM candidates. A feature with several of
     * these tags counts once, as the first of those kinds in {@link CandidateKind} order.
     *
     * @throws IllegalStateException when no OSM reader is configured
     */
    public CandidateImportReport importOsm(String regionCode, Path osmFile, boolean dryRun) {
        if (pois == null) {
            throw new IllegalStateException("OSM host sites are not available: no PoiSource configured");
        }
        Map<String, Candidate> byElement = new LinkedHashMap<>();
        int features = 0;
        for (Poi p : pois.read(osmFile)) {
            features++;
            CandidateKind kind = hostKind(p.tag());
            if (kind == null) {
                continue;
            }
            String id = "osm:" + p.osmElement();
            Candidate previous = byElement.get(id);
            if (previous != null && previous.kind().ordinal() <= kind.ordinal()) {
                continue;
            }
            String name = p.name() == null || p.name().isBlank() ? kind.labelZh() + " " + p.osmElement() : p.name();
            byElement.put(
                    id, new Candidate(id, regionCode, CandidateSource.OSM, kind, name, null, null, null, p.location()));
        }
        List<Candidate> found = new ArrayList<>(byElement.values());
        return replace(
                regionCode,
                CandidateSource.OSM,
                found,
                dryRun,
                List.of(found.size() + " host sites among " + features + " OSM features of " + osmFile.getFileName()));
    }

    /** The kind of host site an OSM tag stands for, or null. */
    static CandidateKind hostKind(String tag) {
        return switch (tag) {
            case "amenity=fuel" -> CandidateKind.GAS_STATION;
            case "shop=convenience" -> CandidateKind.CONVENIENCE_STORE;
            case "amenity=community_centre", "amenity=community_hall" -> CandidateKind.COMMUNITY_CENTRE;
            case "amenity=townhall" -> CandidateKind.TOWN_HALL;
            default -> null;
        };
    }

    private CandidateImportReport replace(
            String regionCode, CandidateSource source, List<Candidate> fresh, boolean dryRun, List<String> notes) {
        Map<String, Candidate> before = new LinkedHashMap<>();
        for (Candidate c : repository.find(regionCode, source)) {
            before.put(c.id(), c);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Candidate c : fresh) {
            Candidate old = before.remove(c.id());
            if (old == null) {
                created++;
            } else if (old.equals(c)) {
                unchanged++;
            } else {
                updated++;
            }
        }
        if (!dryRun) {
            repository.replace(regionCode, source, fresh);
        }
        return new CandidateImportReport(source, dryRun, created, updated, unchanged, before.size(), notes);
    }
}
