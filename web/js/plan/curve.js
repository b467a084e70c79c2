/**
 * Geometry of the planner's coverage curve (coverage against the number of new sites, 1 … N) for an inline SVG:
 * the line, one dot per point, the flattening point and the axis ticks. Pure; coordinates are SVG user units with
 * the origin top left, shares are fractions in [0, 1].
 */

/** One decimal, without a trailing ".0", so paths stay short and stable in tests. */
function r1(value) {
  return String(Math.round(value * 10) / 10);
}

/**
 * The share axis: from the tenth at or below the lowest share to the tenth at or above the highest, never an empty
 * range (a flat curve gets one tenth of height).
 * @param {number[]} shares finite shares in [0, 1]
 * @returns {{lo: number, hi: number}}
 */
export function shareRange(shares) {
  const finite = shares.filter((s) => typeof s === 'number' && Number.isFinite(s));
  if (finite.length === 0) {
    return { lo: 0, hi: 1 };
  }
  let lo = Math.floor(Math.min(...finite) * 10 + 1e-9) / 10;
  let hi = Math.ceil(Math.max(...finite) * 10 - 1e-9) / 10;
  if (hi <= lo) {
    if (lo >= 1) {
      lo = 0.9;
      hi = 1;
    } else {
      hi = Math.round((lo + 0.1) * 10) / 10;
    }
  }
  return { lo: Math.max(0, lo), hi: Math.min(1, hi) };
}

/**
 * @param {Array<{newSites: number, coveredFraction: number}>} points the curve of the scenario JSON, k = 1 … N
 * @param {{width: number, height: number, pad?: number, before?: number|null, flattensAfter?: number|null}} options
 *   `before` is the share with the existing stations only (drawn as k = 0 when given); `flattensAfter` the k the
 *   server marks as the flattening point (null: the curve never flattens)
 * @returns {{path: string, dots: Array<{k: number, x: number, y: number, share: number}>,
 *   flatten: {k: number, x: number, y: number}|null, yTicks: Array<{share: number, y: number}>,
 *   xTicks: Array<{k: number, x: number}>, lo: number, hi: number}}
 */
export function curveGeometry(points, { width, height, pad = 4, before = null, flattensAfter = null }) {
  if (!(width > 2 * pad) || !(height > 2 * pad)) {
    throw new RangeError(`the chart must be larger than its padding, got ${width} × ${height} with pad ${pad}`);
  }
  const series = [];
  if (typeof before === 'number' && Number.isFinite(before)) {
    series.push({ k: 0, share: before });
  }
  for (const p of points ?? []) {
    if (Number.isInteger(p?.newSites) && typeof p.coveredFraction === 'number' && Number.isFinite(p.coveredFraction)) {
      series.push({ k: p.newSites, share: p.coveredFraction });
    }
  }
  series.sort((a, b) => a.k - b.k);
  const { lo, hi } = shareRange(series.map((s) => s.share));
  const empty = { path: '', dots: [], flatten: null, yTicks: [], xTicks: [], lo, hi };
  if (series.length === 0) {
    return empty;
  }
  const kMin = series[0].k;
  const kMax = series[series.length - 1].k;
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const x = (k) => (kMax === kMin ? pad + innerW / 2 : pad + ((k - kMin) / (kMax - kMin)) * innerW);
  const y = (share) => height - pad - ((share - lo) / (hi - lo)) * innerH;
  const dots = series.map((s) => ({ k: s.k, x: Number(r1(x(s.k))), y: Number(r1(y(s.share))), share: s.share }));
  const path = dots.map((d, i) => `${i === 0 ? 'M' : 'L'}${r1(d.x)} ${r1(d.y)}`).join(' ');
  const marked = dots.find((d) => d.k === flattensAfter);
  const flatten = Number.isInteger(flattensAfter) && marked ? { k: marked.k, x: marked.x, y: marked.y } : null;
  const yTicks = [];
  for (let i = 0; i <= 2; i++) {
    const share = Math.round((lo + ((hi - lo) * i) / 2) * 1000) / 1000;
    yTicks.push({ share, y: Number(r1(y(share))) });
  }
  const xTicks = [...new Set([kMin, Math.round((kMin + kMax) / 2), kMax])].map((k) => ({ k, x: Number(r1(x(k))) }));
  return { path, dots, flatten, yTicks, xTicks, lo, hi };
}
