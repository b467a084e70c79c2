/**
 * The optional raster base map: an XYZ tile layer whose URL comes from /api/config (`tileUrl`, may be empty).
 *
 * Nothing here is required for the map to be usable: the map container has a plain light background (css/app.css)
 * and every vector layer draws on it. Tiles that fail stay invisible (Leaflet only shows loaded tiles); after
 * FAILURE_THRESHOLD errors, or FAILURE_TIMEOUT_MS, without a single loaded tile the status becomes "failed" so the
 * page can say so; a tile loading later sets it back to "ok".
 */
import * as L from 'leaflet';

export const FAILURE_THRESHOLD = 4;
/** With no tile loaded this long after the layer was added, the base map counts as failed (hanging requests). */
export const FAILURE_TIMEOUT_MS = 10000;

/**
 * @param {L.Map} map
 * @param {{tileUrl: string, onStatus: (status: 'none'|'loading'|'ok'|'failed') => void}} options
 * @returns {{layer: L.TileLayer|null, status(): string}}
 */
export function createBaseMapLayer(map, { tileUrl, onStatus = () => {} }) {
  if (typeof tileUrl !== 'string' || tileUrl.trim() === '') {
    onStatus('none');
    return { layer: null, status: () => 'none' };
  }
  let status = 'loading';
  let loaded = 0;
  let failed = 0;
  const setStatus = (next) => {
    if (next !== status) {
      status = next;
      onStatus(next);
    }
  };
  const layer = L.tileLayer(tileUrl.trim(), {
    maxZoom: 19,
    crossOrigin: false,
    className: 'basemap-tiles',
    // attribution is shown by controls/attribution.js as plain text, not through Leaflet's HTML attribution
  });
  layer.on('tileload', () => {
    loaded++;
    setStatus('ok');
  });
  layer.on('tileerror', () => {
    failed++;
    if (loaded === 0 && failed >= FAILURE_THRESHOLD) {
      setStatus('failed');
    }
  });
  let timer = null;
  layer.on('add', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (loaded === 0) {
        setStatus('failed');
      }
    }, FAILURE_TIMEOUT_MS);
  });
  layer.on('remove', () => clearTimeout(timer));
  onStatus('loading');
  return { layer, status: () => status };
}
