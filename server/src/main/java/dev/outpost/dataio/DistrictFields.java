package dev.outpost.dataio;

import dev.outpost.district.AreaLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributes of a district file and the column names (aliases) that mean each; besides them, any column named
 * {@value #TARGET_PREFIX}{@code <key>} holds the target {@code <key>}. For {@code name} and {@code code}
 * several columns may match (a township file often carries 乡, 县 and 市): the alias listed first wins, with a
 * warning. A name column found by a level-specific alias (乡, 街道, 县, 社区 …) also tells the level of the areas when
 * no level column or option says otherwise.
 */
public final class DistrictFields {
    public static final String CODE = "code";
    public static final String NAME = "name";
    public static final String LEVEL = "level";
    public static final String PARENT_CODE = "parent_code";
    public static final String POPULATION = "population";
    /** Planning targets as a JSON object, e.g. {@code {"min_stations": 5, "coverage_15min": 0.9}}. */
    public static final String TARGETS = "targets";
    /** Columns named {@code target_<key>} hold one target each (e.g. {@code target_min_stations}). */
    public static final String TARGET_PREFIX = "target_";

    private static final List<String> COMMUNITY_NAMES = List.of("社区", "村", "社区名称", "村名", "居委会");
    private static final List<String> SUBDISTRICT_NAMES =
            List.of("乡", "街道", "乡镇", "街道名称", "乡镇名称", "镇", "乡镇街道", "subdistrict", "township", "town");
    private static final List<String> DISTRICT_NAMES =
            List.of("县", "区", "区县", "县区", "区名", "区县名称", "qh", "district", "county");

    static final ColumnSchema SCHEMA;

    private static final Map<String, AreaLevel> LEVEL_OF_NAME_ALIAS = new LinkedHashMap<>();

    static {
        LinkedHashMap<String, List<String>> a = new LinkedHashMap<>();
        a.put(
                CODE,
                List.of("代码", "编码", "区划代码", "行政区划代码", "行政代码", "adcode", "gb", "统一编码", "id", GeoJsonTables.FEATURE_ID));
        List<String> names = new java.util.ArrayList<>(List.of("名称", "名字", "区划名称", "行政区划名称"));
        names.addAll(COMMUNITY_NAMES);
        names.addAll(SUBDISTRICT_NAMES);
        names.addAll(DISTRICT_NAMES);
        a.put(NAME, names);
        a.put(LEVEL, List.of("级别", "层级", "行政级别"));
        a.put(PARENT_CODE, List.of("上级代码", "上级编码", "父级代码", "parent", "parentcode", "parent_adcode"));
        a.put(POPULATION, List.of("人口", "常住人口", "人口数", "总人口", "pop"));
        a.put(TARGETS, List.of("目标", "规划目标"));
        SCHEMA = new ColumnSchema(a, Set.of(CODE, NAME));
        COMMUNITY_NAMES.forEach(n -> LEVEL_OF_NAME_ALIAS.put(ColumnSchema.normalize(n), AreaLevel.COMMUNITY));
        SUBDISTRICT_NAMES.forEach(n -> LEVEL_OF_NAME_ALIAS.put(ColumnSchema.normalize(n), AreaLevel.SUBDISTRICT));
        DISTRICT_NAMES.forEach(n -> LEVEL_OF_NAME_ALIAS.put(ColumnSchema.normalize(n), AreaLevel.DISTRICT));
    }

    private DistrictFields() {}

    /** The level a name column's header implies (乡 → subdistrict), or null. */
    static AreaLevel levelOfNameColumn(String header) {
        return LEVEL_OF_NAME_ALIAS.get(ColumnSchema.normalize(header));
    }
}
