/**
 * Pure helpers of the area review page (review.html): share formatting as the PDF writes it, the choropleth class of
 * a share, the sparkline path of a trend, report download addresses and drill-down levels. No DOM.
 */
import { buildQuery } from './query.js';

/** Share 0–1 as "87.5%" (one decimal, like the PDF report); "–" for null, undefined or NaN. */
export function formatShare(share) {
  if (share === null || share === undefined || Number.isNaN(share)) {
    return '–';
  }
  return `${(share * 100).toFixed(1)}%`;
}

/** Choropleth classes of the 15-minute share: upper bound (exclusive, except the last) and colour. */
export const SHARE_CLASSES = Object.freeze([
  Object.freeze({ below: 0.5, color: '#d73027' }),
  Object.freeze({ below: 0.7, color: '#f46d43' }),
  Object.freeze({ below: 0.8, color: '#fdae61' }),
  Object.freeze({ below: 0.9, color: '#a6d96a' }),
  Object.freeze({ below: Infinity, color: '#1a9850' }),
]);

/** Colour used when an area has no figures. */
export const NO_DATA_COLOR = '#c4c7c5';

/** The colour of a 15-minute share (0–1), or NO_DATA_COLOR. */
export function shareColor(share) {
  if (share === null || share === undefined || Number.isNaN(share)) {
    return NO_DATA_COLOR;
  }
  return SHARE_CLASSES.find((c) => share < c.below).color;
}

/**
 * SVG path ("M x y L x y …") of a sparkline of shares 0–1 in a box of width × height, with `pad` pixels inside. The
 * y axis runs from 0 (bottom) to 1 (top); a series of one share is drawn as a flat line. Null shares are skipped.
 * Returns '' when there is no point.
 */
export function sparklinePath(shares, width, height, pad = 2) {
  const points = shares
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s !== null && s !== undefined && !Number.isNaN(s));
  if (points.length === 0) {
    return '';
  }
  const n = shares.length;
  const x = (i) => (n === 1 ? pad : pad + (i * (width - 2 * pad)) / (n - 1));
  const y = (s) => height - pad - Math.min(1, Math.max(0, s)) * (height - 2 * pad);
  const round = (v) => Math.round(v * 10) / 10;
  const parts = points.map(({ s, i }, k) => `${k === 0 ? 'M' : 'L'}${round(x(i))} ${round(y(s))}`);
  if (n === 1) {
    parts.push(`L${round(width - pad)} ${round(y(points[0].s))}`);
  }
  return parts.join(' ');
}

/** Address of the PDF or XLSX report of an area, relative to the page. */
export function reportUrl(format, { region, area, group }) {
  if (format !== 'pdf' && format !== 'xlsx') {
    throw new RangeError(`report format must be 'pdf' or 'xlsx', got '${format}'`);
  }
  if (!area) {
    throw new RangeError('area code is required');
  }
  return `api/reports/${encodeURIComponent(area)}.${format}${buildQuery({ region, group })}`;
}

/** The level below a level in the drill-down district → subdistrict → cells (null below subdistrict). */
export function childLevel(level) {
  return level === 'district' ? 'subdistrict' : level === 'subdistrict' ? 'cells' : null;
}

/** The 15-minute share of a group in a headline entry of /api/review/areas (null when unavailable). */
export function headlineShare(headline, group) {
  const share = headline?.coverage?.[group]?.coveredShare?.['15'];
  return share === undefined ? null : share;
}
