package dev.outpost.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.common.Problem;
import dev.outpost.dataio.FileTooLargeException;
import dev.outpost.district.Region;
import dev.outpost.geo.CoordinateSystem;
import dev.outpost.station.Station;
import dev.outpost.station.StationQuery;
import dev.outpost.store.DbSnapshot;
import dev.outpost.store.JooqDistrictRepository;
import dev.outpost.store.JooqImportStore;
import dev.outpost.store.JooqRegionRepository;
import dev.outpost.store.JooqStationRepository;
import dev.outpost.store.TestDatabase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Imports through the real store on PostGIS: all-or-nothing, idempotent, dry runs that write nothing. */
class ImportServiceTest {
    static final String HEADER = "编号,类型,名称,地址,运营方,所属区,服务,开放时间,座位数,状态,经度,纬度\n";
    static TestDatabase db;
    static ImportService imports;
    static JooqStationRepository stations;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.create("imports");
        new JooqRegionRepository(db.database()).upsert(new Region("sz", "深圳市", "Shenzhen", false));
        stations = new JooqStationRepository(db.database());
        imports = new ImportService(
                new JooqImportStore(db.database()), new JooqDistrictRepository(db.database()), 64 * 1024);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void clean() {
        db.database().dsl().execute("DELETE FROM station; DELETE FROM district; DELETE FROM import_batch;");
        db.database().dsl().execute("DELETE FROM audit_log");
    }

    static byte[] csv(String body) {
        return (HEADER + body).getBytes(StandardCharsets.UTF_8);
    }

    static final String GOOD =
            "WB-1,warm_bee_station,福田暖蜂驿站,福华路1号,美宜佳,,drinking_water;food_heating,24/7,8,open,114.0579,22.5431\n"
                    + "DH-1,driver_home,南山司机之家,,中国石化,,shower;truck_parking,Mo-Su 06:00-23:00,20,open,113.9300,22.5330\n";

    ImportReport importCsv(byte[] bytes, boolean dry) {
        return imports.importStations("sz", "stations.csv", bytes, CoordinateSystem.WGS84, dry, "test");
    }

