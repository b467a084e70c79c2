/**
 * Pure helpers of the rider page: page parameters, /api/nearest parameters, service filters and the words for a
 * station's open state. No DOM.
 */

/** Travel modes offered on the page (the API also knows "truck"). */
export const MODES = Object.freeze(['ebike', 'car', 'foot']);

/** Stations listed per search. */
export const RESULT_LIMIT = 10;

/**
 * Reads `?lat=&lon=&mode=&services=a,b` (a shared or bookmarked link). Invalid values are ignored, never thrown.
 * @returns {{position: {lat: number, lon: number}|null, mode: string, services: string[]}}
 */
export function parsePageParams(search) {
  const q = new URLSearchParams(search ?? '');
  const lat = Number.parseFloat(q.get('lat') ?? '');
  const lon = Number.parseFloat(q.get('lon') ?? '');
  const position = isPosition(lat, lon) ? { lat, lon } : null;
  const mode = MODES.includes(q.get('mode')) ? q.get('mode') : 'ebike';
  const services = (q.get('services') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[a-z_]+$/.test(s));
  return { position, mode, services: [...new Set(services)].sort() };
}

/** True for finite latitude -90..90 and longitude -180..180. */
export function isPosition(lat, lon) {
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

/**
 * Parameters of GET /api/nearest (for api/client.js): position rounded to 6 decimals (≈ 0.1 m), routes included.
 * @throws RangeError without a valid position
 */
export function nearestParams({ region, position, mode = 'ebike', services = [], limit = RESULT_LIMIT }) {
  if (!position || !isPosition(position.lat, position.lon)) {
    throw new RangeError(`a position {lat, lon} is required, got ${JSON.stringify(position)}`);
  }
  return {
    region,
    lat: Number(position.lat.toFixed(6)),
    lon: Number(position.lon.toFixed(6)),
    mode,
    services: [...services].sort(),
    limit,
    route: true,
  };
}

/** The service list with `code` added or removed, sorted. */
export function toggleService(services, code) {
  const set = new Set(services);
  if (set.has(code)) {
    set.delete(code);
  } else {
    set.add(code);
  }
  return [...set].sort();
}

/** "HH:MM" of an ISO time with offset as the server writes it (China Standard Time, +08:00); '' for null. */
export function clockTime(iso) {
  const m = typeof iso === 'string' ? /T(\d{2}:\d{2})/.exec(iso) : null;
  return m ? m[1] : '';
}

/**
 * The words for a result's open state: "24 小时营业", "营业至 22:00", "即将关门（23:30）".
 * @param {{openState: string, closesAt: string|null}} result
 */
export function openStateText(result, t) {
  switch (result.openState) {
    case '24h':
      return t('find.allDay');
    case 'closes_soon':
      return t('find.closesSoon', { time: clockTime(result.closesAt) });
    case 'open':
      return result.closesAt ? t('find.closesAt', { time: clockTime(result.closesAt) }) : t('find.open');
    default:
      return t('find.open');
  }
}

/** The link of a page showing this search, for sharing and bookmarks. */
export function pageQuery({ position, mode, services }) {
  const q = new URLSearchParams();
  if (position) {
    q.set('lat', position.lat.toFixed(6));
    q.set('lon', position.lon.toFixed(6));
  }
  if (mode && mode !== 'ebike') {
    q.set('mode', mode);
  }
  if (services && services.length > 0) {
    q.set('services', [...services].sort().join(','));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
