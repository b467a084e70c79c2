package dev.outpost.demand;

import dev.outpost.common.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link DemandRepository} over a map, for tests above the store. Not thread-safe. */
final class InMemoryDemandRepository implements DemandRepository {
    private final TreeMap<Long, DemandLayerInfo> infos = new TreeMap<>();
    private final TreeMap<Long, DemandLayer> layers = new TreeMap<>();
    private long next = 1;

    @Override
    public DemandLayerInfo save(String regionCode, DemandLayer layer, DemandSource source, String description) {
        long id = next++;
        DemandLayerInfo info = new DemandLayerInfo(
                id,
                regionCode,
                layer.group(),
                layer.resolution(),
                source,
                description,
                layer.size(),
                layer.totalWeight(),
                Instant.ofEpochSecond(id));
        infos.put(id, info);
        layers.put(id, layer);
        return info;
    }

    @Override
    public Optional<DemandLayerInfo> latest(String regionCode, WorkerGroup group) {
        return infos.descendingMap().values().stream()
                .filter(i -> i.regionCode().equals(regionCode) && i.group() == group)
                .findFirst();
    }

    @Override
    public Optional<DemandLayerInfo> find(String regionCode, long layerId) {
        return Optional.ofNullable(infos.get(layerId))
                .filter(i -> i.regionCode().equals(regionCode));
    }

    @Override
    public DemandLayer load(String regionCode, long layerId) {
        return find(regionCode, layerId)
                .map(i -> layers.get(layerId))
                .orElseThrow(() -> new NotFoundException("no demand layer " + layerId));
    }

    @Override
    public List<DemandLayerInfo> list(String regionCode) {
        List<DemandLayerInfo> out = new ArrayList<>(infos.values());
        out.removeIf(i -> !i.regionCode().equals(regionCode));
        out.sort(Comparator.comparingLong(DemandLayerInfo::id).reversed());
        return out;
    }

    @Override
    public boolean delete(String regionCode, long layerId) {
        if (find(regionCode, layerId).isEmpty()) {
            return false;
        }
        infos.remove(layerId);
        layers.remove(layerId);
        return true;
    }
}