    @Test
    void importsThenReimportChangesNothing() {
        ImportReport first = importCsv(csv(GOOD), false);
        assertThat(first.ok()).isTrue();
        assertThat(first.created()).isEqualTo(2);
        assertThat(first.batchId()).isNotNull();
        List<Station> stored = stations.find(StationQuery.all("sz"));
        assertThat(stored).extracting(Station::name).containsExactly("福田暖蜂驿站", "南山司机之家");
        assertThat(stored.get(0).openingHours().isAlwaysOpen()).isTrue();

        Map<String, String> before = DbSnapshot.of(db.database());
        ImportReport again = importCsv(csv(GOOD), false);
        assertThat(again.ok()).isTrue();
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.batchId()).isNull();
        assertThat(DbSnapshot.of(db.database())).isEqualTo(before);
        assertThat(imports.alreadyImported("sz", "stations", csv(GOOD))).isTrue();
    }

    @Test
    void changedRowUpdatesInPlaceAndIsAudited() {
        importCsv(csv(GOOD), false);
        long id = stations.findByExternalId("sz", "WB-1").orElseThrow().id();
        ImportReport r = importCsv(csv(GOOD.replace("福华路1号", "福华路2号")), false);
        assertThat(r.updated()).isEqualTo(1);
        assertThat(r.unchanged()).isEqualTo(1);
        assertThat(stations.findByExternalId("sz", "WB-1").orElseThrow().id()).isEqualTo(id);
        assertThat(stations.findById("sz", id).orElseThrow().address()).isEqualTo("福华路2号");
        String after = db.database()
                .dsl()
                .fetchOne("SELECT after->>'address' FROM audit_log WHERE action='update' AND entity='station'")
                .get(0, String.class);
        assertThat(after).isEqualTo("福华路2号");
    }

    @Test
    void dryRunReportsExactlyWhatWouldChangeAndWritesNothing() {
        Map<String, String> before = DbSnapshot.of(db.database());
        ImportReport dry = importCsv(csv(GOOD), true);
        assertThat(dry.ok()).isTrue();
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.created()).isEqualTo(2);
        assertThat(dry.batchId()).isNull();
        assertThat(DbSnapshot.of(db.database())).isEqualTo(before);
    }

    @Test
    void gbkFileWithChineseHeadersImports() {
        ImportReport r = importCsv((HEADER + GOOD).getBytes(Charset.forName("GBK")), false);
        assertThat(r.ok()).as("%s", r.errors()).isTrue();
        assertThat(stations.findByExternalId("sz", "DH-1").orElseThrow().name()).isEqualTo("南山司机之家");
    }

    @Test
    void gcj02CoordinatesAreStoredAsWgs84() {
        // Amap coordinates of the same point are about 500 m away; the store must hold the WGS 84 position.
        CoordinateSystem gcj = CoordinateSystem.GCJ02;
        var g = gcj.fromWgs84(new dev.outpost.geo.LatLon(22.5431, 114.0579));
        String row = String.format(
                java.util.Locale.ROOT, "WB-9,warm_bee_station,高德坐标站,,,,,24/7,,open,%.8f,%.8f\n", g.lon(), g.lat());
        ImportReport r = imports.importStations("sz", "amap.csv", csv(row), gcj, false, "test");
        assertThat(r.ok()).as("%s", r.errors()).isTrue();
        Station s = stations.findByExternalId("sz", "WB-9").orElseThrow();
        assertThat(s.location().distanceMeters(new dev.outpost.geo.LatLon(22.5431, 114.0579)))
                .isLessThan(0.5);
    }

    /** Each bad file is refused whole with a row, field and reason, and the database stays exactly as it was. */
    void assertRefused(byte[] bytes, CoordinateSystem crs, String expectedInReason) {
        importCsv(csv(GOOD), false);
        Map<String, String> before = DbSnapshot.of(db.database());
        ImportReport r = imports.importStations("sz", "bad.csv", bytes, crs, false, "test");
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).isNotEmpty();
        assertThat(r.errors().stream().map(Problem::toString).toList())
                .anySatisfy(m -> assertThat(m).containsIgnoringCase(expectedInReason));
        assertThat(DbSnapshot.of(db.database())).isEqualTo(before);
    }

    @Test
    void unknownKindIsRefusedNamingRowAndField() {
        assertRefused(csv(GOOD + "X-1,spaceport,火箭站,,,,,24/7,,open,114.0,22.5\n"), CoordinateSystem.WGS84, "spaceport");
        ImportReport r = importCsv(csv(GOOD + "X-1,spaceport,火箭站,,,,,24/7,,open,114.0,22.5\n"), false);
        Problem p = r.errors().get(0);
        assertThat(p.row()).isEqualTo(4);
        assertThat(p.field()).isNotNull();
    }

    @Test
    void missingCoordinatesAreRefused() {
        assertRefused(csv(GOOD + "X-2,warm_bee_station,无坐标站,,,,,24/7,,open,,\n"), CoordinateSystem.WGS84, "");
    }

    @Test
    void swappedCoordinatesAreRefused() {
        assertRefused(
                csv(GOOD + "X-3,warm_bee_station,颠倒站,,,,,24/7,,open,22.5431,114.0579\n"),
                CoordinateSystem.WGS84,
                "swap");
    }

    @Test
    void coordinatesOutsideChinaInAGcjFileAreRefused() {
        assertRefused(csv("X-4,warm_bee_station,巴黎站,,,,,24/7,,open,2.35,48.85\n"), CoordinateSystem.GCJ02, "China");
    }

    @Test
    void duplicateExternalIdsInOneFileAreRefused() {
        assertRefused(
                csv(GOOD + "WB-1,warm_bee_station,重复站,,,,,24/7,,open,114.06,22.54\n"), CoordinateSystem.WGS84, "WB-1");
    }

    @Test
    void wrongTypesAreRefused() {
        assertRefused(
                csv(GOOD + "X-5,warm_bee_station,座位错误,,,,,24/7,many,open,114.06,22.54\n"),
                CoordinateSystem.WGS84,
                "many");
    }

    @Test
    void truncatedFileIsRefused() {
        assertRefused(csv(GOOD + "X-6,warm_bee_station,\"未结束的引号,,,,24/7"), CoordinateSystem.WGS84, "");
    }

    @Test
    void emptyFileIsRefused() {
        assertRefused(new byte[0], CoordinateSystem.WGS84, "empty");
    }

    @Test
    void fileOverTheLimitIsRefusedBeforeParsing() {
        importCsv(csv(GOOD), false);
        Map<String, String> before = DbSnapshot.of(db.database());
        byte[] huge = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThatThrownBy(() -> importCsv(huge, false)).isInstanceOf(FileTooLargeException.class);
        assertThat(DbSnapshot.of(db.database())).isEqualTo(before);
    }
}
