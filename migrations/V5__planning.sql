-- Planning new stations: candidate sites, stored coverage (reach) matrices of candidates and stations, named
-- scenarios with their proposed sites, and jobs for long solves.
-- region_code leads every key and index (Citus-ready: distribute by region_code).

-- Candidates of the stored sources (imported lists, OSM host sites). Register stations and demand cells are
-- derived live and never stored here. cost is in 万元 (10,000 CNY).
CREATE TABLE candidate (
    region_code    text NOT NULL REFERENCES region (region_code),
    candidate_id   text NOT NULL CHECK (length(candidate_id) BETWEEN 1 AND 100),
    source         text NOT NULL CHECK (source IN ('import', 'osm')),
    kind           text NOT NULL CHECK (kind IN ('gas_station', 'convenience_store', 'community_centre',
                                                 'caring_merchant', 'town_hall', 'partner_site',
                                                 'planned_station', 'demand_cell', 'other')),
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    district_code  text,
    cost_wan_yuan  double precision CHECK (cost_wan_yuan >= 0 AND cost_wan_yuan < 'Infinity'::double precision),
    capacity_seats integer CHECK (capacity_seats >= 0),
    geom           geometry(Point, 4326) NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, candidate_id)
);
CREATE INDEX candidate_source_idx ON candidate (region_code, source);
CREATE INDEX candidate_geom_idx ON candidate USING gist (region_code, geom);

-- A reach matrix: for each site (candidate or station) of a set, the demand cells of one demand layer from which
-- the site is reached within `minutes` (direction to the site) on one network version. The key is the network
-- version, the demand layer, the travel mode, the minutes and the SHA-256 of the site set (ids and positions): a
-- change of any of them means another matrix, never a reuse.
CREATE TABLE candidate_matrix (
    region_code         text NOT NULL REFERENCES region (region_code),
    matrix_id           bigint GENERATED ALWAYS AS IDENTITY,
    network_version_id  bigint NOT NULL,
    demand_layer_id     bigint NOT NULL,
    travel_mode         text NOT NULL CHECK (travel_mode IN ('ebike', 'car', 'truck', 'foot')),
    minutes             smallint NOT NULL CHECK (minutes BETWEEN 1 AND 120),
    site_set_sha256     text NOT NULL CHECK (site_set_sha256 ~ '^[0-9a-f]{64}$'),
    site_count          integer NOT NULL CHECK (site_count >= 0),
    demand_count        integer NOT NULL CHECK (demand_count >= 0),
    pair_count          bigint NOT NULL CHECK (pair_count >= 0),
    -- indices (into the layer's cells, ascending) of demand cells that could not be placed on the network
    demand_off_network  integer[] NOT NULL DEFAULT '{}',
    build_millis        bigint NOT NULL CHECK (build_millis >= 0),
    created_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, matrix_id),
    UNIQUE (region_code, network_version_id, demand_layer_id, travel_mode, minutes, site_set_sha256),
    FOREIGN KEY (region_code, network_version_id) REFERENCES network_version (region_code, network_version_id),
    FOREIGN KEY (region_code, demand_layer_id) REFERENCES demand_layer (region_code, demand_layer_id)
        ON DELETE CASCADE
);

-- One row per site: `reach` holds the reached cell indices and seconds, compactly (see store.ReachCodec:
-- unsigned LEB128 varints, cell indices delta-encoded, then the seconds).
CREATE TABLE candidate_reach (
    region_code  text NOT NULL,
    matrix_id    bigint NOT NULL,
    position     integer NOT NULL CHECK (position >= 0),
    site_id      text NOT NULL CHECK (length(site_id) BETWEEN 1 AND 120),
    on_network   boolean NOT NULL,
    cell_count   integer NOT NULL CHECK (cell_count >= 0),
    reach        bytea NOT NULL,
    PRIMARY KEY (region_code, matrix_id, position),
    UNIQUE (region_code, matrix_id, site_id),
    FOREIGN KEY (region_code, matrix_id) REFERENCES candidate_matrix (region_code, matrix_id) ON DELETE CASCADE
);

