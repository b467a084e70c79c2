/**
 * Query strings for the JSON API. Pure. Bounding boxes are WGS 84 [minLon, minLat, maxLon, maxLat] in degrees.
 */

/**
 * Builds "?a=1&b=x,y" from an object, keeping key order. Values that are undefined, null, "" or empty arrays are
 * left out; booleans become "true"/"false"; arrays are joined by "," (each element encoded, the commas kept).
 * Returns "" when nothing is left.
 */
export function buildQuery(params) {
  const parts = [];
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    if (Array.isArray(value)) {
      const items = value.filter((v) => v !== undefined && v !== null && v !== '');
      if (items.length > 0) {
        parts.push(`${encodeURIComponent(key)}=${items.map((v) => encodeURIComponent(String(v))).join(',')}`);
      }
      continue;
    }
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/**
 * "minLon,minLat,maxLon,maxLat" with at most 6 decimals (≈ 0.1 m), trailing zeros dropped.
 * @throws RangeError unless bbox holds four finite numbers with min ≤ max and latitudes within ±90
 */
export function formatBBox(bbox) {
  if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new RangeError(`bbox must be [minLon, minLat, maxLon, maxLat] of finite numbers, got ${JSON.stringify(bbox)}`);
  }
  const [minLon, minLat, maxLon, maxLat] = bbox;
  if (minLon > maxLon || minLat > maxLat) {
    throw new RangeError(`bbox minimum exceeds maximum: ${JSON.stringify(bbox)}`);
  }
  if (minLat < -90 || maxLat > 90) {
    throw new RangeError(`bbox latitude outside [-90, 90]: ${JSON.stringify(bbox)}`);
  }
  return bbox.map((v) => String(Number(v.toFixed(6)))).join(',');
}

/**
 * Parameters of GET /api/stations for the current filters.
 * - `kind` is sent only when some but not all known kinds are chosen (all chosen = no filter);
 *   callers must not ask at all when none is chosen (see `hasNoKindSelected`).
 * - `services` lists services every station must offer; `openNow` is sent only when true.
 * @param {{region: string, bbox?: number[], kinds?: string[], allKinds?: string[], services?: string[], openNow?: boolean}} f
 */
export function stationQueryParams({ region, bbox, kinds = [], allKinds = [], services = [], openNow = false }) {
  const everyKind = allKinds.length > 0 && allKinds.every((k) => kinds.includes(k));
  return {
    region,
    bbox: bbox ? formatBBox(bbox).split(',') : undefined, // an array so the commas stay unescaped
    kind: everyKind ? undefined : [...kinds],
    services: [...services],
    openNow: openNow ? true : undefined,
  };
}

/** True when the filter excludes every kind, so no station can match and no request is needed. */
export function hasNoKindSelected({ kinds = [], allKinds = [] }) {
  return allKinds.length > 0 && kinds.length === 0;
}
