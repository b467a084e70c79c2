package dev.outpost.account;

import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.district.DistrictRepository;
import dev.outpost.geo.Geometries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A district tree for authorizer tests (boundaries are unit squares; only codes and parents matter):
 *
 * <pre>
 * region demo:  A (449901) ── A1 (449901001) ── A1a (449901001001)
 *                          └─ A2 (449901002)
 *               B (449902) ── B1 (449902001)
 * region other: C (110101)
 * </pre>
 */
final class InMemoryDistricts implements DistrictRepository {
    static final String A = "449901";
    static final String A1 = "449901001";
    static final String A1A = "449901001001";
    static final String A2 = "449901002";
    static final String B = "449902";
    static final String B1 = "449902001";
    static final String C = "110101";

    private final Map<String, District> byKey = new LinkedHashMap<>();

    InMemoryDistricts() {
        add("demo", A, AreaLevel.DISTRICT, null);
        add("demo", A1, AreaLevel.SUBDISTRICT, A);
        add("demo", A1A, AreaLevel.COMMUNITY, A1);
        add("demo", A2, AreaLevel.SUBDISTRICT, A);
        add("demo", B, AreaLevel.DISTRICT, null);
        add("demo", B1, AreaLevel.SUBDISTRICT, B);
        add("other", C, AreaLevel.DISTRICT, null);
    }

    private void add(String region, String code, AreaLevel level, String parent) {
        byKey.put(region + "/" + code, new District(region, code, "区" + code, level, parent, 1000L, null, square()));
    }

    static MultiPolygon square() {
        Polygon p = Geometries.factory().createPolygon(new Coordinate[] {
            new Coordinate(114, 22),
            new Coordinate(114.01, 22),
            new Coordinate(114.01, 22.01),
            new Coordinate(114, 22.01),
            new Coordinate(114, 22)
        });
        return Geometries.factory().createMultiPolygon(new Polygon[] {p});
    }

    @Override
    public List<District> find(String regionCode, AreaLevel levelOrNull) {
        List<District> out = new ArrayList<>();
        for (District d : byKey.values()) {
            if (d.regionCode().equals(regionCode) && (levelOrNull == null || d.level() == levelOrNull)) {
                out.add(d);
            }
        }
        return out;
    }

    @Override
    public Optional<District> findByCode(String regionCode, String code) {
        return Optional.ofNullable(byKey.get(regionCode + "/" + code));
    }

    @Override
    public void upsertAll(String regionCode, List<District> districts) {
        throw new UnsupportedOperationException("read-only test districts");
    }
}
