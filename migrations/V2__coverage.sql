-- Coverage: road-network versions, demand layers on the H3 grid, coverage runs with their figures per cell,
-- per area and per station, so that figures can be compared over time.
-- region_code leads every key and index (Citus-ready: distribute by region_code). Cells are H3 indexes (bigint).

CREATE TABLE network_version (
    region_code        text NOT NULL REFERENCES region (region_code),
    network_version_id bigint GENERATED ALWAYS AS IDENTITY,
    source_file        text NOT NULL CHECK (length(source_file) BETWEEN 1 AND 500),
    sha256             text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    imported_at        timestamptz NOT NULL,
    settings           jsonb NOT NULL DEFAULT '{}'::jsonb,
    node_count         integer NOT NULL CHECK (node_count >= 0),
    edge_count         integer NOT NULL CHECK (edge_count >= 0),
    recorded_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, network_version_id),
    UNIQUE (region_code, sha256, imported_at)
);

CREATE TABLE demand_layer (
    region_code     text NOT NULL REFERENCES region (region_code),
    demand_layer_id bigint GENERATED ALWAYS AS IDENTITY,
    worker_group    text NOT NULL CHECK (worker_group IN ('rider', 'ride_hailing', 'truck')),
    resolution      smallint NOT NULL CHECK (resolution BETWEEN 0 AND 15),
    source          text NOT NULL CHECK (source IN ('points', 'cells', 'osm', 'population', 'mixed')),
    description     text NOT NULL DEFAULT '',
    cell_count      integer NOT NULL CHECK (cell_count >= 0),
    total_weight    double precision NOT NULL CHECK (total_weight >= 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, demand_layer_id)
);
CREATE INDEX demand_layer_group_idx ON demand_layer (region_code, worker_group, created_at);

CREATE TABLE demand_cell (
    region_code     text NOT NULL,
    demand_layer_id bigint NOT NULL,
    h3_cell         bigint NOT NULL,
    weight          double precision NOT NULL CHECK (weight >= 0 AND weight < 'Infinity'::double precision),
    PRIMARY KEY (region_code, demand_layer_id, h3_cell),
    FOREIGN KEY (region_code, demand_layer_id) REFERENCES demand_layer (region_code, demand_layer_id)
        ON DELETE CASCADE
);

CREATE TABLE coverage_run (
    region_code          text NOT NULL REFERENCES region (region_code),
    coverage_run_id      bigint GENERATED ALWAYS AS IDENTITY,
    worker_group         text NOT NULL CHECK (worker_group IN ('rider', 'ride_hailing', 'truck')),
    travel_mode          text NOT NULL CHECK (travel_mode IN ('ebike', 'car', 'truck', 'foot')),
    limit_minutes        smallint NOT NULL CHECK (limit_minutes BETWEEN 1 AND 120),
    search_limit_minutes smallint NOT NULL CHECK (search_limit_minutes BETWEEN 1 AND 120),
    network_version_id   bigint NOT NULL,
    demand_layer_id      bigint NOT NULL,
    parameters           jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at           timestamptz NOT NULL DEFAULT now(),
    station_count        integer NOT NULL CHECK (station_count >= 0),
    cell_count           integer NOT NULL CHECK (cell_count >= 0),
    demand_total         double precision NOT NULL CHECK (demand_total >= 0),
    covered_5            double precision NOT NULL CHECK (covered_5 >= 0),
    covered_10           double precision NOT NULL CHECK (covered_10 >= 0),
    covered_15           double precision NOT NULL CHECK (covered_15 >= 0),
    covered_20           double precision NOT NULL CHECK (covered_20 >= 0),
    covered_limit        double precision NOT NULL CHECK (covered_limit >= 0),
    unreachable_demand   double precision NOT NULL CHECK (unreachable_demand >= 0),
    off_network_demand   double precision NOT NULL CHECK (off_network_demand >= 0),
    PRIMARY KEY (region_code, coverage_run_id),
    FOREIGN KEY (region_code, network_version_id) REFERENCES network_version (region_code, network_version_id),
    FOREIGN KEY (region_code, demand_layer_id) REFERENCES demand_layer (region_code, demand_layer_id)
);
CREATE INDEX coverage_run_group_idx ON coverage_run (region_code, worker_group, created_at);
CREATE INDEX coverage_run_layer_idx ON coverage_run (region_code, demand_layer_id);

