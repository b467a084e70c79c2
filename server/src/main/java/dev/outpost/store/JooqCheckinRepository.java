package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.CHECKIN;
import static dev.outpost.store.jooq.Tables.STATION;

import dev.outpost.rider.CheckinRepository;
import dev.outpost.rider.DailyVisits;
import dev.outpost.rider.StationCode;
import dev.outpost.rider.StationDayVisits;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Station short codes and check-ins in PostGIS. Thread-safe. */
public final class JooqCheckinRepository implements CheckinRepository {
    private final DSLContext dsl;

    public JooqCheckinRepository(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public Optional<StationCode> findByCode(String shortCode) {
        return dsl.select(STATION.REGION_CODE, STATION.STATION_ID, STATION.SHORT_CODE)
                .from(STATION)
                .where(STATION.SHORT_CODE.eq(shortCode))
                .fetchOptional(r -> new StationCode(r.value1(), r.value2(), r.value3()));
    }

    @Override
    public Optional<StationCode> findByStation(String regionCode, long stationId) {
        return dsl.select(STATION.REGION_CODE, STATION.STATION_ID, STATION.SHORT_CODE)
                .from(STATION)
                .where(STATION.REGION_CODE.eq(regionCode), STATION.STATION_ID.eq(stationId))
                .fetchOptional(r -> new StationCode(r.value1(), r.value2(), r.value3()));
    }

    @Override
    public boolean record(String regionCode, long stationId, LocalDate day, String deviceHash, Instant at) {
        return dsl.insertInto(CHECKIN)
                        .set(CHECKIN.REGION_CODE, regionCode)
                        .set(CHECKIN.STATION_ID, stationId)
                        .set(CHECKIN.DAY, day)
                        .set(CHECKIN.DEVICE_HASH, deviceHash)
                        .set(CHECKIN.AT, at.atOffset(ZoneOffset.UTC))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    @Override
    public boolean anyVisits() {
        return dsl.fetchExists(dsl.selectOne().from(CHECKIN));
    }

    @Override
    public List<StationDayVisits> regionVisits(String regionCode, LocalDate from, LocalDate to) {
        Field<Integer> visits = DSL.count().as("visits");
        return dsl.select(CHECKIN.STATION_ID, CHECKIN.DAY, visits)
                .from(CHECKIN)
                .where(CHECKIN.REGION_CODE.eq(regionCode), CHECKIN.DAY.between(from, to))
                .groupBy(CHECKIN.STATION_ID, CHECKIN.DAY)
                .orderBy(CHECKIN.STATION_ID, CHECKIN.DAY)
                .fetch(r -> new StationDayVisits(r.value1(), r.value2(), r.value3()));
    }

    @Override
    public List<DailyVisits> dailyVisits(String regionCode, long stationId, LocalDate from, LocalDate to) {
        Field<Integer> visits = DSL.count().as("visits");
        return dsl.select(CHECKIN.DAY, visits)
                .from(CHECKIN)
                .where(
                        CHECKIN.REGION_CODE.eq(regionCode),
                        CHECKIN.STATION_ID.eq(stationId),
                        CHECKIN.DAY.between(from, to))
                .groupBy(CHECKIN.DAY)
                .orderBy(CHECKIN.DAY)
                .fetch(r -> new DailyVisits(r.value1(), r.value2()));
    }
}
