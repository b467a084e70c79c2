/**
 * Pure helpers of the leaders' proposal panel (review page): comment checks matching the server's rules, the figures
 * of the proposal's own area, and the keys of workflow steps. No DOM.
 */

/** Longest comment the server accepts, in characters (code points), as ProposalService.MAX_COMMENT_LENGTH. */
export const MAX_COMMENT_LENGTH = 2000;

/** Number of characters (code points, as the server counts) of a text. */
export function commentLength(text) {
  return [...String(text ?? '').trim()].length;
}

/**
 * The i18n key of what is wrong with a comment, or null when it may be sent: sending back needs one (non-blank);
 * any comment is at most MAX_COMMENT_LENGTH characters.
 */
export function commentProblem(text, required) {
  const n = commentLength(text);
  if (required && n === 0) {
    return 'proposals.commentRequired';
  }
  if (n > MAX_COMMENT_LENGTH) {
    return 'proposals.commentTooLong';
  }
  return null;
}

/**
 * The before/after figures of the proposal's area from a scenario (GET /api/scenarios/{id}): the district row whose
 * code is the area, else the whole scenario's figures; null when the scenario has none.
 * @returns {{name: string|null, before: number, after: number, newSites: number|null}|null}
 */
export function areaFigures(scenario, areaCode) {
  const figures = scenario?.figures;
  if (!figures) {
    return null;
  }
  const row = (figures.districts ?? []).find((d) => d && d.code === areaCode);
  if (row) {
    return { name: row.name ?? null, before: row.fractionBefore, after: row.fractionAfter, newSites: row.newSites ?? null };
  }
  return { name: null, before: figures.fractionBefore, after: figures.fractionAfter, newSites: scenario.newSites ?? null };
}

/** The i18n key naming a workflow step (submitted, approved, returned). */
export function stepKey(step) {
  return ['submitted', 'approved', 'returned'].includes(step) ? `proposals.step.${step}` : 'proposals.step.other';
}

/** [lat, lon] pairs of a scenario's proposed sites (GeoJSON points), skipping anything malformed. */
export function siteLatLngs(scenario) {
  const out = [];
  for (const f of scenario?.sites?.features ?? []) {
    const c = f?.geometry?.coordinates;
    if (Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1])) {
      out.push([c[1], c[0]]);
    }
  }
  return out;
}