-- travel_seconds and station_id are null unless a station was reached within the search limit.
-- station_id deliberately has no foreign key: a run keeps the stations as they were.
CREATE TABLE coverage_cell (
    region_code     text NOT NULL,
    coverage_run_id bigint NOT NULL,
    h3_cell         bigint NOT NULL,
    weight          double precision NOT NULL CHECK (weight >= 0),
    travel_seconds  integer CHECK (travel_seconds >= 0),
    station_id      bigint,
    status          text NOT NULL CHECK (status IN ('covered', 'gap', 'unreachable', 'off_network')),
    PRIMARY KEY (region_code, coverage_run_id, h3_cell),
    FOREIGN KEY (region_code, coverage_run_id) REFERENCES coverage_run (region_code, coverage_run_id)
        ON DELETE CASCADE,
    CHECK ((status IN ('covered', 'gap')) = (travel_seconds IS NOT NULL AND station_id IS NOT NULL))
);
CREATE INDEX coverage_cell_station_idx ON coverage_cell (region_code, coverage_run_id, station_id);

-- one row per area and level; district_code is the area's code at that level (no foreign key: areas may be
-- re-imported later while the run keeps its figures)
CREATE TABLE coverage_area (
    region_code     text NOT NULL,
    coverage_run_id bigint NOT NULL,
    level           text NOT NULL CHECK (level IN ('district', 'subdistrict', 'community')),
    district_code   text NOT NULL,
    parent_code     text,
    name            text NOT NULL,
    cell_count      integer NOT NULL CHECK (cell_count >= 0),
    station_count   integer NOT NULL CHECK (station_count >= 0),
    demand_total    double precision NOT NULL CHECK (demand_total >= 0),
    covered_5       double precision NOT NULL CHECK (covered_5 >= 0),
    covered_10      double precision NOT NULL CHECK (covered_10 >= 0),
    covered_15      double precision NOT NULL CHECK (covered_15 >= 0),
    covered_20      double precision NOT NULL CHECK (covered_20 >= 0),
    covered_limit   double precision NOT NULL CHECK (covered_limit >= 0),
    unreachable_demand double precision NOT NULL CHECK (unreachable_demand >= 0),
    off_network_demand double precision NOT NULL CHECK (off_network_demand >= 0),
    PRIMARY KEY (region_code, coverage_run_id, level, district_code),
    FOREIGN KEY (region_code, coverage_run_id) REFERENCES coverage_run (region_code, coverage_run_id)
        ON DELETE CASCADE
);

-- per station: the demand within the limit of it (its service circle) and its catchment (cells it is nearest to)
CREATE TABLE coverage_station (
    region_code          text NOT NULL,
    coverage_run_id      bigint NOT NULL,
    station_id           bigint NOT NULL,
    on_network           boolean NOT NULL,
    demand_within_limit  double precision NOT NULL CHECK (demand_within_limit >= 0),
    cells_within_limit   integer NOT NULL CHECK (cells_within_limit >= 0),
    catchment_demand     double precision NOT NULL CHECK (catchment_demand >= 0),
    catchment_covered    double precision NOT NULL CHECK (catchment_covered >= 0),
    catchment_cells      integer NOT NULL CHECK (catchment_cells >= 0),
    PRIMARY KEY (region_code, coverage_run_id, station_id),
    FOREIGN KEY (region_code, coverage_run_id) REFERENCES coverage_run (region_code, coverage_run_id)
        ON DELETE CASCADE
);