-- A named scenario: every input (request, network version, demand layer, matrices, candidate set, stations) and
-- result (solver summary, figures, coverage curve) as JSON; the proposed sites in scenario_site.
-- status: the approval workflow of issue 6 moves it (draft -> submitted -> approved | returned).
CREATE TABLE scenario (
    region_code         text NOT NULL REFERENCES region (region_code),
    scenario_id         bigint GENERATED ALWAYS AS IDENTITY,
    name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    status              text NOT NULL DEFAULT 'draft'
                            CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
    worker_group        text NOT NULL CHECK (worker_group IN ('rider', 'ride_hailing', 'truck')),
    problem             text NOT NULL CHECK (problem IN ('mclp', 'lscp', 'partial', 'pmedian', 'pcenter')),
    minutes             smallint NOT NULL CHECK (minutes BETWEEN 1 AND 120),
    network_version_id  bigint NOT NULL,
    demand_layer_id     bigint NOT NULL,
    candidate_matrix_id bigint NOT NULL,
    station_matrix_id   bigint NOT NULL,
    request             jsonb NOT NULL,
    inputs              jsonb NOT NULL,
    solve               jsonb NOT NULL,
    figures             jsonb NOT NULL,
    curve               jsonb NOT NULL,
    edit_count          integer NOT NULL DEFAULT 0 CHECK (edit_count >= 0),
    created_by          text NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, scenario_id),
    FOREIGN KEY (region_code, network_version_id) REFERENCES network_version (region_code, network_version_id),
    FOREIGN KEY (region_code, demand_layer_id) REFERENCES demand_layer (region_code, demand_layer_id),
    FOREIGN KEY (region_code, candidate_matrix_id) REFERENCES candidate_matrix (region_code, matrix_id),
    FOREIGN KEY (region_code, station_matrix_id) REFERENCES candidate_matrix (region_code, matrix_id)
);
CREATE INDEX scenario_created_idx ON scenario (region_code, created_at);

-- A proposed site of a scenario. candidate_id and source are null for a point placed by hand. `reach` holds the
-- cells it reaches within the scenario's minutes (store.ReachCodec), so what-if edits never search again for it.
CREATE TABLE scenario_site (
    region_code        text NOT NULL,
    scenario_id        bigint NOT NULL,
    site_id            integer NOT NULL CHECK (site_id > 0),
    rank               integer NOT NULL CHECK (rank > 0),
    origin             text NOT NULL CHECK (origin IN ('solver', 'added', 'moved')),
    candidate_id       text,
    source             text CHECK (source IN ('register', 'import', 'osm', 'greenfield')),
    kind               text NOT NULL,
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    district_code      text,
    cost_wan_yuan      double precision,
    geom               geometry(Point, 4326) NOT NULL,
    on_network         boolean NOT NULL,
    details            jsonb NOT NULL,
    reach              bytea NOT NULL,
    PRIMARY KEY (region_code, scenario_id, site_id),
    FOREIGN KEY (region_code, scenario_id) REFERENCES scenario (region_code, scenario_id) ON DELETE CASCADE
);

-- Long-running work (exact solves) executed by the serving instance that accepted it (`runner`: that instance's
-- stable name, so that a restarted instance fails only its own orphaned jobs).
CREATE TABLE job (
    region_code  text NOT NULL REFERENCES region (region_code),
    job_id       bigint GENERATED ALWAYS AS IDENTITY,
    kind         text NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
    runner       text NOT NULL CHECK (length(runner) BETWEEN 1 AND 200),
    status       text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    progress     double precision NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
    message      text NOT NULL DEFAULT '',
    result_ref   text,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    finished_at  timestamptz,
    PRIMARY KEY (region_code, job_id)
);
CREATE INDEX job_status_idx ON job (region_code, status);
CREATE INDEX job_runner_idx ON job (runner, status);
