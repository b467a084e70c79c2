import { formatMinutes } from './format.js';
import { MINUTE_CLASSES, minutesClassIndex } from './colors.js';

/**
 * Pure helpers of the coverage layers: worker groups and their travel modes, the class of a coverage cell, covered
 * shares and their colour classes, bounding boxes for fetching cells by view, diffs of drawn cells, gap ranking and a
 * concurrency-limited task runner. Bounding boxes are WGS 84 [minLon, minLat, maxLon, maxLat] in degrees; shares are
 * fractions 0–1 of the demand weight.
 */

/** Worker groups of the coverage API, in the order of the selector, with the travel mode of their service circles. */
export const WORKER_GROUPS = Object.freeze([
  Object.freeze({ code: 'rider', mode: 'ebike' }),
  Object.freeze({ code: 'ride_hailing', mode: 'car' }),
  Object.freeze({ code: 'truck', mode: 'truck' }),
]);

export const DEFAULT_GROUP = 'rider';

/** The service target in minutes, used until the server's summary states its own. */
export const DEFAULT_LIMIT_MINUTES = 15;

/** The travel-time bands of the coverage figures, in minutes. */
export const COVERAGE_BANDS = Object.freeze([5, 10, 15, 20]);

export function isWorkerGroup(code) {
  return WORKER_GROUPS.some((g) => g.code === code);
}

/**
 * Travel mode of a worker group ("ebike", "car", "truck").
 * @throws RangeError for an unknown group, naming it and the known ones
 */
export function groupMode(group) {
  const entry = WORKER_GROUPS.find((g) => g.code === group);
  if (!entry) {
    throw new RangeError(`unknown worker group '${group}'; expected one of ${WORKER_GROUPS.map((g) => g.code).join(', ')}`);
  }
  return entry.mode;
}

/**
 * How a coverage cell is drawn, from its GeoJSON properties:
 * - "off_network" when its status says its centre is off the road network;
 * - "timed" when it has finite minutes ≥ 0 to its nearest station (covered or not: the colour tells);
 * - "unreachable" otherwise (no station within the search limit).
 * Accepts the statuses of the API contract (reached, unreached, off_network) and of the coverage package (covered,
 * gap, unreachable, off_network); minutes decide between timed and unreachable.
 */
export function cellKind(properties) {
  const status = properties?.status;
  if (status === 'off_network') {
    return 'off_network';
  }
  const minutes = properties?.minutes;
  return typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0 ? 'timed' : 'unreachable';
}

/** Drawing class of unreachable cells: after the indexes of MINUTE_CLASSES. */
export const UNREACHABLE_CLASS = MINUTE_CLASSES.length;
/** Drawing class of off-network cells. */
export const OFF_NETWORK_CLASS = MINUTE_CLASSES.length + 1;

/** Colour class of a cell: its index into MINUTE_CLASSES when timed, else UNREACHABLE_CLASS or OFF_NETWORK_CLASS. */
export function cellClass(properties) {
  const kind = cellKind(properties);
  if (kind === 'off_network') {
    return OFF_NETWORK_CLASS;
  }
  return kind === 'timed' ? minutesClassIndex(properties.minutes) : UNREACHABLE_CLASS;
}

/**
 * The covered share for a band from a `covered` object keyed by minutes ({"5": 0.4, "15": 0.8}); null when the
 * band is missing or not a finite number in [0, 1] (a share of no demand).
 */
export function coveredShare(covered, minutes) {
  const value = covered?.[String(minutes)];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1 ? value : null;
}

/**
 * Colour classes of the coverage choropleth, lowest first: lower bounds inclusive. Fixed breaks (not quantiles) so
 * that maps of different runs, groups and cities compare; the top class starts at a 90 % target.
 */
export const SHARE_CLASSES = Object.freeze([
  Object.freeze({ minShare: 0, color: '#f1eef6' }),
  Object.freeze({ minShare: 0.5, color: '#bdc9e1' }),
  Object.freeze({ minShare: 0.7, color: '#74a9cf' }),
  Object.freeze({ minShare: 0.8, color: '#2b8cbe' }),
  Object.freeze({ minShare: 0.9, color: '#045a8d' }),
]);

/** Fill of areas without demand (no share can be computed). */
export const NO_DEMAND_COLOR = '#d9d9d9';

/** Index into SHARE_CLASSES for a share in [0, 1]; -1 for null, NaN or values outside [0, 1]. */
export function shareClassIndex(share) {
  if (typeof share !== 'number' || !Number.isFinite(share) || share < 0 || share > 1) {
    return -1;
  }
  let index = 0;
  for (let i = 0; i < SHARE_CLASSES.length; i++) {
    if (share >= SHARE_CLASSES[i].minShare) {
      index = i;
    }
  }
  return index;
}

