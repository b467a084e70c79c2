package dev.outpost.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class StationCodesTest {
    @Test
    void kindParsesCodesAndLabels() {
        assertThat(StationKind.parse("warm_bee_station")).isEqualTo(StationKind.WARM_BEE_STATION);
        assertThat(StationKind.parse(" 暖蜂驿站 ")).isEqualTo(StationKind.WARM_BEE_STATION);
        assertThat(StationKind.parse("司机之家")).isEqualTo(StationKind.DRIVER_HOME);
        assertThat(StationKind.parse("DRIVER_HOME")).isEqualTo(StationKind.DRIVER_HOME);
        assertThat(StationKind.parse("Party-mass service centre")).isEqualTo(StationKind.PARTY_SERVICE_CENTER);
        assertThat(StationKind.parse("党群服务中心")).isEqualTo(StationKind.PARTY_SERVICE_CENTER);
        assertThat(StationKind.parse("partner-site")).isEqualTo(StationKind.PARTNER_SITE);
        assertThat(StationKind.parse("其他")).isEqualTo(StationKind.OTHER);
        assertThat(StationKind.DRIVER_HOME.code()).isEqualTo("driver_home");
        assertThat(StationKind.DRIVER_HOME.labelZh()).isEqualTo("司机之家");
        assertThat(StationKind.DRIVER_HOME.labelEn()).isEqualTo("Driver home");
        assertThatThrownBy(() -> StationKind.parse("xyz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown station kind 'xyz'; expected one of warm_bee_station (暖蜂驿站),"
                        + " driver_home (司机之家), party_service_center (党群服务中心), partner_site (合作站点), other (其他)");
        assertThatThrownBy(() -> StationKind.parse(null)).hasMessageStartingWith("unknown station kind 'null'");
    }

    @Test
    void statusParsesCodesAndLabels() {
        assertThat(StationStatus.parse("open")).isEqualTo(StationStatus.OPEN);
        assertThat(StationStatus.parse("运营中")).isEqualTo(StationStatus.OPEN);
        assertThat(StationStatus.parse("规划中")).isEqualTo(StationStatus.PLANNED);
        assertThat(StationStatus.parse("CLOSED")).isEqualTo(StationStatus.CLOSED);
        assertThatThrownBy(() -> StationStatus.parse("营业"))
                .hasMessage("unknown station status '营业'; expected one of planned (规划中), open (运营中), closed (已关闭)");
    }

    @Test
    void serviceListsSplitOnEveryCommonSeparator() {
        assertThat(StationService.parseList("饮用水、热饭;toilet | wifi，手机充电,  淋浴 ；books"))
                .containsExactly(
                        StationService.DRINKING_WATER,
                        StationService.FOOD_HEATING,
                        StationService.PHONE_CHARGING,
                        StationService.TOILET,
                        StationService.SHOWER,
                        StationService.WIFI,
                        StationService.BOOKS);
        assertThat(StationService.parseList("")).isEmpty();
        assertThat(StationService.parseList(null)).isEmpty();
        assertThat(StationService.parseList("toilet;;toilet;")).containsExactly(StationService.TOILET);
        assertThat(StationService.parse("电动车充电")).isEqualTo(StationService.EBIKE_CHARGING);
        assertThat(StationService.parse("First-aid kit")).isEqualTo(StationService.FIRST_AID);
        assertThat(StationService.toCodes(Set.of(StationService.WIFI, StationService.DRINKING_WATER)))
                .isEqualTo("drinking_water;wifi");
    }

    @Test
    void unknownServicesAreNamed() {
        assertThatThrownBy(() -> StationService.parseList("饮用水、桑拿、pool"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown station services '桑拿', 'pool'; expected one of drinking_water (饮用水),")
                .hasMessageContaining("discount_meals (优惠餐食)");
        assertThatThrownBy(() -> StationService.parseList("sauna"))
                .hasMessageStartingWith("unknown station service 'sauna'; expected");
    }

    @Test
    void parsedListsAreUnmodifiable() {
        Set<StationService> s = StationService.parseList("toilet");
        assertThatThrownBy(() -> s.add(StationService.WIFI)).isInstanceOf(UnsupportedOperationException.class);
    }
}
