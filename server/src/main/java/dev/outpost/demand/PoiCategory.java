package dev.outpost.demand;

/**
 * What an OpenStreetMap feature stands for: a proxy of outdoor workers' demand, or (for {@link #HOST_SITE}) a place
 * that could host a new station.
 */
public enum PoiCategory {
    /** Where riders pick orders up: restaurants, fast food, cafés, food courts and shops. */
    PICKUP("pickup"),
    /** Where riders and couriers deliver: residential buildings and residential land use. */
    DROPOFF("dropoff"),
    /** Where truck drivers stop and work: fuel stations, industrial and logistics areas, warehouses. */
    FREIGHT("freight"),
    /**
     * Public places that could host a station but stand for no demand of their own: community centres (社区服务中心)
     * and town halls (街道办事处, 政府). No default {@link PoiWeights} weighs them.
     */
    HOST_SITE("host_site");

    private final String code;

    PoiCategory(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
