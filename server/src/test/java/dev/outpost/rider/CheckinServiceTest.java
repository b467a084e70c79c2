package dev.outpost.rider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.common.NotFoundException;
import dev.outpost.district.Region;
import dev.outpost.geo.LatLon;
import dev.outpost.station.OpeningHours;
import dev.outpost.station.Station;
import dev.outpost.station.StationCatalog;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationStatus;
import dev.outpost.store.JooqCheckinRepository;
import dev.outpost.store.JooqRegionRepository;
import dev.outpost.store.JooqStationRepository;
import dev.outpost.store.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link CheckinService} on the real PostGIS store with a clock the test moves. */
class CheckinServiceTest {
    static TestDatabase db;
    static JooqCheckinRepository repo;
    static StationCatalog catalog;
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-03-10T04:00:00Z"));

    @BeforeAll
    static void start() {
        db = TestDatabase.create("checkins");
        new JooqRegionRepository(db.database()).upsert(new Region("ck", "签到市", "Check-in City", true));
        catalog = new StationCatalog(new JooqStationRepository(db.database()), CLOCK);
        repo = new JooqCheckinRepository(db.database());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static Station station(String name) {
        return catalog.create(new Station(
                null,
                "ck",
                null,
                StationKind.DRIVER_HOME,
                name,
                null,
                null,
                null,
                Set.of(),
                OpeningHours.parse("24/7"),
                2,
                StationStatus.OPEN,
                new LatLon(22.6, 113.9)));
    }

    static CheckinService service(VisitLimits limits) {
        return new CheckinService(
                repo, catalog, CLOCK, "0123456789abcdef-test-secret".getBytes(StandardCharsets.UTF_8), limits);
    }

    @Test
    void newStationsGetUniqueCodesThatFindThem() {
        Station a = station("甲站");
        Station b = station("乙站");
        StationCode ca = repo.findByStation("ck", a.id()).orElseThrow();
        StationCode cb = repo.findByStation("ck", b.id()).orElseThrow();
        assertThat(ca.shortCode()).matches("[" + ShortCodes.ALPHABET + "]{6}").isNotEqualTo(cb.shortCode());
        assertThat(repo.findByCode(ca.shortCode())).contains(ca);
        assertThat(ShortCodes.normalize(" " + ca.shortCode().toLowerCase(java.util.Locale.ROOT) + " "))
                .contains(ca.shortCode());
        assertThat(ShortCodes.normalize("O0I1L5")).isEmpty();
        assertThat(ShortCodes.normalize("ABCDE")).isEmpty();
    }

    @Test
    void oneVisitPerDeviceStationAndShanghaiDay() {
        Station s = station("夜站");
        String code = repo.findByStation("ck", s.id()).orElseThrow().shortCode();
        CheckinService svc = service(VisitLimits.defaults());
        // 23:59 in Shanghai on 10 March
        CLOCK.set(Instant.parse("2026-03-10T15:59:00Z"));
        CheckinService.Visit first = svc.visit(code, null, "10.0.0.1");
        assertThat(first.counted()).isTrue();
        String device = first.deviceIdToSet().orElseThrow();
        assertThat(CheckinService.isDeviceId(device)).isTrue();
        assertThat(svc.visit(code, device, "10.0.0.1").counted()).isFalse();
        assertThat(svc.visit(code, device, "10.0.0.2").counted())
                .as("another address, same device")
                .isFalse();
        // 00:01 on 11 March: a new day
        CLOCK.set(Instant.parse("2026-03-10T16:01:00Z"));
        CheckinService.Visit nextDay = svc.visit(code, device, "10.0.0.1");
        assertThat(nextDay.counted()).isTrue();
        assertThat(nextDay.deviceIdToSet()).isEmpty();

        List<DailyVisits> days = svc.dailyVisits("ck", s.id(), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 11));
        assertThat(days)
                .containsExactly(
                        new DailyVisits(LocalDate.of(2026, 3, 9), 0),
                        new DailyVisits(LocalDate.of(2026, 3, 10), 1),
                        new DailyVisits(LocalDate.of(2026, 3, 11), 1));
        // nothing personal is stored: the device hash is not the cookie value, and no address is kept
        String stored = db.database()
                .dsl()
                .fetchValue(
                        "SELECT string_agg(device_hash || ' ' || day || ' ' || at, ';') FROM checkin WHERE station_id = ?",
                        s.id())
                .toString();
        assertThat(stored).doesNotContain(device).doesNotContain("10.0.0.1");
        assertThat(db.database()
                        .dsl()
                        .fetchValue("SELECT count(DISTINCT device_hash) FROM checkin WHERE station_id = ?", s.id()))
                .isEqualTo(1L);
    }

