/**
 * The station filter value kept in the store under `filters`: `{kinds: string[], services: string[], openNow: boolean}`.
 * Pure functions returning new values (never mutating). Kind and service codes are those of /api/meta.
 */

/** Filter showing every kind, requiring no service, ignoring opening hours. */
export function initialFilters(meta) {
  return Object.freeze({
    kinds: Object.freeze((meta?.kinds ?? []).map((k) => k.code)),
    services: Object.freeze([]),
    openNow: false,
  });
}

/** Adds or removes one code in the `kinds` or `services` list, keeping the order of `allCodes`. */
export function toggleCode(filters, listName, code, checked, allCodes) {
  if (listName !== 'kinds' && listName !== 'services') {
    throw new RangeError(`filter list must be 'kinds' or 'services', got '${listName}'`);
  }
  const current = new Set(filters[listName]);
  if (checked) {
    current.add(code);
  } else {
    current.delete(code);
  }
  const ordered = allCodes.filter((c) => current.has(c));
  // codes unknown to allCodes (e.g. from an old meta) are kept at the end rather than silently lost
  const unknown = [...current].filter((c) => !allCodes.includes(c));
  return Object.freeze({ ...filters, [listName]: Object.freeze([...ordered, ...unknown]) });
}

/** Replaces the whole `kinds` list (e.g. "select all" / "select none"). */
export function withKinds(filters, kinds) {
  return Object.freeze({ ...filters, kinds: Object.freeze([...kinds]) });
}

export function withOpenNow(filters, openNow) {
  return Object.freeze({ ...filters, openNow: Boolean(openNow) });
}
