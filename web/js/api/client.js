/**
 * The JSON API of the Outpost server (same origin). Every method returns parsed JSON or throws an ApiError.
 * GeoJSON coordinates are WGS 84 [lon, lat]. Requests can be cancelled with an AbortSignal; a cancelled request
 * rejects with the platform's AbortError (not an ApiError), which callers usually ignore.
 */
import { buildQuery, formatBBox } from '../util/query.js';

/**
 * A failed API call. `status` is the HTTP status (0 when the server could not be reached); `title` and `detail`
 * come from the server's problem JSON when it sent one; `body` is the parsed response body, if any.
 */
export class ApiError extends Error {
  constructor(status, title, detail, body = null, retryAfterSeconds = null) {
    super(detail || title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.title = title ?? '';
    this.detail = detail ?? '';
    this.body = body;
    /** Seconds from the `Retry-After` header (e.g. of a throttled login, 429), or null. */
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** True when the server could not be reached at all. */
  get isNetworkError() {
    return this.status === 0;
  }
}

/** Coordinate systems accepted by the import endpoints. */
export const IMPORT_CRS = Object.freeze(['wgs84', 'cgcs2000', 'gcj02', 'bd09']);

/** Header carrying the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = 'X-CSRF-Token';

/**
 * @param {{baseUrl: string|URL, fetchImpl?: typeof fetch}} options `baseUrl` is the site root the `api/…` paths are
 *   resolved against (in the page: `document.baseURI`).
 */
export function createApiClient({ baseUrl, fetchImpl = globalThis.fetch.bind(globalThis) }) {
  const url = (path, params) => new URL(`${path}${buildQuery(params)}`, baseUrl).toString();
  // the logged-in session's CSRF token (set by api/auth.js); sent with every request that is not a GET
  let csrfToken = null;

  async function request(path, params, init = {}) {
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = { Accept: 'application/json', ...(init.headers ?? {}) };
    if (method !== 'GET' && method !== 'HEAD' && csrfToken) {
      headers[CSRF_HEADER] = csrfToken;
    }
    let response;
    try {
      response = await fetchImpl(url(path, params), { ...init, headers });
    } catch (error) {
      if (error?.name === 'AbortError') {
        throw error;
      }
      throw new ApiError(0, 'network', error?.message ?? String(error));
    }
    const body = await readBody(response);
    return { response, body };
  }

  async function getJson(path, params, signal) {
    const { response, body } = await request(path, params, { signal });
    if (!response.ok) {
      throw toApiError(response, body);
    }
    return body;
  }

  async function postJson(path, params, signal) {
    const { response, body } = await request(path, params, { method: 'POST', signal });
    if (!response.ok) {
      throw toApiError(response, body);
    }
    return body;
  }

  async function upload(path, { region, crs, dryRun, file, signal }) {
    if (!IMPORT_CRS.includes(crs)) {
      throw new RangeError(`crs must be one of ${IMPORT_CRS.join(', ')}, got '${crs}'`);
    }
    if (!file) {
      throw new RangeError('file is required');
    }
    const form = new FormData();
    form.append('file', file, file.name ?? 'upload');
    const { response, body } = await request(path, { region, crs, dryRun: Boolean(dryRun) }, { method: 'POST', body: form, signal });
    // 422 with an import report (ok = false) is an answer, not a failure of the call: the report lists the errors.
    if (response.ok || (response.status === 422 && isImportReport(body))) {
      return body;
    }
    throw toApiError(response, body);
  }

  /** A JSON request (`body` serialised when given); resolves to the parsed answer, null for 204. */
  async function sendJson(method, path, body, params, signal) {
    const init = { method, signal };
    if (body !== undefined) {
      init.headers = { 'Content-Type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const { response, body: answer } = await request(path, params, init);
    if (!response.ok) {
      throw toApiError(response, answer);
    }
    return answer;
  }

  return {
    /** Sets (or with null clears) the CSRF token sent with state-changing requests. */
    setCsrfToken(token) {
      csrfToken = typeof token === 'string' && token !== '' ? token : null;
    },
    /** Any JSON call: `sendJson('POST', 'api/auth/login', {user, password})`. */
    sendJson,
    /** GET /api/config → {tileUrl, tileAttribution, defaultRegion, regions[]} */
    getConfig: (signal) => getJson('api/config', undefined, signal),
    /** GET /api/meta → {kinds[], services[], statuses[]} */
    getMeta: (signal) => getJson('api/meta', undefined, signal),
    /** GET /api/stations with parameters from util/query.js `stationQueryParams` → FeatureCollection of Points. */
    getStations: (params, signal) => getJson('api/stations', params, signal),
    /** GET /api/stations/{id} → one Feature. */
    getStation: (id, region, signal) => getJson(`api/stations/${encodeURIComponent(id)}`, { region }, signal),
    /**
     * GET /api/nearest (lat, lon, mode, services, openAt, limit, route, region) → the nearest open stations by travel
     * time; see docs/api-nearest.md.
     */
    getNearest: (params, signal) => getJson('api/nearest', params, signal),
    /** GET /api/districts (level "district" or "subdistrict") → FeatureCollection of (Multi)Polygons. */
    getDistricts: (region, level, signal) => getJson('api/districts', { region, level }, signal),
    /** POST /api/imports/stations (multipart field "file") → import report; 422 reports are returned, not thrown. */
    importStations: (options) => upload('api/imports/stations', options),
    /** POST /api/imports/districts (GeoJSON or zipped Shapefile) → import report. */
    importDistricts: (options) => upload('api/imports/districts', options),
    // ---- coverage (web/js/coverage.js); group is "rider" | "ride_hailing" | "truck" ----
    /** GET /api/coverage/summary (level "district" or "subdistrict") → {group, minutes, overall, areas[]}. */
    getCoverageSummary: ({ region, group, level }, signal) => getJson('api/coverage/summary', { region, group, level }, signal),
    /** GET /api/coverage/cells → FeatureCollection of hexagons {h3, minutes, stationId, status, weight}. */
    getCoverageCells: ({ region, group, bbox }, signal) =>
      getJson('api/coverage/cells', { region, group, bbox: bbox ? formatBBox(bbox).split(',') : undefined }, signal),
    /** GET /api/coverage/gaps → FeatureCollection of gap areas {rank, demand, cells, maxMinutes}. */
    getCoverageGaps: ({ region, group, limit }, signal) => getJson('api/coverage/gaps', { region, group, limit }, signal),
    /** GET /api/coverage/cells/{h3}/route → {minutes, meters, stationId, route: LineString}. */
    getCellRoute: ({ region, group, h3 }, signal) =>
      getJson(`api/coverage/cells/${encodeURIComponent(h3)}/route`, { region, group }, signal),
    /** GET /api/stations/{id}/service-area → one Feature (the station's service circle). */
    getServiceArea: ({ region, stationId, minutes, mode }, signal) =>
      getJson(`api/stations/${encodeURIComponent(stationId)}/service-area`, { region, minutes, mode }, signal),
    /** GET /api/isochrone (direction "from" or "to") → FeatureCollection of bands {minutes}. */
    getIsochrone: ({ lat, lon, mode, minutes, direction }, signal) =>
      getJson('api/isochrone', { lat, lon, mode, minutes, direction }, signal),
    /** POST /api/coverage/runs → the new run's summary (a planner's action: 401/403 without a login). */
    runCoverage: ({ region, group }, signal) => postJson('api/coverage/runs', { region, group }, signal),
    // ---- end coverage ----
    /** Download address of the station export ("geojson" or "csv") for a region. */
    exportUrl(format, region) {
      if (format !== 'geojson' && format !== 'csv') {
        throw new RangeError(`export format must be 'geojson' or 'csv', got '${format}'`);
      }
      return url(`api/exports/stations.${format}`, { region });
    },
  };
}

/** True for a body shaped like an import report (`ok` boolean and an `errors` array). */
export function isImportReport(body) {
  return body !== null && typeof body === 'object' && typeof body.ok === 'boolean' && Array.isArray(body.errors);
}

async function readBody(response) {
  const text = await response.text();
  if (text === '') {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toApiError(response, body) {
  const retry = Number.parseInt(response.headers?.get?.('Retry-After') ?? '', 10);
  const retryAfter = Number.isFinite(retry) && retry >= 0 ? retry : null;
  if (body && typeof body === 'object') {
    return new ApiError(response.status, body.title ?? response.statusText, body.detail ?? '', body, retryAfter);
  }
  const text = typeof body === 'string' ? body.slice(0, 300) : '';
  return new ApiError(response.status, response.statusText, text, body, retryAfter);
}
