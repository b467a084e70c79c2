package dev.outpost.dataio;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * The columns of a station file: canonical English names, the Chinese headers the CSV writer uses, and the aliases
 * the reader accepts. The writer's Chinese headers are aliases of the reader, so an export reads back unchanged.
 */
public final class StationFields {
    public static final String EXTERNAL_ID = "external_id";
    public static final String KIND = "kind";
    public static final String NAME = "name";
    public static final String ADDRESS = "address";
    public static final String OPERATOR = "operator";
    public static final String DISTRICT = "district";
    public static final String SERVICES = "services";
    public static final String OPENING_HOURS = "opening_hours";
    public static final String CAPACITY = "capacity";
    public static final String STATUS = "status";
    public static final String LON = "lon";
    public static final String LAT = "lat";

    /** The canonical field names in file order. */
    public static final List<String> CANONICAL = List.of(
            EXTERNAL_ID, KIND, NAME, ADDRESS, OPERATOR, DISTRICT, SERVICES, OPENING_HOURS, CAPACITY, STATUS, LON, LAT);

    /** The Chinese headers in the same order, as written by {@link StationCsvWriter}. */
    public static final List<String> CHINESE =
            List.of("编号", "类型", "名称", "地址", "运营方", "所属区", "服务", "开放时间", "座位数", "状态", "经度", "纬度");

    static final ColumnSchema SCHEMA;

    static {
        LinkedHashMap<String, List<String>> a = new LinkedHashMap<>();
        a.put(EXTERNAL_ID, List.of("编号", "id", "站点编号", "驿站编号", "编码", "代码", "external id", "externalid", "code"));
        a.put(KIND, List.of("类型", "站点类型", "驿站类型", "类别", "type", "category", "station_kind"));
        a.put(NAME, List.of("名称", "站点名称", "驿站名称", "站名", "station_name", "title"));
        a.put(ADDRESS, List.of("地址", "详细地址", "站点地址", "addr"));
        a.put(OPERATOR, List.of("运营方", "运营单位", "运营主体", "管理单位", "建设单位", "operated_by"));
        a.put(DISTRICT, List.of("所属区", "区", "区县", "所属区县", "所在区", "行政区", "所属行政区", "district_code"));
        a.put(SERVICES, List.of("服务", "服务内容", "服务项目", "配套服务", "服务设施", "facilities"));
        a.put(OPENING_HOURS, List.of("开放时间", "营业时间", "服务时间", "hours", "opening hours", "openinghours"));
        a.put(CAPACITY, List.of("座位数", "座位", "容纳人数", "capacity_seats", "seats"));
        a.put(STATUS, List.of("状态", "运营状态", "站点状态", "state"));
        a.put(LON, List.of("经度", "longitude", "lng", "long", "x", "经度坐标"));
        a.put(LAT, List.of("纬度", "latitude", "y", "纬度坐标"));
        SCHEMA = new ColumnSchema(a);
    }

    private StationFields() {}
}
