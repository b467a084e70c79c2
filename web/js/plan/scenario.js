/**
 * Pure helpers of the planner page (plan.html): the scenario request built from the form, what a solve may claim,
 * figures before / after, the comparison of two scenarios, job states and decision lines. No DOM; numbers in the
 * scenario JSON's units (demand weight, shares in [0, 1], milliseconds, 万元).
 */

/** Problems the form offers, with the parameter each needs ("p" or "target"). */
export const PROBLEMS = Object.freeze([
  Object.freeze({ code: 'mclp', needs: 'p' }),
  Object.freeze({ code: 'partial', needs: 'target' }),
  Object.freeze({ code: 'pmedian', needs: 'p' }),
  Object.freeze({ code: 'pcenter', needs: 'p' }),
]);

export const WORKER_GROUPS = Object.freeze(['rider', 'ride_hailing', 'truck']);
export const CANDIDATE_SOURCES = Object.freeze(['register', 'import', 'osm', 'greenfield']);
/** Candidate sources ticked when the form opens (the server's own default when none is sent). */
export const DEFAULT_SOURCES = Object.freeze(['register', 'import']);
export const CANDIDATE_KINDS = Object.freeze([
  'gas_station', 'convenience_store', 'community_centre', 'caring_merchant', 'town_hall', 'partner_site',
  'planned_station', 'demand_cell', 'other',
]);
export const SOLVERS = Object.freeze(['greedy', 'exact']);
export const EXPORT_FORMATS = Object.freeze(['geojson', 'csv', 'xlsx']);
export const DEFAULT_MINUTES = 15;
export const DEFAULT_TIME_LIMIT_SECONDS = 60;

/** A form mistake: `field` names the input (its data-field), the message says why. */
export class FormError extends RangeError {
  constructor(field, message) {
    super(`${field}: ${message}`);
    this.name = 'FormError';
    this.field = field;
  }
}

function blank(value) {
  return value === undefined || value === null || String(value).trim() === '';
}

function wholeNumber(field, value, min, max) {
  const text = String(value).trim();
  const n = Number(text);
  if (!/^[+]?\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new FormError(field, `'${value}' is not a whole number from ${min} to ${max}`);
  }
  return n;
}

function positiveNumber(field, value, { allowZero = false, max = Infinity } = {}) {
  const n = Number(String(value).trim());
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0) || n > max) {
    throw new FormError(field, `'${value}' is not a ${allowZero ? 'non-negative' : 'positive'} number${max < Infinity ? ` up to ${max}` : ''}`);
  }
  return n;
}

/**
 * The body of `POST /api/scenarios` from the form's values (strings as typed).
 * @param {{name: string, group: string, minutes: string|number, problem: string, p?: string|number,
 *   targetPercent?: string|number, sources?: string[], kinds?: string[], budgetWanYuan?: string|number,
 *   defaultCostWanYuan?: string|number, solver: string, timeLimitSeconds?: string|number}} values
 * @throws FormError naming the field and the bad value
 */
export function buildScenarioRequest(values) {
  const name = String(values.name ?? '').trim();
  if (name === '') {
    throw new FormError('name', 'a scenario needs a name');
  }
  if (!WORKER_GROUPS.includes(values.group)) {
    throw new FormError('group', `unknown worker group '${values.group}'`);
  }
  const problem = PROBLEMS.find((p) => p.code === values.problem);
  if (!problem) {
    throw new FormError('problem', `unknown problem '${values.problem}'`);
  }
  if (!SOLVERS.includes(values.solver)) {
    throw new FormError('solver', `unknown solver '${values.solver}'`);
  }
  const body = {
    name,
    group: values.group,
    minutes: blank(values.minutes) ? DEFAULT_MINUTES : wholeNumber('minutes', values.minutes, 1, 120),
    problem: problem.code,
  };
  if (problem.needs === 'p') {
    body.p = wholeNumber('p', values.p, 1, 100000);
  } else {
    body.targetCoverage = positiveNumber('target', values.targetPercent, { max: 100 }) / 100;
  }
  const sources = (values.sources ?? []).filter((s) => CANDIDATE_SOURCES.includes(s));
  const kinds = (values.kinds ?? []).filter((k) => CANDIDATE_KINDS.includes(k));
  if (sources.length === 0) {
    throw new FormError('sources', 'choose at least one candidate source');
  }
  body.candidates = { sources, kinds };
  if (!blank(values.budgetWanYuan)) {
    body.budgetWanYuan = positiveNumber('budget', values.budgetWanYuan, { allowZero: true });
  }
  if (!blank(values.defaultCostWanYuan)) {
    body.defaultCostWanYuan = positiveNumber('cost', values.defaultCostWanYuan, { allowZero: true });
  }
  body.solver = values.solver;
  if (values.solver === 'exact') {
    body.timeLimitSeconds = blank(values.timeLimitSeconds)
      ? DEFAULT_TIME_LIMIT_SECONDS
      : positiveNumber('timeLimit', values.timeLimitSeconds, { max: 3600 });
  }
  return body;
}

/** Whether what-if edits are allowed: drafts and returned scenarios (as the server's ScenarioStatus says). */
export function isEditable(status) {
  return status === 'draft' || status === 'returned';
}

/**
 * Whether a scenario may be deleted: a draft that was never submitted (no decision of the approval workflow), as
 * DELETE /api/scenarios/{id} allows; a scenario without its `decisions` list counts by its status (the server decides).
 */
export function isDeletable(scenario) {
  if (!scenario || scenario.status !== 'draft') {
    return false;
  }
  return !Array.isArray(scenario.decisions) || scenario.decisions.length === 0;
}

