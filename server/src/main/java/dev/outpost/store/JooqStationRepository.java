package dev.outpost.store;

import static dev.outpost.store.jooq.Tables.STATION;

import dev.outpost.common.NotFoundException;
import dev.outpost.geo.BBox;
import dev.outpost.geo.Geometries;
import dev.outpost.geo.LatLon;
import dev.outpost.station.OpeningHours;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationQuery;
import dev.outpost.station.StationRepository;
import dev.outpost.station.StationService;
import dev.outpost.station.StationStatus;
import dev.outpost.store.jooq.tables.records.StationRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.locationtech.jts.geom.Point;

/** Stations in PostGIS. Every write is audited in the same transaction. Thread-safe. */
public final class JooqStationRepository implements StationRepository {
    private final DSLContext dsl;

    public JooqStationRepository(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public List<Station> find(StationQuery q) {
        List<Condition> where = new ArrayList<>();
        where.add(STATION.REGION_CODE.eq(q.regionCode()));
        if (q.bbox() != null) {
            where.add(envelopeIntersects(q.bbox()));
        }
        if (!q.kinds().isEmpty()) {
            where.add(STATION.KIND.in(q.kinds().stream().map(StationKind::code).toList()));
        }
        if (!q.services().isEmpty()) {
            where.add(DSL.condition(
                    "{0} @> {1}::text[]", STATION.SERVICES, DSL.val(codes(q.services()), String[].class)));
        }
        if (!q.statuses().isEmpty()) {
            where.add(STATION.STATUS.in(
                    q.statuses().stream().map(StationStatus::code).toList()));
        }
        return dsl.selectFrom(STATION)
                .where(where)
                .orderBy(STATION.STATION_ID)
                .limit(q.limit())
                .fetch(JooqStationRepository::toStation);
    }

    static Condition envelopeIntersects(BBox b) {
        return DSL.condition(
                "{0} && ST_MakeEnvelope({1}, {2}, {3}, {4}, 4326)",
                STATION.GEOM, DSL.val(b.minLon()), DSL.val(b.minLat()), DSL.val(b.maxLon()), DSL.val(b.maxLat()));
    }

    @Override
    public Optional<Station> findById(String regionCode, long id) {
        return dsl.selectFrom(STATION)
                .where(STATION.REGION_CODE.eq(regionCode), STATION.STATION_ID.eq(id))
                .fetchOptional(JooqStationRepository::toStation);
    }

    @Override
    public Optional<Station> findByExternalId(String regionCode, String externalId) {
        return dsl.selectFrom(STATION)
                .where(STATION.REGION_CODE.eq(regionCode), STATION.EXTERNAL_ID.eq(externalId))
                .fetchOptional(JooqStationRepository::toStation);
    }

    @Override
    public Station insert(Station station) {
        return dsl.transactionResult(cfg -> insert(DSL.using(cfg), station, null));
    }

    static Station insert(DSLContext tx, Station station, Long batchId) {
        if (station.id() != null) {
            throw new IllegalArgumentException("a new station must not have an id (got " + station.id() + ")");
        }
        StationRecord r = tx.newRecord(STATION);
        fill(r, station);
        r.setBatchId(batchId);
        r.store();
        Station saved = toStation(r);
        AuditWriter.write(
                tx, saved.regionCode(), "create", "station", String.valueOf(saved.id()), null, auditView(saved));
        return saved;
    }

    @Override
    public Station update(Station station) {
        return dsl.transactionResult(cfg -> update(DSL.using(cfg), station, null));
    }

    static Station update(DSLContext tx, Station station, Long batchId) {
        if (station.id() == null) {
            throw new IllegalArgumentException("a station to update needs an id");
        }
        StationRecord r = tx.selectFrom(STATION)
                .where(STATION.REGION_CODE.eq(station.regionCode()), STATION.STATION_ID.eq(station.id()))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> new NotFoundException(
                        "no station " + station.id() + " in region '" + station.regionCode() + "'"));
        Station before = toStation(r);
        fill(r, station);
        if (batchId != null) {
            r.setBatchId(batchId);
        }
        r.setUpdatedAt(OffsetDateTime.now());
        r.store();
        Station after = toStation(r);
        AuditWriter.write(
                tx,
                after.regionCode(),
                "update",
                "station",
                String.valueOf(after.id()),
                auditView(before),
                auditView(after));
        return after;
    }

    @Override
    public boolean delete(String regionCode, long id) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Optional<StationRecord> r = tx.selectFrom(STATION)
                    .where(STATION.REGION_CODE.eq(regionCode), STATION.STATION_ID.eq(id))
                    .forUpdate()
                    .fetchOptional();
            if (r.isEmpty()) {
                return false;
            }
            Station before = toStation(r.get());
            r.get().delete();
            AuditWriter.write(tx, regionCode, "delete", "station", String.valueOf(id), auditView(before), null);
            return true;
        });
    }

    private static void fill(StationRecord r, Station s) {
        r.setRegionCode(s.regionCode());
        r.setExternalId(s.externalId());
        r.setKind(s.kind().code());
        r.setName(s.name());
        r.setAddress(s.address());
        r.setOperator(s.operator());
        r.setDistrictCode(s.districtCode());
        r.setServices(codes(s.services()));
        r.setOpeningHours(s.openingHours() == null ? null : s.openingHours().source());
        r.setCapacitySeats(s.capacitySeats());
        r.setStatus(s.status().code());
        r.setGeom(Geometries.point(s.location()));
    }

    static String[] codes(Set<StationService> services) {
        return services.stream().map(StationService::code).toArray(String[]::new);
    }

    static Station toStation(StationRecord r) {
        Set<StationService> services = EnumSet.noneOf(StationService.class);
        for (String code : r.getServices()) {
            services.add(StationService.parse(code));
        }
        Point p = (Point) r.getGeom();
        return new Station(
                r.getStationId(),
                r.getRegionCode(),
                r.getExternalId(),
                StationKind.parse(r.getKind()),
                r.getName(),
                r.getAddress(),
                r.getOperator(),
                r.getDistrictCode(),
                services,
                r.getOpeningHours() == null ? null : OpeningHours.parse(r.getOpeningHours()),
                r.getCapacitySeats(),
                StationStatus.parse(r.getStatus()),
                new LatLon(p.getY(), p.getX()));
    }

    /** The station as the audit log shows it: plain fields, codes not enums. */
    static Map<String, Object> auditView(Station s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("externalId", s.externalId());
        m.put("kind", s.kind().code());
        m.put("name", s.name());
        m.put("address", s.address());
        m.put("operator", s.operator());
        m.put("districtCode", s.districtCode());
        m.put("services", List.of(codes(s.services())));
        m.put("openingHours", s.openingHours() == null ? null : s.openingHours().source());
        m.put("capacitySeats", s.capacitySeats());
        m.put("status", s.status().code());
        m.put("lat", s.location().lat());
        m.put("lon", s.location().lon());
        return m;
    }
}
