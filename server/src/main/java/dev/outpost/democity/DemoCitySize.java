package dev.outpost.democity;

import static dev.outpost.democity.CityConfig.MacroRegion.NORTH_EAST;
import static dev.outpost.democity.CityConfig.MacroRegion.NORTH_WEST;
import static dev.outpost.democity.CityConfig.MacroRegion.SOUTH_EAST;
import static dev.outpost.democity.CityConfig.MacroRegion.SOUTH_WEST;

import dev.outpost.democity.CityConfig.Area;
import dev.outpost.democity.CityConfig.Centre;
import dev.outpost.democity.CityConfig.DistrictSpec;
import dev.outpost.democity.CityConfig.Place;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sizes of the synthetic demo city.
 *
 * <ul>
 *   <li>{@link #SMALL}: 12 × 10 km, 3 districts, 8 subdistricts, about 40 stations, 200 candidate sites and 3,000
 *       demand points; for the demo and tests.
 *   <li>{@link #SHENZHEN}: 50 × 40 km (2,000 km²), 10 districts, 60 subdistricts, 750 stations (47 driver homes),
 *       12,000 candidate sites and 100,000 demand points; for benchmarks only.
 * </ul>
 */
public enum DemoCitySize {
    SMALL("small"),
    SHENZHEN("shenzhen");

    private final String cliName;

    DemoCitySize(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in file headers ({@code small}, {@code shenzhen}). */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line size name, case-insensitively. */
    public static DemoCitySize parse(String text) {
        for (DemoCitySize size : values()) {
            if (size.cliName.equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                return size;
            }
        }
        throw new IllegalArgumentException("--size: unknown demo city size '" + text + "'; expected one of "
                + Arrays.stream(values()).map(DemoCitySize::cliName).collect(Collectors.joining(", ")));
    }

    CityConfig config() {
        return this == SMALL ? small() : shenzhen();
    }

    private static CityConfig small() {
        return new CityConfig(
                "small",
                113.880,
                22.560,
                12_000,
                10_000,
                200,
                0.55,
                330,
                8_000,
                60,
                0.22,
                0.035,
                List.of(
                        new Centre(0.30, 0.62, 1.0, 1_700),
                        new Centre(0.74, 0.58, 0.45, 1_100),
                        new Centre(0.22, 0.10, 0.35, 900),
                        new Centre(0.70, 0.12, 0.2, 800)),
                List.of(
                        new Place(0.68, 0.50, "示范火车站", "Demo City Railway Station"),
                        new Place(0.36, 0.45, "示范客运总站", "Demo City Coach Terminal"),
                        new Place(0.34, 0.04, "新港码头", "Xingang Pier")),
                List.of(new Area(0.60, 0.80, 0.03, 0.19, "新港物流园", "Xingang Logistics Park")),
                List.of(0.25, 0.71),
                List.of(0.42, 0.88),
                List.of(0.10, 0.40, 0.62, 0.88),
                List.of(
                        new DistrictSpec("01", "河西区", "Hexi District", List.of(NORTH_WEST), 0.3, 0.6, 3),
                        new DistrictSpec("02", "河东区", "Hedong District", List.of(NORTH_EAST), 0.8, 0.6, 3),
                        new DistrictSpec(
                                "03", "新港区", "Xingang District", List.of(SOUTH_WEST, SOUTH_EAST), 0.5, 0.1, 2)),
                680_000,
                25_000,
                1_000,
                20,
                3,
                6,
                3,
                200,
                3_000,
                12,
                250,
                100,
                0.25);
    }

    private static CityConfig shenzhen() {
        return new CityConfig(
                "shenzhen",
                113.750,
                22.450,
                50_000,
                40_000,
                200,
                0.50,
                900,
                24_000,
                110,
                0.30,
                0.03,
                List.of(
                        new Centre(0.28, 0.55, 1.0, 3_500),
                        new Centre(0.16, 0.66, 0.7, 2_800),
                        new Centre(0.40, 0.72, 0.6, 2_800),
                        new Centre(0.36, 0.40, 0.55, 2_500),
                        new Centre(0.68, 0.58, 0.8, 3_200),
                        new Centre(0.82, 0.42, 0.55, 2_600),
                        new Centre(0.60, 0.80, 0.45, 2_600),
                        new Centre(0.22, 0.16, 0.5, 2_600),
                        new Centre(0.66, 0.14, 0.4, 2_400),
                        new Centre(0.90, 0.75, 0.3, 2_000)),
                List.of(
                        new Place(0.63, 0.50, "示范火车站", "Demo City Railway Station"),
                        new Place(0.40, 0.86, "示范北站", "Demo City North Station"),
                        new Place(0.10, 0.36, "示范机场", "Demo City Airport"),
                        new Place(0.30, 0.48, "示范客运总站", "Demo City Coach Terminal"),
                        new Place(0.80, 0.50, "河东客运站", "Hedong Coach Station"),
                        new Place(0.30, 0.03, "新港码头", "Xingang Pier")),
                List.of(
                        new Area(0.58, 0.72, 0.06, 0.26, "新港物流园", "Xingang Logistics Park"),
                        new Area(0.05, 0.15, 0.33, 0.45, "西部物流园", "Western Logistics Park")),
                List.of(0.08, 0.20, 0.33, 0.44, 0.62, 0.74, 0.86, 0.95),
                List.of(0.14, 0.26, 0.39, 0.56, 0.68, 0.80),
                List.of(0.04, 0.16, 0.24, 0.40, 0.50, 0.60, 0.70, 0.80, 0.92),
                List.of(
                        new DistrictSpec("01", "河西区", "Hexi District", List.of(NORTH_WEST), 0.36, 0.50, 6),
                        new DistrictSpec("02", "河东区", "Hedong District", List.of(NORTH_EAST), 0.65, 0.50, 6),
                        new DistrictSpec("03", "新港区", "Xingang District", List.of(SOUTH_WEST), 0.36, 0.15, 6),
                        new DistrictSpec("04", "西岭区", "Xiling District", List.of(NORTH_WEST), 0.12, 0.55, 6),
                        new DistrictSpec("05", "北山区", "Beishan District", List.of(NORTH_WEST), 0.25, 0.85, 6),
                        new DistrictSpec("06", "东湖区", "Donghu District", List.of(NORTH_EAST), 0.88, 0.50, 6),
                        new DistrictSpec("07", "龙泉区", "Longquan District", List.of(NORTH_EAST), 0.75, 0.85, 6),
                        new DistrictSpec("08", "西湾区", "Xiwan District", List.of(SOUTH_WEST), 0.12, 0.15, 6),
                        new DistrictSpec("09", "滨海区", "Binhai District", List.of(SOUTH_EAST), 0.62, 0.15, 6),
                        new DistrictSpec("10", "南湾区", "Nanwan District", List.of(SOUTH_EAST), 0.88, 0.15, 6)),
                17_500_000,
                25_000,
                1_500,
                513,
                47,
                90,
                40,
                12_000,
                100_000,
                160,
                350,
                250,
                1.0);
    }
}
