package dev.outpost.planning;

import dev.outpost.coverage.AreaIndex;
import dev.outpost.demand.DemandLayer;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.District;
import dev.outpost.district.DistrictRepository;
import dev.outpost.review.ProposalSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The proposed sites of the stored scenarios, for the review ({@link ProposalSource}): every site of the region's
 * most recent scenarios of the group that lies in the area (its district code, or the area's boundary at the area's
 * level), with the H3 cells it reaches within the scenario's minutes and the scenario's status. Thread-safe.
 */
public final class ScenarioProposals implements ProposalSource {
    private final ScenarioRepository scenarios;
    private final CoverageMatrixService matrices;
    private final DistrictRepository districts;
    private final int maxScenarios;
    private final Map<String, long[]> layerCells = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > 4;
        }
    });

    /** @param maxScenarios how many of the region's newest scenarios are read (1–1,000) */
    public ScenarioProposals(
            ScenarioRepository scenarios,
            CoverageMatrixService matrices,
            DistrictRepository districts,
            int maxScenarios) {
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
        this.matrices = Objects.requireNonNull(matrices, "matrices");
        this.districts = Objects.requireNonNull(districts, "districts");
        if (maxScenarios < 1 || maxScenarios > 1_000) {
            throw new IllegalArgumentException("scenarios read " + maxScenarios + " is out of range 1..1000");
        }
        this.maxScenarios = maxScenarios;
    }

    @Override
    public List<dev.outpost.review.ProposedSite> proposedSites(String regionCode, String areaCode, WorkerGroup group) {
        Optional<District> area = districts.findByCode(regionCode, areaCode);
        if (area.isEmpty()) {
            return List.of();
        }
        AreaIndex index = new AreaIndex(List.of(area.get()));
        List<dev.outpost.review.ProposedSite> out = new ArrayList<>();
        for (Scenario s : scenarios.list(regionCode, maxScenarios)) {
            if (s.request().group() != group) {
                continue;
            }
            Map<Integer, int[]> reach = null;
            for (ProposedSite p : s.sites()) {
                boolean inside = areaCode.equals(p.districtCode())
                        || index.locate(p.position(), area.get().level()) >= 0;
                if (!inside) {
                    continue;
                }
                if (reach == null) {
                    reach = scenarios.siteReach(regionCode, s.id());
                }
                long[] cells = cells(regionCode, s.inputs().demandLayerId(), reach.get(p.siteId()));
                out.add(new dev.outpost.review.ProposedSite(
                        s.id(), s.name(), p.name(), p.position(), s.status().code(), cells));
            }
        }
        return out;
    }

    private long[] cells(String regionCode, long layerId, int[] indices) {
        if (indices == null) {
            return new long[0];
        }
        long[] all = layerCells.computeIfAbsent(regionCode + "#" + layerId, k -> {
            DemandLayer layer = matrices.layer(regionCode, layerId);
            return layer.cells();
        });
        long[] out = new long[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = all[indices[k]];
        }
        return out;
    }
}