export function shareColor(share) {
  const index = shareClassIndex(share);
  return index < 0 ? NO_DEMAND_COLOR : SHARE_CLASSES[index].color;
}

/**
 * "87.3%" with `digits` decimals (the language's percent format), rounded DOWN so that incomplete coverage never
 * reads as 100 %; "—" for a missing share.
 */
export function formatShare(share, lang, digits = 1) {
  if (typeof share !== 'number' || !Number.isFinite(share)) {
    return '—';
  }
  const scale = 100 * 10 ** digits;
  const floored = Math.floor(share * scale + 1e-9) / scale;
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(floored);
}

/**
 * A demand weight for display: one decimal below 100, whole numbers from 100 (with grouping); "—" when missing.
 * Weights are in the demand layer's units (orders, workers, people), so no unit is added.
 */
export function formatDemand(value, lang) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return '—';
  }
  const digits = Math.abs(value) < 100 ? 1 : 0;
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

/**
 * A bbox grown on each side by `ratio` of its width and height (0.5 → three times as wide and high), latitudes
 * clamped to ±85 (the Web Mercator limit).
 */
export function padBBox(bbox, ratio) {
  checkBBox(bbox);
  if (!(ratio >= 0)) {
    throw new RangeError(`pad ratio must be >= 0, got ${ratio}`);
  }
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const dx = (maxLon - minLon) * ratio;
  const dy = (maxLat - minLat) * ratio;
  return [minLon - dx, Math.max(-85, minLat - dy), maxLon + dx, Math.min(85, maxLat + dy)];
}

/** True when `inner` lies entirely inside `outer` (edges may touch). */
export function bboxContains(outer, inner) {
  checkBBox(outer);
  checkBBox(inner);
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

/**
 * Whether the cells of `view` must be fetched, given what was fetched last (`{key, bbox}` or null): yes when
 * nothing was fetched, when the key (region, group, run) changed or when the view leaves the fetched bbox.
 */
export function needsFetch(fetched, key, view) {
  return !fetched || fetched.key !== key || !bboxContains(fetched.bbox, view);
}

function checkBBox(bbox) {
  if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every((v) => typeof v === 'number' && Number.isFinite(v))
    || bbox[0] > bbox[2] || bbox[1] > bbox[3]) {
    throw new RangeError(`bbox must be [minLon, minLat, maxLon, maxLat] with min <= max, got ${JSON.stringify(bbox)}`);
  }
}

/**
 * What changes between the drawn keys and the next ones: `add` the next keys not drawn (in the order given, first
 * occurrence only), `remove` the drawn keys not among the next ones.
 * @param {Iterable<string>} current
 * @param {Iterable<string>} next
 */
export function diffKeys(current, next) {
  const currentSet = current instanceof Set ? current : new Set(current);
  const nextSet = new Set();
  const add = [];
  for (const key of next) {
    if (nextSet.has(key)) {
      continue;
    }
    nextSet.add(key);
    if (!currentSet.has(key)) {
      add.push(key);
    }
  }
  const remove = [];
  for (const key of currentSet) {
    if (!nextSet.has(key)) {
      remove.push(key);
    }
  }
  return { add, remove };
}

/**
 * Gap areas in rank order: by `rank` when every feature has a positive integer rank, otherwise by demand held
 * (largest first, then more cells first), ranks renumbered 1, 2, … in that order. Features without a polygon
 * geometry are dropped. Returns new feature objects; the input is not changed.
 */
export function rankGaps(features) {
  const polygons = (features ?? []).filter(
    (f) => f?.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'),
  );
  const hasRank = (f) => Number.isInteger(f.properties?.rank) && f.properties.rank > 0;
  const ranked = polygons.length > 0 && polygons.every(hasRank);
  const demand = (f) => (Number.isFinite(f.properties?.demand) ? f.properties.demand : 0);
  const cells = (f) => (Number.isFinite(f.properties?.cells) ? f.properties.cells : 0);
  const sorted = [...polygons].sort(ranked
    ? (a, b) => a.properties.rank - b.properties.rank
    : (a, b) => demand(b) - demand(a) || cells(b) - cells(a));
  return sorted.map((f, i) => ({
    ...f,
    properties: { ...f.properties, rank: ranked ? f.properties.rank : i + 1 },
  }));
}

