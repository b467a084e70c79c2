-- Outpost foundation schema: regions, districts, stations, import batches, audit.
-- Every table and index leads with region_code, so a province-wide deployment can distribute
-- by region on Citus unchanged. Geometry is WGS 84 (SRID 4326).

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE region (
    region_code   text PRIMARY KEY CHECK (region_code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
    name          text NOT NULL,
    name_en       text,
    synthetic     boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE import_batch (
    region_code   text NOT NULL REFERENCES region (region_code),
    batch_id      bigint GENERATED ALWAYS AS IDENTITY,
    dataset       text NOT NULL CHECK (dataset IN ('stations', 'districts', 'demand', 'candidates', 'network')),
    file_name     text NOT NULL,
    sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    crs           text,
    imported_by   text NOT NULL,
    imported_at   timestamptz NOT NULL DEFAULT now(),
    rows_total    integer NOT NULL CHECK (rows_total >= 0),
    rows_created  integer NOT NULL CHECK (rows_created >= 0),
    rows_updated  integer NOT NULL CHECK (rows_updated >= 0),
    rows_unchanged integer NOT NULL CHECK (rows_unchanged >= 0),
    warnings      jsonb NOT NULL DEFAULT '[]'::jsonb,
    PRIMARY KEY (region_code, batch_id)
);

CREATE TABLE district (
    region_code   text NOT NULL REFERENCES region (region_code),
    code          text NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    level         text NOT NULL CHECK (level IN ('district', 'subdistrict', 'community')),
    parent_code   text,
    population    bigint CHECK (population >= 0),
    targets       jsonb NOT NULL DEFAULT '{}'::jsonb,
    boundary      geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(boundary)),
    batch_id      bigint,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, code),
    FOREIGN KEY (region_code, parent_code) REFERENCES district (region_code, code) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (region_code, batch_id) REFERENCES import_batch (region_code, batch_id)
);
CREATE INDEX district_boundary_idx ON district USING gist (region_code, boundary);
CREATE INDEX district_parent_idx ON district (region_code, parent_code);

CREATE TABLE station (
    region_code    text NOT NULL REFERENCES region (region_code),
    station_id     bigint GENERATED ALWAYS AS IDENTITY,
    external_id    text CHECK (length(external_id) BETWEEN 1 AND 100),
    kind           text NOT NULL CHECK (kind IN ('warm_bee_station', 'driver_home', 'party_service_center',
                                                 'partner_site', 'other')),
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    address        text,
    operator       text,
    district_code  text,
    services       text[] NOT NULL DEFAULT '{}',
    opening_hours  text,
    capacity_seats integer CHECK (capacity_seats >= 0),
    status         text NOT NULL CHECK (status IN ('planned', 'open', 'closed')),
    geom           geometry(Point, 4326) NOT NULL,
    batch_id       bigint,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, station_id),
    UNIQUE (region_code, external_id),
    FOREIGN KEY (region_code, batch_id) REFERENCES import_batch (region_code, batch_id)
);
CREATE INDEX station_geom_idx ON station USING gist (region_code, geom);
CREATE INDEX station_kind_idx ON station (region_code, kind);

CREATE TABLE audit_log (
    region_code   text NOT NULL,
    audit_id      bigint GENERATED ALWAYS AS IDENTITY,
    at            timestamptz NOT NULL DEFAULT now(),
    actor         text NOT NULL,
    action        text NOT NULL CHECK (action IN ('create', 'update', 'delete', 'import')),
    entity        text NOT NULL,
    entity_id     text NOT NULL,
    before        jsonb,
    after         jsonb,
    PRIMARY KEY (region_code, audit_id)
);
CREATE INDEX audit_entity_idx ON audit_log (region_code, entity, entity_id, at);
