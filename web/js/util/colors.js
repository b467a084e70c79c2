/**
 * Colours: the travel-time scale (a clear break at the 15-minute target), station kind colours and class breaks
 * for choropleths. Pure. Colours are CSS hex strings "#rrggbb".
 */

/** Colour of places that cannot be reached at all. */
export const UNREACHABLE_COLOR = '#b4b9bf';

/**
 * Travel-time classes, upper bounds inclusive, in minutes. Up to 15 minutes (the service target) greens and yellow,
 * beyond it reds, so the 15-minute line is the most visible break on the map.
 */
export const MINUTE_CLASSES = Object.freeze([
  Object.freeze({ maxMinutes: 5, color: '#1a9850' }),
  Object.freeze({ maxMinutes: 10, color: '#74c365' }),
  Object.freeze({ maxMinutes: 15, color: '#f2d64b' }),
  Object.freeze({ maxMinutes: 20, color: '#f46d43' }),
  Object.freeze({ maxMinutes: 30, color: '#d73027' }),
  Object.freeze({ maxMinutes: Infinity, color: '#8e0f24' }),
]);

/**
 * Index into MINUTE_CLASSES for a travel time, or -1 when unreachable (null, undefined, NaN, Infinity).
 * @throws RangeError for negative minutes
 */
export function minutesClassIndex(minutes) {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes)) {
    return -1;
  }
  if (minutes < 0) {
    throw new RangeError(`minutes must be >= 0, got ${minutes}`);
  }
  return MINUTE_CLASSES.findIndex((c) => minutes <= c.maxMinutes);
}

/** Colour for a travel time in minutes; UNREACHABLE_COLOR when it cannot be reached. */
export function minutesColor(minutes) {
  const index = minutesClassIndex(minutes);
  return index < 0 ? UNREACHABLE_COLOR : MINUTE_CLASSES[index].color;
}

/** Used when /api/meta gives no (valid) colour for a kind; distinguishable, colour-blind-aware hues. */
export const FALLBACK_PALETTE = Object.freeze([
  '#e8710a', '#1967d2', '#188038', '#9334e6', '#d01884', '#12a4af', '#b06000', '#5f6368',
]);

const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** True for "#rgb" or "#rrggbb" — the only colour syntax accepted from the server (it ends up in CSS). */
export function isHexColor(value) {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

/**
 * Colour of a station kind: the meta colour when valid, otherwise a fallback chosen by the kind's position in the
 * meta list, or (for a kind unknown to meta) by a stable hash of its code.
 * @param {string} code kind code, e.g. "warm_bee_station"
 * @param {Array<{code: string, color?: string}>} kinds the `kinds` list of /api/meta (may be empty)
 */
export function kindColor(code, kinds = []) {
  const index = kinds.findIndex((k) => k.code === code);
  if (index >= 0 && isHexColor(kinds[index].color)) {
    return kinds[index].color;
  }
  const slot = index >= 0 ? index : hashCode(String(code));
  return FALLBACK_PALETTE[slot % FALLBACK_PALETTE.length];
}

function hashCode(text) {
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
  }
  return hash;
}

/**
 * Equal-interval class breaks: `classes - 1` inner break values between min and max of the finite values.
 * Returns [] when there are no finite values or all are equal.
 */
export function equalIntervalBreaks(values, classes) {
  checkClasses(classes);
  const finite = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) {
    return [];
  }
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (min === max) {
    return [];
  }
  const step = (max - min) / classes;
  return Array.from({ length: classes - 1 }, (_, i) => min + step * (i + 1));
}

/**
 * Quantile class breaks: the inner break values that put about the same number of values in each class
 * (value at rank ceil(n·k/classes) of the sorted finite values, k = 1 … classes-1), duplicates removed.
 */
export function quantileBreaks(values, classes) {
  checkClasses(classes);
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return [];
  }
  const breaks = [];
  for (let k = 1; k < classes; k++) {
    const value = sorted[Math.max(0, Math.ceil((sorted.length * k) / classes) - 1)];
    if (value !== sorted[sorted.length - 1] && breaks[breaks.length - 1] !== value) {
      breaks.push(value);
    }
  }
  return breaks;
}

/**
 * Class index of a value for inner breaks (upper bounds inclusive): 0 when value ≤ breaks[0], breaks.length when
 * above the last; -1 for a missing or non-finite value.
 */
export function classify(value, breaks) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return -1;
  }
  const index = breaks.findIndex((b) => value <= b);
  return index < 0 ? breaks.length : index;
}

function checkClasses(classes) {
  if (!Number.isInteger(classes) || classes < 2) {
    throw new RangeError(`classes must be an integer >= 2, got ${classes}`);
  }
}
