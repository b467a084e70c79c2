package dev.outpost.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.geo.BBox;
import dev.outpost.geo.LatLon;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StationCatalogTest {
    // Monday 2 March 2026, 20:00 in Shanghai.
    private static final Instant MONDAY_EVENING =
            LocalDateTime.parse("2026-03-02T20:00").atZone(OpeningHours.ZONE).toInstant();

    private InMemoryStationRepository repo;
    private StationCatalog catalog;

    @BeforeEach
    void setUp() {
        repo = new InMemoryStationRepository();
        catalog = new StationCatalog(repo, Clock.fixed(MONDAY_EVENING, OpeningHours.ZONE));
    }

    private Station add(String name, String hours, StationKind kind, LatLon at, StationService... services) {
        return catalog.create(new Station(
                null,
                "shenzhen",
                null,
                kind,
                name,
                null,
                null,
                null,
                Set.of(services),
                hours == null ? null : OpeningHours.parse(hours),
                null,
                StationStatus.OPEN,
                at));
    }

    private static List<String> names(List<Station> stations) {
        return stations.stream().map(Station::name).collect(Collectors.toList());
    }

    @Test
    void openAtIsFilteredInJavaAfterTheRepositoryQuery() {
        add("day", "Mo-Fr 09:00-18:00", StationKind.WARM_BEE_STATION, new LatLon(22.54, 114.05));
        add("night", "Mo-Su 18:00-02:00", StationKind.WARM_BEE_STATION, new LatLon(22.55, 114.06));
        add("always", "24/7", StationKind.DRIVER_HOME, new LatLon(22.56, 114.07));
        add("unknown", null, StationKind.WARM_BEE_STATION, new LatLon(22.57, 114.08));

        StationQuery all = StationQuery.all("shenzhen");
        assertThat(names(catalog.find(all))).containsExactly("day", "night", "always", "unknown");
        assertThat(names(catalog.find(all.withOpenAt(MONDAY_EVENING)))).containsExactly("night", "always");
        assertThat(names(catalog.findOpenNow(all))).containsExactly("night", "always");
        // The repository was asked without the limit shrinking the candidates.
        assertThat(repo.queries.get(repo.queries.size() - 1).limit()).isEqualTo(StationQuery.MAX_LIMIT);
        // The limit applies after filtering.
        assertThat(names(catalog.find(all.withOpenAt(MONDAY_EVENING).withLimit(1))))
                .containsExactly("night");
        // Tuesday 10:00: day, always (night closed at 02:00).
        Instant tuesdayMorning = LocalDateTime.parse("2026-03-03T10:00")
                .atZone(OpeningHours.ZONE)
                .toInstant();
        assertThat(names(catalog.find(all.withOpenAt(tuesdayMorning)))).containsExactly("day", "always");
    }

    @Test
    void otherCriteriaReachTheRepository() {
        add("a", "24/7", StationKind.WARM_BEE_STATION, new LatLon(22.54, 114.05), StationService.TOILET);
        add(
                "b",
                "24/7",
                StationKind.DRIVER_HOME,
                new LatLon(22.54, 114.05),
                StationService.TOILET,
                StationService.SHOWER);
        add(
                "c",
                "24/7",
                StationKind.DRIVER_HOME,
                new LatLon(23.5, 114.05),
                StationService.TOILET,
                StationService.SHOWER);
        StationQuery q = StationQuery.all("shenzhen")
                .withKinds(Set.of(StationKind.DRIVER_HOME))
                .withServices(Set.of(StationService.SHOWER))
                .withBbox(new BBox(113.7, 22.4, 114.7, 22.9));
        assertThat(names(catalog.find(q))).containsExactly("b");
        assertThat(catalog.find(StationQuery.all("beijing"))).isEmpty();
    }

    @Test
    void getUpdateDeleteAndTheirErrors() {
        Station s = add("a", "Mo-Fr 09:00-18:00", StationKind.OTHER, new LatLon(22.54, 114.05));
        assertThat(catalog.get("shenzhen", s.id())).isEqualTo(s);
        assertThatThrownBy(() -> catalog.get("beijing", s.id()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("station " + s.id() + " not found in region 'beijing'");

        Station closed = catalog.update(s.withStatus(StationStatus.CLOSED));
        assertThat(catalog.get("shenzhen", s.id()).status()).isEqualTo(StationStatus.CLOSED);
        assertThatThrownBy(() -> catalog.update(closed.withId(999))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.create(closed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not have an id");

        catalog.delete("shenzhen", s.id());
        assertThat(catalog.find("shenzhen", s.id())).isEmpty();
        assertThatThrownBy(() -> catalog.delete("shenzhen", s.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void externalIdsAreUniquePerRegion() {
        catalog.create(StationTest.station("一号驿站")); // no external id: never conflicts
        catalog.create(StationTest.station("二号驿站"));
        Station withExt = new Station(
                null,
                "shenzhen",
                "SZ-001",
                StationKind.OTHER,
                "甲",
                null,
                null,
                null,
                null,
                null,
                null,
                StationStatus.OPEN,
                new LatLon(22.5, 114.0));
        Station saved = catalog.create(withExt);
        assertThatThrownBy(() -> catalog.create(withExt))
                .isInstanceOf(ConflictException.class)
                .hasMessage("external id 'SZ-001' is already used by station " + saved.id() + " in region 'shenzhen'");
        // Updating the owner itself is fine; the same external id in another region too.
        assertThat(catalog.update(saved.withStatus(StationStatus.CLOSED)).status())
                .isEqualTo(StationStatus.CLOSED);
        Station elsewhere = new Station(
                null,
                "beijing",
                "SZ-001",
                StationKind.OTHER,
                "乙",
                null,
                null,
                null,
                null,
                null,
                null,
                StationStatus.OPEN,
                new LatLon(39.9, 116.4));
        assertThat(catalog.create(elsewhere).id()).isNotNull();
    }

    @Test
    void openNowAndNextChangeUseTheClock() {
        Station day = add("day", "Mo-Fr 09:00-18:00", StationKind.OTHER, new LatLon(22.54, 114.05));
        Station night = add("night", "Mo-Su 18:00-21:00", StationKind.OTHER, new LatLon(22.54, 114.05));
        Station unknown = add("unknown", null, StationKind.OTHER, new LatLon(22.54, 114.05));
        assertThat(catalog.isOpenNow(day)).contains(false);
        assertThat(catalog.isOpenNow(night)).contains(true);
        assertThat(catalog.isOpenNow(unknown)).isEmpty();
        assertThat(catalog.nextChange(night))
                .contains(LocalDateTime.parse("2026-03-02T21:00")
                        .atZone(OpeningHours.ZONE)
                        .toInstant());
        assertThat(catalog.nextChange(day))
                .contains(LocalDateTime.parse("2026-03-03T09:00")
                        .atZone(OpeningHours.ZONE)
                        .toInstant());
        assertThat(catalog.nextChange(unknown)).isEmpty();
    }
}
