-- Check-ins: every station gets a short public code (printed on its QR poster, opened as /s/{code}), and
-- anonymous visits are counted at most once per device, station and day (Asia/Shanghai days).
-- region_code leads every key and index, as everywhere (Citus-ready). No personal data is stored: a device is
-- an HMAC of a random cookie value under a server secret.

-- Six characters from an alphabet without 0/O, 1/I/L (31 symbols: 887,503,681 codes).
CREATE FUNCTION station_short_code() RETURNS text
    LANGUAGE plpgsql VOLATILE AS
$$
DECLARE
    alphabet CONSTANT text := '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
    code text;
BEGIN
    LOOP
        code := '';
        FOR i IN 1..6 LOOP
            code := code || substr(alphabet, 1 + floor(random() * 31)::int, 1);
        END LOOP;
        -- unique across all regions, so that /s/{code} needs no region
        EXIT WHEN NOT EXISTS (SELECT 1 FROM station WHERE short_code = code);
    END LOOP;
    RETURN code;
END
$$;

ALTER TABLE station ADD COLUMN short_code text;

-- Backfill one row at a time, so that each new code is checked against the ones given before it.
DO
$$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT region_code, station_id FROM station ORDER BY region_code, station_id LOOP
        UPDATE station SET short_code = station_short_code()
        WHERE region_code = r.region_code AND station_id = r.station_id;
    END LOOP;
END
$$;

ALTER TABLE station ALTER COLUMN short_code SET DEFAULT station_short_code();
ALTER TABLE station ALTER COLUMN short_code SET NOT NULL;
ALTER TABLE station ADD CONSTRAINT station_short_code_check
    CHECK (short_code ~ '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$');
ALTER TABLE station ADD CONSTRAINT station_short_code_key UNIQUE (region_code, short_code);

CREATE TABLE checkin (
    region_code  text NOT NULL,
    station_id   bigint NOT NULL,
    day          date NOT NULL,
    device_hash  text NOT NULL CHECK (device_hash ~ '^[0-9a-f]{64}$'),
    at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, station_id, day, device_hash),
    FOREIGN KEY (region_code, station_id) REFERENCES station (region_code, station_id) ON DELETE CASCADE
);
CREATE INDEX checkin_day_idx ON checkin (region_code, day);