/**
 * Runs `worker(item, index)` over `items` with at most `limit` calls in flight; resolves to one
 * `{status: 'fulfilled', value}` or `{status: 'rejected', reason}` per item, in input order (like
 * Promise.allSettled). Once `signal` is aborted no further call starts; items not started are rejected with the
 * signal's reason.
 */
export async function runLimited(items, limit, worker, signal) {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be an integer >= 1, got ${limit}`);
  }
  const list = [...items];
  const results = new Array(list.length);
  let next = 0;
  async function lane() {
    while (next < list.length) {
      const index = next++;
      if (signal?.aborted) {
        results[index] = { status: 'rejected', reason: signal.reason };
        continue;
      }
      try {
        results[index] = { status: 'fulfilled', value: await worker(list[index], index) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, lane));
  return results;
}

/** Cache key of one station's service circle. */
export function serviceCircleKey({ region, stationId, mode, minutes }) {
  return `${region ?? ''}|${stationId}|${mode}|${minutes}`;
}

/**
 * The coverage summary of the API reduced to what the page shows:
 * `{group, mode, limitMinutes, runId, computedAt, demand, covered, areas}` where `covered` maps each band of
 * COVERAGE_BANDS to a share or null and `areas` maps area codes to `{code, name, level, demand, covered, stations}`.
 * Reads the server's field names (`limitMinutes`, `coveredShare`) and those of the first API sketch (`minutes`,
 * `covered`). Missing parts become null / empty, never an exception.
 */
export function readSummary(body) {
  const covered = (entry) => {
    const shares = entry?.coveredShare ?? entry?.covered;
    return Object.fromEntries(COVERAGE_BANDS.map((m) => [m, coveredShare(shares, m)]));
  };
  const number = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const text = (v) => (typeof v === 'string' && v !== '' ? v : null);
  const areas = new Map();
  for (const area of Array.isArray(body?.areas) ? body.areas : []) {
    if (area?.code === undefined || area?.code === null) {
      continue;
    }
    const code = String(area.code);
    areas.set(code, {
      code,
      name: typeof area.name === 'string' ? area.name : code,
      level: area.level ?? null,
      demand: number(area.demand),
      covered: covered(area),
      stations: number(area.stations),
    });
  }
  const limit = number(body?.limitMinutes ?? body?.minutes);
  return {
    group: text(body?.group),
    mode: text(body?.mode),
    limitMinutes: limit !== null && limit > 0 ? limit : DEFAULT_LIMIT_MINUTES,
    runId: body?.runId ?? null,
    computedAt: text(body?.computedAt),
    demand: number(body?.overall?.demand),
    covered: covered(body?.overall),
    areas,
  };
}

/**
 * The answer of the cell route endpoint as `{minutes, meters, stationId, stationName, line, streetNames}`, `line`
 * a GeoJSON LineString or null. Reads the server's GeoJSON Feature (LineString geometry; properties `minutes`,
 * `distanceMeters`, `stationId`, `streetNames`) and the first sketch's `{minutes, meters, stationId, route}`.
 */
export function readCellRoute(body) {
  const props = body?.type === 'Feature' ? body.properties ?? {} : body ?? {};
  let line = body?.type === 'Feature' ? body.geometry : body?.route;
  if (line?.type === 'Feature') {
    line = line.geometry;
  }
  const number = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    minutes: number(props.minutes),
    meters: number(props.distanceMeters ?? props.meters),
    stationId: props.stationId ?? null,
    stationName: typeof props.stationName === 'string' ? props.stationName : null,
    line: line?.type === 'LineString' && Array.isArray(line.coordinates) && line.coordinates.length >= 2 ? line : null,
    streetNames: Array.isArray(props.streetNames) ? props.streetNames.filter((n) => typeof n === 'string' && n !== '') : [],
  };
}

/**
 * Travel time below an hour rounded UP to a tenth of a minute ("15.1 分钟" for 15.04, "7 分钟"), so that a time
 * over the limit never reads as the limit itself; from an hour on, and for unreachable, util/format.js formatMinutes.
 */
export function formatMinutesPrecise(minutes, t) {
  if (typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0 && minutes <= 59.9) {
    const tenths = Math.ceil(minutes * 10 - 1e-9) / 10;
    return `${tenths.toFixed(1).replace(/\.0$/, '')} ${t('unit.min')}`;
  }
  return formatMinutes(minutes, t);
}

/** Date and time of an ISO 8601 instant in the language ("2025/6/1 16:00"); null for a missing or invalid one. */
export function formatDateTime(iso, lang, timeZone) {
  const date = typeof iso === 'string' ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return null;
  }
  return new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(date);
}
