/**
 * Formatting of travel times, distances and counts for display. Pure; units come from the translator `t`
 * (see i18n/index.js) so the same numbers read "12 分钟" or "12 min".
 */

/**
 * Travel time in minutes → "12 分钟", "1 小时 5 分钟", "< 1 min". Rounds to whole minutes.
 * null, undefined, NaN and Infinity mean "cannot be reached" and give t('unit.unreachable').
 * @throws RangeError for negative minutes
 */
export function formatMinutes(minutes, t) {
  if (!isFiniteNumber(minutes)) {
    return t('unit.unreachable');
  }
  if (minutes < 0) {
    throw new RangeError(`minutes must be >= 0, got ${minutes}`);
  }
  const min = t('unit.min');
  if (minutes > 0 && minutes < 0.5) {
    return `< 1 ${min}`;
  }
  const whole = Math.round(minutes);
  if (whole < 60) {
    return `${whole} ${min}`;
  }
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  const hour = t('unit.hour');
  return rest === 0 ? `${hours} ${hour}` : `${hours} ${hour} ${rest} ${min}`;
}

/**
 * Distance in metres → "35 m", "850 m" (nearest 10 from 100 m), "1.2 km" (one decimal below 10 km, ".0" dropped),
 * "15 km" (whole kilometres from 10 km). Non-finite values give "—".
 * @throws RangeError for negative metres
 */
export function formatMeters(meters, t) {
  if (!isFiniteNumber(meters)) {
    return '—';
  }
  if (meters < 0) {
    throw new RangeError(`meters must be >= 0, got ${meters}`);
  }
  const rounded = meters < 100 ? Math.round(meters) : Math.round(meters / 10) * 10;
  if (rounded < 1000) {
    return `${rounded} ${t('unit.m')}`;
  }
  const km = meters / 1000;
  const text = km < 9.95 ? km.toFixed(1).replace(/\.0$/, '') : String(Math.round(km));
  return `${text} ${t('unit.km')}`;
}

/** Whole number with the language's grouping ("12,345"); non-finite values give "—". */
export function formatInteger(value, lang) {
  if (!isFiniteNumber(value)) {
    return '—';
  }
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}

function isFiniteNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}
