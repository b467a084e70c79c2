package dev.outpost.demand;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.district.DistrictRepository;
import dev.outpost.geo.HexGrid;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The application service of demand layers: imports from CSV (weighted points or H3 cells), OpenStreetMap proxies
 * and district population, each stored as a new layer (the newest layer of a group is the one coverage uses).
 * Thread-safe if the repositories are.
 */
public final class DemandService {
    private final DemandRepository layers;
    private final DistrictRepository districts;
    private final PoiSource pois;

    /** @param pois reader of OSM proxies; null when OSM imports are not offered */
    public DemandService(DemandRepository layers, DistrictRepository districts, PoiSource pois) {
        this.layers = Objects.requireNonNull(layers, "layers");
        this.districts = Objects.requireNonNull(districts, "districts");
        this.pois = pois;
    }

    /**
     * Imports a demand CSV ({@link DemandCsv}: {@code group,lon,lat,weight} or {@code group,h3,weight}); one layer per
     * group in the file.
     *
     * @param resolution H3 resolution of the layers (0–15; 9 is the default)
     * @throws dev.outpost.common.ValidationException listing every bad row; nothing is stored then
     */
    public List<DemandLayerInfo> importCsv(String regionCode, String fileName, Reader csv, int resolution) {
        HexGrid grid = new HexGrid(resolution);
        DemandCsv.Result parsed = DemandCsv.parse(csv, grid);
        Map<WorkerGroup, DemandLayer> read = parsed.layers();
        if (read.isEmpty()) {
            throw new IllegalArgumentException("demand file '" + fileName + "' has no data rows");
        }
        List<DemandLayerInfo> out = new ArrayList<>();
        for (DemandLayer layer : read.values()) {
            out.add(layers.save(regionCode, layer, parsed.source(), fileName));
        }
        return out;
    }

    /**
     * Imports OpenStreetMap proxies of an extract for the given groups, weighted by {@link PoiWeights#defaults}.
     *
     * @throws IllegalStateException when this service has no {@link PoiSource}
     */
    public List<DemandLayerInfo> importOsmProxies(
            String regionCode, Path osmFile, Set<WorkerGroup> groups, int resolution) {
        if (pois == null) {
            throw new IllegalStateException("OSM demand proxies are not available: no PoiSource configured");
        }
        HexGrid grid = new HexGrid(resolution);
        List<Poi> all = pois.read(osmFile);
        List<DemandLayerInfo> out = new ArrayList<>();
        for (WorkerGroup g : WorkerGroup.values()) {
            if (groups.contains(g)) {
                DemandLayer layer = DemandLayers.fromPois(grid, all, PoiWeights.defaults(g));
                out.add(layers.save(
                        regionCode,
                        layer,
                        DemandSource.OSM,
                        "OSM proxies of " + osmFile.getFileName() + " (" + all.size() + " features)"));
            }
        }
        return out;
    }

    /**
     * Builds a group's layer from district population (the finest level that has population), spread over cells by
     * area.
     *
     * @param weightPerResident e.g. riders per resident; finite and positive
     * @throws ConflictException when no area of the region has a population
     */
    public DemandLayerInfo importPopulation(
            String regionCode, WorkerGroup group, int resolution, double weightPerResident) {
        List<District> all = districts.find(regionCode, null);
        for (AreaLevel level : new AreaLevel[] {AreaLevel.COMMUNITY, AreaLevel.SUBDISTRICT, AreaLevel.DISTRICT}) {
            List<District> withPopulation = all.stream()
                    .filter(d -> d.level() == level && d.population() != null && d.population() > 0)
                    .toList();
            if (!withPopulation.isEmpty()) {
                DemandLayer layer =
                        DemandLayers.fromPopulation(group, new HexGrid(resolution), withPopulation, weightPerResident);
                return layers.save(
                        regionCode,
                        layer,
                        DemandSource.POPULATION,
                        "population of " + withPopulation.size() + " " + level.code() + " areas × "
                                + weightPerResident);
            }
        }
        throw new ConflictException(
                "no area of region '" + regionCode + "' has a population; import districts with population first");
    }

    /** The region's stored layers, newest first. */
    public List<DemandLayerInfo> list(String regionCode) {
        return layers.list(regionCode);
    }

    /**
     * Deletes a stored layer.
     *
     * @throws NotFoundException when there is no such layer
     * @throws ConflictException naming the scenarios and stored coverage runs that use it; nothing is deleted then
     */
    public void delete(String regionCode, long layerId) {
        if (!layers.delete(regionCode, layerId)) {
            throw new NotFoundException("no demand layer " + layerId + " in region '" + regionCode + "'");
        }
    }
}
