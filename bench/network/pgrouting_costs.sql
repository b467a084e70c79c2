-- Travel costs in seconds for pgRouting, per travel mode, on the tables written by osm2pgrouting 2.3
-- (run with --addnodes --tags, so that osm_ways.tags holds every way's OSM tags). Used by
-- dev.outpost.bench.NetworkBenchmark; written for the benchmark, not for production.
--
-- The aim is to give pgRouting the same speeds as Outpost's GraphHopper profiles (dev.outpost.network.graphhopper.
-- ModeProfiles on GraphHopper 11's parsers), approximated from the tags in SQL:
--   car:    speed by highway class (GraphHopper's car defaults: motorway 100, trunk 70, primary 65, secondary 60,
--           tertiary 50, unclassified/residential 30, service/road 20, track 15 (grade1 20, grade2 15, grade3 10),
--           living_street 5, links lower), at most 30 km/h on bad surfaces; a tagged maxspeed replaces it at 90 %.
--           Closed: ways not meant for cars, and access/vehicle/motor_vehicle/motorcar = no, private, ...
--   e-bike: GraphHopper's bicycle speeds (18 km/h on roads, 16 unclassified, 12 service/track/road, 6 on paths,
--           footways, pedestrian areas and living streets, 2 on steps, 4 where the bike is pushed), lowered by
--           surface and tracktype, never above a tagged maxspeed, capped at the e-bike speed (:ebike_kmh, 18).
--           Closed: motorways, bicycle = no/private/..., or a restrictive access/vehicle tag without bicycle=yes.
--   one-way: oneway=yes/true/1 and roundabouts forward only, oneway=-1/reverse backward only; for e-bikes
--           oneway:bicycle=no and cycleway=opposite* open both directions.
-- Not modelled (known differences): GraphHopper's smoothness factors, bicycle route relations, barrier nodes
-- (bollards, gates), turn restrictions (GraphHopper's profiles here ignore them too), speed rounding to
-- GraphHopper's encoded steps, and ferries.

CREATE OR REPLACE FUNCTION pg_temp.kmh(text) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN $1 ~ '^\s*[0-9]+(\.[0-9]+)?\s*$' THEN trim($1)::float8
    WHEN $1 ~ '^\s*[0-9]+(\.[0-9]+)?\s*mph\s*$' THEN regexp_replace($1, '[^0-9.]', '', 'g')::float8 * 1.609344
    ELSE NULL END
$$;

ALTER TABLE ways
  ADD COLUMN IF NOT EXISTS car_cost float8,
  ADD COLUMN IF NOT EXISTS car_reverse_cost float8,
  ADD COLUMN IF NOT EXISTS ebike_cost float8,
  ADD COLUMN IF NOT EXISTS ebike_reverse_cost float8;

WITH t AS (
  SELECT w.gid, w.length_m, o.tags,
         coalesce(o.tags -> 'highway', '') AS hw,
         coalesce(o.tags -> 'motorcar', o.tags -> 'motor_vehicle', o.tags -> 'vehicle', o.tags -> 'access', '') AS car_access,
         coalesce(o.tags -> 'vehicle', o.tags -> 'access', '') AS vehicle_access,
         coalesce(o.tags -> 'bicycle', '') AS bicycle,
         coalesce(o.tags -> 'oneway', '') AS oneway,
         coalesce(o.tags -> 'junction', '') IN ('roundabout', 'circular') AS roundabout,
         pg_temp.kmh(coalesce(o.tags -> 'maxspeed:forward', o.tags -> 'maxspeed')) AS max_fwd,
         pg_temp.kmh(coalesce(o.tags -> 'maxspeed:backward', o.tags -> 'maxspeed')) AS max_bwd
  FROM ways w JOIN osm_ways o ON o.osm_id = w.osm_id
), car AS (
  SELECT t.*,
    CASE WHEN hw IN ('motorway','motorway_link','trunk','trunk_link','primary','primary_link','secondary',
                     'secondary_link','tertiary','tertiary_link','unclassified','residential','living_street',
                     'service','road','track')
              AND car_access NOT IN ('no','private','agricultural','forestry','restricted','military','emergency',
                                     'permit','delivery')
         THEN least(
           CASE hw WHEN 'motorway' THEN 100 WHEN 'motorway_link' THEN 70 WHEN 'trunk' THEN 70 WHEN 'trunk_link' THEN 65
                   WHEN 'primary' THEN 65 WHEN 'primary_link' THEN 60 WHEN 'secondary' THEN 60
                   WHEN 'secondary_link' THEN 50 WHEN 'tertiary' THEN 50 WHEN 'tertiary_link' THEN 40
                   WHEN 'unclassified' THEN 30 WHEN 'residential' THEN 30 WHEN 'living_street' THEN 5
                   WHEN 'service' THEN 20 WHEN 'road' THEN 20
                   WHEN 'track' THEN CASE coalesce(tags -> 'tracktype', '') WHEN 'grade1' THEN 20 WHEN 'grade2' THEN 15
                                     WHEN 'grade3' THEN 10 ELSE 15 END
                   ELSE 10 END,
           CASE WHEN coalesce(tags -> 'surface', '') IN ('cobblestone','grass_paver','gravel','sand','paving_stones',
                     'dirt','ground','grass','unpaved','compacted') THEN 30 ELSE 1000 END)
    END AS base
  FROM t
), bike AS (
  SELECT car.*,
    CASE WHEN hw IN ('motorway','motorway_link') OR hw = ''
              OR bicycle IN ('no','private','agricultural','forestry','restricted','military','emergency','permit')
              OR (vehicle_access IN ('no','private','agricultural','forestry','restricted','military','emergency','permit')
                  AND bicycle NOT IN ('yes','designated','permissive','destination'))
         THEN NULL
         ELSE greatest(2, least(
           CASE WHEN (tags ? 'service' AND bicycle <> 'designated') OR bicycle = 'dismount' THEN 4
                WHEN hw IN ('footway','pedestrian','platform') AND bicycle = 'designated' THEN 18
                WHEN hw IN ('footway','pedestrian','platform') AND bicycle = 'yes' THEN 12
                ELSE CASE hw WHEN 'living_street' THEN 6 WHEN 'steps' THEN 2 WHEN 'cycleway' THEN 18 WHEN 'path' THEN 6
                             WHEN 'footway' THEN 6 WHEN 'pedestrian' THEN 6 WHEN 'bridleway' THEN 6 WHEN 'track' THEN 12
                             WHEN 'service' THEN 12 WHEN 'residential' THEN 18 WHEN 'unclassified' THEN 16
                             WHEN 'road' THEN 12 WHEN 'trunk' THEN 18 WHEN 'trunk_link' THEN 18 WHEN 'primary' THEN 18
                             WHEN 'primary_link' THEN 18 WHEN 'secondary' THEN 18 WHEN 'secondary_link' THEN 18
                             WHEN 'tertiary' THEN 18 WHEN 'tertiary_link' THEN 18 ELSE 4 END END,
           CASE coalesce(tags -> 'tracktype', '') WHEN 'grade1' THEN 18 WHEN 'grade2' THEN 12 WHEN 'grade3' THEN 8
                WHEN 'grade4' THEN 6 WHEN 'grade5' THEN 4 ELSE 1000 END,
           CASE coalesce(tags -> 'surface', '') WHEN '' THEN 1000 WHEN 'paved' THEN 18 WHEN 'asphalt' THEN 18
                WHEN 'cobblestone' THEN 8 WHEN 'cobblestone:flattened' THEN 10 WHEN 'sett' THEN 10 WHEN 'concrete' THEN 18
                WHEN 'concrete:lanes' THEN 16 WHEN 'concrete:plates' THEN 16 WHEN 'paving_stones' THEN 16
                WHEN 'unpaved' THEN 12 WHEN 'compacted' THEN 14 WHEN 'dirt' THEN 10 WHEN 'earth' THEN 10
                WHEN 'ground' THEN 10 WHEN 'fine_gravel' THEN 14 WHEN 'grass' THEN 8 WHEN 'grass_paver' THEN 8
                WHEN 'gravel' THEN 12 WHEN 'metal' THEN 10 WHEN 'mud' THEN 10 WHEN 'pebblestone' THEN 14
                ELSE 4 END))
    END AS bike_base
  FROM car
)
UPDATE ways w SET
  car_cost = CASE WHEN b.base IS NULL OR b.oneway IN ('-1','reverse') THEN -1
                  ELSE b.length_m / (coalesce(0.9 * b.max_fwd, b.base) / 3.6) END,
  car_reverse_cost = CASE WHEN b.base IS NULL OR b.oneway IN ('yes','true','1') OR (b.roundabout AND b.oneway <> 'no') THEN -1
                          ELSE b.length_m / (coalesce(0.9 * b.max_bwd, b.base) / 3.6) END,
  ebike_cost = CASE WHEN b.bike_base IS NULL THEN -1
                    WHEN b.oneway IN ('-1','reverse') AND NOT (coalesce(b.tags -> 'oneway:bicycle', '') = 'no'
                         OR coalesce(b.tags -> 'cycleway', '') LIKE 'opposite%') THEN -1
                    ELSE b.length_m / (least(:ebike_kmh, b.bike_base * :ebike_kmh / 18.0, coalesce(b.max_fwd, 1000)) / 3.6) END,
  ebike_reverse_cost = CASE WHEN b.bike_base IS NULL THEN -1
                    WHEN (b.oneway IN ('yes','true','1') OR (b.roundabout AND b.oneway <> 'no'))
                         AND NOT (coalesce(b.tags -> 'oneway:bicycle', '') = 'no'
                                  OR coalesce(b.tags -> 'cycleway', '') LIKE 'opposite%') THEN -1
                    ELSE b.length_m / (least(:ebike_kmh, b.bike_base * :ebike_kmh / 18.0, coalesce(b.max_bwd, 1000)) / 3.6) END
FROM bike b WHERE b.gid = w.gid;

-- ways whose OSM tags were not found keep no cost (closed)
UPDATE ways SET car_cost = -1, car_reverse_cost = -1, ebike_cost = -1, ebike_reverse_cost = -1 WHERE car_cost IS NULL;
