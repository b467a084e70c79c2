/**
 * Pure helpers of the user administration page (admin.html): request bodies for `POST /api/admin/users` and
 * `PUT /api/admin/users/{name}` from the form's values, the API's errors sorted by form field, and the texts of a
 * user's areas and last login. No DOM here.
 *
 * Form values: `{user, displayName, role, password, region, wholeRegion, districts: [code…]}`; `region` is the
 * region the area choice is for, `districts` district or subdistrict codes of that region.
 */
import { ApiError } from '../api/client.js';

/** Account roles in the order the page offers them. */
export const ROLES = Object.freeze(['planner', 'leader', 'admin']);

/** Form fields that show their own errors; anything else is shown for the whole form. */
export const FIELDS = Object.freeze(['user', 'displayName', 'role', 'password', 'areas', 'disabled']);

/**
 * The areas the form's values stand for: none for admins (they act everywhere), else the whole region when
 * `wholeRegion` is set, else one area per chosen district. Areas of other regions in `keep` are kept as they are.
 */
export function areasOf(values, keep = []) {
  const others = (keep ?? []).filter((a) => a && a.region !== values.region);
  if (values.role === 'admin' || !values.region) {
    return values.role === 'admin' ? [] : others;
  }
  const here = values.wholeRegion
    ? [{ region: values.region }]
    : [...new Set(values.districts ?? [])].map((district) => ({ region: values.region, district }));
  return [...others, ...here];
}

/** The body of `POST /api/admin/users`; a blank display name is left out (the server then uses the user name). */
export function createBody(values) {
  const body = {
    user: (values.user ?? '').trim(),
    role: values.role,
    password: values.password ?? '',
    areas: areasOf(values),
  };
  const displayName = (values.displayName ?? '').trim();
  if (displayName !== '') {
    body.displayName = displayName;
  }
  return body;
}

/**
 * The body of `PUT /api/admin/users/{name}` changing `before` (a user of the list) to the form's values: only what
 * changed, and the password only when one was typed. Empty when nothing changed.
 */
export function updateBody(before, values) {
  const body = {};
  const displayName = (values.displayName ?? '').trim();
  if (displayName !== '' && displayName !== before.displayName) {
    body.displayName = displayName;
  }
  if (values.role && values.role !== before.role) {
    body.role = values.role;
  }
  const areas = areasOf(values, before.areas);
  if (!sameAreas(areas, before.areas ?? [])) {
    body.areas = areas;
  }
  if ((values.password ?? '') !== '') {
    body.password = values.password;
  }
  return body;
}

/** True when both lists hold the same areas, in any order. */
export function sameAreas(a, b) {
  const key = (x) => `${x.region}\u0000${x.district ?? ''}`;
  const left = [...new Set(a.map(key))].sort();
  const right = [...new Set(b.map(key))].sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

/**
 * Checks the page can make before sending: a leader needs at least one area. Returns `{field: [{key}]}` (i18n
 * keys), empty when nothing is wrong; the server checks everything else and its answer is shown the same way.
 */
export function checkValues(values) {
  const errors = {};
  if (values.role === 'leader' && areasOf(values).length === 0) {
    errors.areas = [{ key: 'admin.error.leaderArea' }];
  }
  return errors;
}

/** The form field a problem of the API's 422 answer belongs to: `areas[0].district` → `areas`. */
export function fieldOf(problemField) {
  const head = String(problemField ?? '').split(/[.[]/)[0];
  return FIELDS.includes(head) ? head : 'form';
}

/**
 * A failed call's messages by form field, as `{field: [{text}]}` (server text) or `[{key}]` (i18n keys):
 * 422 problems go to their fields, a 409 to `conflictField` (e.g. `user` when the name is taken), a network failure
 * and anything else to `form`.
 */
export function errorsByField(error, conflictField = 'form') {
  const out = {};
  const add = (field, message) => {
    (out[field] ??= []).push(message);
  };
  if (error instanceof ApiError) {
    if (error.isNetworkError) {
      add('form', { key: 'error.network' });
      return out;
    }
    const problems = Array.isArray(error.body?.problems) ? error.body.problems : [];
    if (error.status === 422 && problems.length > 0) {
      for (const p of problems) {
        add(fieldOf(p.field), { text: p.reason || error.detail });
      }
      return out;
    }
    if (error.status === 409) {
      add(conflictField, { text: error.detail || error.title });
      return out;
    }
    add('form', error.detail || error.title ? { text: error.detail || error.title } : { key: 'error.http', vars: { status: error.status } });
    return out;
  }
  add('form', { text: String(error?.message ?? error) });
  return out;
}

/**
 * A user's areas as text: "region name" for a whole region, else the district's name, joined with "、" (zh) or
 * ", " (en). Codes without a known name are shown as codes.
 *
 * @param {Array<{region: string, district?: string}>} areas
 * @param {{regionName: (code) => string|undefined, areaName: (region, code) => string|undefined}} names
 */
export function areasText(areas, names, lang = 'zh-CN') {
  const parts = (areas ?? []).map((a) => {
    const region = names.regionName(a.region) ?? a.region;
    if (a.district === undefined || a.district === null) {
      return region;
    }
    return names.areaName(a.region, a.district) ?? a.district;
  });
  return parts.join(lang === 'en' ? ', ' : '、');
}

/**
 * An instant (ISO 8601) as "YYYY-MM-DD HH:mm" in `timeZone` (the browser's when not given); '' for null or bad
 * input.
 */
export function formatTime(iso, timeZone) {
  if (typeof iso !== 'string' || iso === '') {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Users sorted for the list: enabled before disabled, then by role (admin, leader, planner), then by name. */
export function sortUsers(users) {
  const rank = { admin: 0, leader: 1, planner: 2 };
  return [...(users ?? [])].sort((a, b) => Number(a.disabled) - Number(b.disabled)
    || (rank[a.role] ?? 9) - (rank[b.role] ?? 9)
    || String(a.user).localeCompare(String(b.user)));
}