const SOLVE_STATES = ['optimal', 'feasible', 'infeasible', 'time_limit', 'unknown'];

/**
 * What the page may say about a solve: the i18n key of its status — "optimal" only when the server says the status
 * is optimal AND proven — and the numbers to show (null when the server sent none).
 * @param {object} solve the scenario JSON's `solve`
 * @returns {{statusKey: string, proven: boolean, objective: number|null, objectiveUnit: string,
 *   bound: number|null, gap: number|null, solver: string, seconds: number|null, message: string}}
 */
export function solveStatement(solve) {
  const status = SOLVE_STATES.includes(solve?.status) ? solve.status : 'unknown';
  const proven = status === 'optimal' && solve?.proven === true;
  const shown = status === 'optimal' && !proven ? 'feasible' : status;
  const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const millis = num(solve?.wallTimeMillis);
  return {
    statusKey: `plan.solve.status.${shown}`,
    proven,
    objective: num(solve?.objective),
    objectiveUnit: typeof solve?.objectiveUnit === 'string' ? solve.objectiveUnit : '',
    bound: num(solve?.bestBound),
    gap: num(solve?.gap),
    solver: typeof solve?.solver === 'string' ? solve.solver : '',
    seconds: millis === null ? null : millis / 1000,
    message: typeof solve?.message === 'string' ? solve.message : '',
  };
}

/**
 * Before / after figures of a scenario: shares, covered demand and the change.
 * @param {object} figures the scenario JSON's `figures`
 */
export function figureChange(figures) {
  const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const before = num(figures?.fractionBefore);
  const after = num(figures?.fractionAfter);
  const coveredBefore = num(figures?.coveredBefore);
  const coveredAfter = num(figures?.coveredAfter);
  return {
    totalDemand: num(figures?.totalDemand),
    fractionBefore: before,
    fractionAfter: after,
    fractionChange: before === null || after === null ? null : after - before,
    coveredBefore,
    coveredAfter,
    newlyCovered: num(figures?.newlyCovered),
  };
}

/** "+3.2 个百分点"-style signed percentage points with one decimal ("+0.0" for none); "—" when unknown. */
export function formatPoints(change) {
  if (typeof change !== 'number' || !Number.isFinite(change)) {
    return '—';
  }
  const points = Math.round(change * 1000) / 10;
  const text = Math.abs(points).toFixed(1);
  return `${points < 0 ? '−' : '+'}${text}`;
}

/**
 * The comparison endpoint's answer as the page shows it: the figures of A and B, B minus A, and the site names
 * only in A, only in B and in both.
 * @param {object} comparison answer of `GET /api/scenarios/compare`
 */
export function comparisonView(comparison) {
  const a = figureChange(comparison?.figuresA);
  const b = figureChange(comparison?.figuresB);
  const minus = (x, y) => (x === null || y === null ? null : x - y);
  const names = (fc) => (fc?.features ?? []).map((f) => f?.properties?.name ?? '');
  return {
    nameA: comparison?.a?.name ?? '',
    nameB: comparison?.b?.name ?? '',
    comparable: comparison?.comparable !== false,
    notes: Array.isArray(comparison?.notes) ? comparison.notes.map(String) : [],
    a,
    b,
    difference: {
      fractionAfter: minus(b.fractionAfter, a.fractionAfter),
      coveredAfter: minus(b.coveredAfter, a.coveredAfter),
      sites: minus(comparison?.b?.newSites ?? null, comparison?.a?.newSites ?? null),
    },
    onlyInA: names(comparison?.onlyInA),
    onlyInB: names(comparison?.onlyInB),
    inBoth: (comparison?.inBoth ?? []).map((x) => x?.name ?? ''),
  };
}

/** Whether a job status is final. */
export function isJobFinished(status) {
  return status === 'done' || status === 'failed' || status === 'cancelled';
}

/** A job's progress as a whole percentage 0 … 100 (null or nonsense → 0). */
export function jobPercent(job) {
  const p = job?.progress;
  if (typeof p !== 'number' || !Number.isFinite(p)) {
    return 0;
  }
  return Math.max(0, Math.min(100, Math.round(p * 100)));
}

/** Relative address of a scenario export ("geojson", "csv" or "xlsx"). */
export function exportPath(scenarioId, region, format) {
  if (!EXPORT_FORMATS.includes(format)) {
    throw new RangeError(`export format must be one of ${EXPORT_FORMATS.join(', ')}, got '${format}'`);
  }
  return `api/scenarios/${encodeURIComponent(scenarioId)}/export.${format}?region=${encodeURIComponent(region)}`;
}

/**
 * One line of a scenario's decision history (written by the approval workflow): when, what, who, where and the
 * comment, whichever of them the entry has. Field names are read leniently because the history is another module's.
 */
export function decisionParts(decision) {
  const d = decision && typeof decision === 'object' ? decision : {};
  const pick = (...keys) => {
    for (const k of keys) {
      if (typeof d[k] === 'string' && d[k].trim() !== '') {
        return d[k].trim();
      }
    }
    return null;
  };
  return {
    at: pick('at', 'decidedAt', 'createdAt', 'time'),
    action: pick('statusAfter', 'step', 'action', 'decision', 'status', 'to'),
    actor: pick('actor', 'by', 'user', 'decidedBy'),
    area: pick('area', 'district', 'areaName'),
    comment: pick('comment', 'note'),
  };
}

/** Rounds a coordinate for a request body (6 decimals ≈ 0.1 m). */
export function roundCoordinate(value) {
  return Math.round(value * 1e6) / 1e6;
}
