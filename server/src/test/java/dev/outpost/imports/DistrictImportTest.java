package dev.outpost.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.common.Problem;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.district.Region;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.SharedData;
import dev.outpost.store.DbSnapshot;
import dev.outpost.store.JooqDistrictRepository;
import dev.outpost.store.JooqImportStore;
import dev.outpost.store.JooqRegionRepository;
import dev.outpost.store.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** District imports through the real store: real Beijing boundaries, repairs, unsafe archives. */
class DistrictImportTest {
    static TestDatabase db;
    static ImportService imports;
    static JooqDistrictRepository districts;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.create("districts");
        JooqRegionRepository regions = new JooqRegionRepository(db.database());
        regions.upsert(new Region("beijing", "北京市", "Beijing", false));
        regions.upsert(new Region("t", "测试", null, false));
        districts = new JooqDistrictRepository(db.database());
        imports = new ImportService(new JooqImportStore(db.database()), districts, 50L * 1024 * 1024);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void beijingSubdistrictsImportAndRollUpToTheirDistricts() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.require("geodata/boundaries/beijing-subdistricts-wgs84.geojson"));
        DistrictFileOptions fields = new DistrictFileOptions(null, "乡", null, "worldpop_pop", "县");
        ImportReport r = imports.importDistricts(
                "beijing", "beijing.geojson", bytes, CoordinateSystem.WGS84, false, "test", fields);
        assertThat(r.ok()).as("%s", r.errors()).isTrue();

        List<District> subs = districts.find("beijing", AreaLevel.SUBDISTRICT);
        List<District> dists = districts.find("beijing", AreaLevel.DISTRICT);
        assertThat(subs).hasSize(331);
        // The shared README states a total of 20,771,901; the file's own worldpop_pop values sum to 20,755,648
        // (checked independently here by reading the raw JSON), and that is what must arrive in the database.
        long fileTotal = 0;
        for (var f : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(bytes)
                .get("features")) {
            fileTotal += f.get("properties").get("worldpop_pop").asLong();
        }
        assertThat(fileTotal).isEqualTo(20_755_648L);
        assertThat(subs.stream().mapToLong(District::population).sum()).isEqualTo(fileTotal);
        assertThat(dists).extracting(District::name).contains("朝阳区", "海淀区", "延庆县");
        Map<String, Long> sumByParent = subs.stream()
                .collect(Collectors.groupingBy(District::parentCode, Collectors.summingLong(District::population)));
        for (District d : dists) {
            assertThat(d.population()).as(d.name()).isEqualTo(sumByParent.get(d.code()));
        }
        // PostGIS agrees: every subdistrict lies inside its district (area of the overlap ≥ 99 % of its own area)
        long misplaced = db.database()
                .dsl()
                .fetchOne("SELECT count(*) FROM district s JOIN district d ON d.region_code = s.region_code"
                        + " AND d.code = s.parent_code WHERE s.region_code = 'beijing'"
                        + " AND ST_Area(ST_Intersection(s.boundary, d.boundary)) < 0.99 * ST_Area(s.boundary)")
                .get(0, Long.class);
        assertThat(misplaced).isZero();

        ImportReport again = imports.importDistricts(
                "beijing", "beijing.geojson", bytes, CoordinateSystem.WGS84, false, "test", fields);
        assertThat(again.created() + again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(331 + dists.size());
    }

    static String feature(String code, String name, String ring) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name
                + "\",\"level\":\"district\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";
    }

    @Test
    void selfIntersectingPolygonIsRepairedAndReported() {
        // a bow-tie: two triangles of 0.01 x 0.005 / 2 ... meeting at (114.005, 22.505)
        String bowTie = "[[114.00,22.50],[114.01,22.51],[114.01,22.50],[114.00,22.51],[114.00,22.50]]";
        String fc = "{\"type\":\"FeatureCollection\",\"features\":[" + feature("T1", "蝴蝶区", bowTie) + "]}";
        ImportReport r = imports.importDistricts(
                "t", "bowtie.geojson", fc.getBytes(StandardCharsets.UTF_8), CoordinateSystem.WGS84, false, "test");
        assertThat(r.ok()).as("%s", r.errors()).isTrue();
        assertThat(r.warnings()).extracting(Problem::reason).anySatisfy(w -> assertThat(w)
                .contains("self-intersection"));
        District d = districts.findByCode("t", "T1").orElseThrow();
        assertThat(d.boundary().isValid()).isTrue();
        // two triangles, each half of a 0.01° x 0.005° box: total 0.01 * 0.01 / 2 = 5e-5 square degrees
        assertThat(d.boundary().getArea()).isCloseTo(5e-5, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void zipWithPathTraversalIsRefusedAndChangesNothing() throws Exception {
        Map<String, String> before = DbSnapshot.of(db.database());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../evil.shp"));
            zip.write(new byte[100]);
            zip.closeEntry();
        }
        ImportReport r =
                imports.importDistricts("t", "evil.zip", bytes.toByteArray(), CoordinateSystem.WGS84, false, "test");
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).extracting(Problem::reason).anySatisfy(m -> assertThat(m)
                .contains("../evil.shp"));
        assertThat(DbSnapshot.of(db.database())).isEqualTo(before);
    }

    @Test
    void unknownParentCodeFailsTheWholeImport() {
        Map<String, String> before = DbSnapshot.of(db.database());
        String fc =
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"S9\","
                        + "\"name\":\"孤儿街道\",\"level\":\"subdistrict\",\"parent_code\":\"NOPE\"},\"geometry\":{\"type\":"
                        + "\"Polygon\",\"coordinates\":[[[114,22],[114.01,22],[114.01,22.01],[114,22]]]}}]}";
        ImportReport r = null;
        try {
            r = imports.importDistricts(
                    "t", "orphan.geojson", fc.getBytes(StandardCharsets.UTF_8), CoordinateSystem.WGS84, false, "test");
        } catch (RuntimeException e) {
            // a database constraint failure is acceptable only if nothing was written
        }
        if (r != null) {
            assertThat(r.ok()).isFalse();
        }
        assertThat(DbSnapshot.of(db.database())).isEqualTo(before);
    }
}