    @Test
    void visitsOfEveryStationOfTheRegionForReviews() {
        Station a = station("评估甲站");
        Station b = station("评估乙站");
        String codeA = repo.findByStation("ck", a.id()).orElseThrow().shortCode();
        String codeB = repo.findByStation("ck", b.id()).orElseThrow().shortCode();
        CheckinService svc = service(new VisitLimits(1000, 1000, 1000));
        CLOCK.set(Instant.parse("2026-04-01T04:00:00Z"));
        svc.visit(codeA, null, "10.2.0.1");
        svc.visit(codeA, null, "10.2.0.2");
        svc.visit(codeB, null, "10.2.0.3");
        CLOCK.set(Instant.parse("2026-04-02T04:00:00Z"));
        svc.visit(codeB, null, "10.2.0.3");
        assertThat(svc.inUse()).isTrue();
        List<StationDayVisits> visits = svc.regionVisits("ck", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2));
        assertThat(visits)
                .containsExactly(
                        new StationDayVisits(a.id(), LocalDate.of(2026, 4, 1), 2),
                        new StationDayVisits(b.id(), LocalDate.of(2026, 4, 1), 1),
                        new StationDayVisits(b.id(), LocalDate.of(2026, 4, 2), 1));
        assertThat(svc.regionVisits("other-region", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2)))
                .isEmpty();
        assertThatThrownBy(() -> svc.regionVisits("ck", LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 1)))
                .hasMessageContaining("after");
    }

    @Test
    void clientsWithoutCookiesAddAtMostTheDailyAllowancePerAddress() {
        Station s = station("无饼站");
        String code = repo.findByStation("ck", s.id()).orElseThrow().shortCode();
        CheckinService svc = service(new VisitLimits(1000, 1000, 3));
        CLOCK.set(Instant.parse("2026-03-12T04:00:00Z"));
        int counted = 0;
        for (int i = 0; i < 10; i++) {
            counted += svc.visit(code, null, "10.0.0.9").counted() ? 1 : 0;
        }
        assertThat(counted).isEqualTo(3);
        assertThat(svc.visit(code, null, "10.0.0.10").counted())
                .as("another address")
                .isTrue();
        CLOCK.set(Instant.parse("2026-03-13T04:00:00Z"));
        assertThat(svc.visit(code, null, "10.0.0.9").counted())
                .as("the next day")
                .isTrue();
        assertThat(svc.dailyVisits("ck", s.id(), LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 13)))
                .extracting(DailyVisits::visits)
                .containsExactly(4, 1);
    }

    @Test
    void rateLimitsRefillWithTime() {
        Station s = station("限流站");
        String code = repo.findByStation("ck", s.id()).orElseThrow().shortCode();
        CheckinService svc = service(new VisitLimits(5, 3, 20));
        CLOCK.set(Instant.parse("2026-03-14T04:00:00Z"));
        String device = svc.visit(code, null, "10.1.1.1").deviceIdToSet().orElseThrow();
        svc.visit(code, device, "10.1.1.1");
        svc.visit(code, device, "10.1.1.1");
        svc.visit(code, device, "10.1.1.1");
        assertThatThrownBy(() -> svc.visit(code, device, "10.1.1.1"))
                .isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("device");
        // 5 per address: the fifth request (the refused one above) used the address's last token
        assertThatThrownBy(() -> svc.visit(code, null, "10.1.1.1"))
                .isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("address")
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds())
                        .isBetween(1L, 12L));
        assertThat(svc.visit(code, null, "10.1.1.2").station().id()).isEqualTo(s.id());
        CLOCK.set(CLOCK.instant().plus(Duration.ofMinutes(1)));
        assertThat(svc.visit(code, device, "10.1.1.1").station().id()).isEqualTo(s.id());
    }

    @Test
    void unknownCodesAndBadSpans() {
        CheckinService svc = service(VisitLimits.defaults());
        assertThatThrownBy(() -> svc.visit("ZZZZZZ", null, "x"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'ZZZZZZ'");
        assertThatThrownBy(() -> svc.visit("hello!", null, "x"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'hello!'");
        Station s = station("区间站");
        assertThatThrownBy(() -> svc.dailyVisits("ck", s.id(), LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1)))
                .hasMessageContaining("after");
        assertThatThrownBy(() -> svc.dailyVisits("ck", s.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2)))
                .hasMessageContaining("367 days");
        assertThatThrownBy(() -> svc.dailyVisits("ck", 987654, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> new CheckinService(repo, catalog, CLOCK, new byte[8], VisitLimits.defaults()))
                .hasMessageContaining("16 bytes");
    }

    /** A clock the test sets. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
