package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.DISTRICT;
import static dev.outpost.store.jooq.Tables.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class GeometryBindingTest {
    static TestDatabase db;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.create("geombinding");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void multipolygonSurvivesRoundTripThroughPostgisWithSridAndArea() throws Exception {
        DSLContext dsl = db.database().dsl();
        dsl.insertInto(REGION, REGION.REGION_CODE, REGION.NAME)
                .values("t", "测试市")
                .execute();
        Geometry square = new WKTReader().read("MULTIPOLYGON(((114 22, 114.01 22, 114.01 22.01, 114 22.01, 114 22)))");
        dsl.insertInto(DISTRICT)
                .set(DISTRICT.REGION_CODE, "t")
                .set(DISTRICT.CODE, "440300")
                .set(DISTRICT.NAME, "福田区")
                .set(DISTRICT.LEVEL, "district")
                .set(DISTRICT.BOUNDARY, square)
                .execute();

        Geometry back = dsl.select(DISTRICT.BOUNDARY).from(DISTRICT).fetchOne(DISTRICT.BOUNDARY);
        assertThat(back.getSRID()).isEqualTo(4326);
        assertThat(back.equalsExact(square, 1e-12)).isTrue();

        // PostGIS itself sees the same shape: area on the spheroid of a 0.01° square at 22° N is ~1.146 km².
        double areaM2 = dsl.select(DSL.field("ST_Area({0}::geography)", Double.class, DISTRICT.BOUNDARY))
                .from(DISTRICT)
                .fetchOne(0, Double.class);
        assertThat(areaM2).isBetween(1.10e6, 1.20e6);
        assertThat(dsl.select(DISTRICT.NAME).from(DISTRICT).fetchOne(DISTRICT.NAME))
                .isEqualTo("福田区");
    }
}
