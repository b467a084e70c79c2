package dev.outpost.demand;

/** What an OpenStreetMap feature stands for as a proxy of outdoor workers' demand. */
public enum PoiCategory {
    /** Where riders pick orders up: restaurants, fast food, cafés, food courts and shops. */
    PICKUP("pickup"),
    /** Where riders and couriers deliver: residential buildings and residential land use. */
    DROPOFF("dropoff"),
    /** Where truck drivers stop and work: fuel stations, industrial and logistics areas, warehouses. */
    FREIGHT("freight");

    private final String code;

    PoiCategory(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
