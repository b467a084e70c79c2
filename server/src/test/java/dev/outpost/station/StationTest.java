package dev.outpost.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.geo.LatLon;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StationTest {
    static Station station(String name) {
        return new Station(
                null,
                "shenzhen",
                null,
                StationKind.WARM_BEE_STATION,
                name,
                "福田区深南大道 1 号",
                "福田区总工会",
                null,
                EnumSet.of(StationService.DRINKING_WATER, StationService.TOILET),
                OpeningHours.parse("Mo-Fr 09:00-18:00; PH off"),
                12,
                StationStatus.OPEN,
                new LatLon(22.54, 114.05));
    }

    @Test
    void servicesAreCopiedAndUnmodifiable() {
        Set<StationService> mutable = new HashSet<>(Set.of(StationService.WIFI));
        Station s = station("驿站").withId(1);
        Station t = new Station(
                1L,
                "shenzhen",
                "ext-1",
                StationKind.OTHER,
                "x",
                null,
                null,
                null,
                mutable,
                null,
                null,
                StationStatus.PLANNED,
                new LatLon(22.5, 114.0));
        mutable.add(StationService.BOOKS);
        assertThat(t.services()).containsExactly(StationService.WIFI);
        assertThatThrownBy(() -> s.services().add(StationService.WIFI))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(new Station(
                                null,
                                "sz",
                                null,
                                StationKind.OTHER,
                                "x",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                StationStatus.OPEN,
                                new LatLon(0, 0))
                        .services())
                .isEmpty();
    }

    @Test
    void withersKeepEverythingElse() {
        Station s = station("驿站");
        Station saved = s.withId(42);
        assertThat(saved.id()).isEqualTo(42L);
        assertThat(saved.name()).isEqualTo("驿站");
        assertThat(saved.withStatus(StationStatus.CLOSED).status()).isEqualTo(StationStatus.CLOSED);
        assertThat(saved.withDistrictCode("440304").districtCode()).isEqualTo("440304");
        assertThat(saved.withLocation(new LatLon(22.6, 114.1)).location()).isEqualTo(new LatLon(22.6, 114.1));
        assertThat(saved.withOpeningHours(null).openingHours()).isNull();
        assertThat(saved.withId(42)).isEqualTo(saved);
    }

    @Test
    void invalidFieldsAreNamed() {
        assertThatThrownBy(() -> station(" ")).hasMessage("station ' ': field 'name' is required");
        String longName = "驿".repeat(201);
        assertThatThrownBy(() -> station(longName))
                .hasMessage("station '" + "驿".repeat(40) + "…': field 'name' has 201 characters; at most 200 allowed");
        assertThat(station("驿".repeat(200)).name()).hasSize(200);
        assertThatThrownBy(() -> station("a").withId(0)).hasMessage("station 0: id 0 must be positive");
        Station s = station("a");
        assertThatThrownBy(() -> new Station(
                        null,
                        "sz",
                        null,
                        StationKind.OTHER,
                        "a",
                        null,
                        null,
                        null,
                        null,
                        null,
                        -1,
                        StationStatus.OPEN,
                        s.location()))
                .hasMessage("station 'a': field 'capacitySeats' is -1; expected 0 or more");
        assertThatThrownBy(() -> new Station(
                        null,
                        "",
                        null,
                        StationKind.OTHER,
                        "a",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        StationStatus.OPEN,
                        s.location()))
                .hasMessage("station 'a': field 'regionCode' is required");
        assertThatThrownBy(() -> new Station(
                        null,
                        "sz",
                        " ",
                        StationKind.OTHER,
                        "a",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        StationStatus.OPEN,
                        s.location()))
                .hasMessageContaining("field 'externalId' ' ' must be null or 1 to 100 characters");
        assertThatThrownBy(() -> new Station(
                        null,
                        "sz",
                        null,
                        null,
                        "a",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        StationStatus.OPEN,
                        s.location()))
                .hasMessage("station 'a': field 'kind' is required");
        assertThatThrownBy(() -> new Station(
                        null,
                        "sz",
                        null,
                        StationKind.OTHER,
                        "a",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        s.location()))
                .hasMessage("station 'a': field 'status' is required");
        assertThatThrownBy(() -> new Station(
                        null,
                        "sz",
                        null,
                        StationKind.OTHER,
                        "a",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        StationStatus.OPEN,
                        null))
                .hasMessage("station 'a': field 'location' is required");
    }
}
