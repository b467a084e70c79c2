import { test } from 'node:test';
import assert from 'node:assert/strict';
import { curveGeometry, shareRange } from '../js/plan/curve.js';
import {
  FormError, buildScenarioRequest, comparisonView, decisionParts, exportPath, figureChange, formatPoints, isDeletable,
  isEditable, isJobFinished, jobPercent, solveStatement,
} from '../js/plan/scenario.js';
import { followJob, scenarioIdOf } from '../js/plan/job.js';

test('the share axis runs from the tenth below the lowest to the tenth above the highest', () => {
  assert.deepEqual(shareRange([0.5, 0.62, 0.72]), { lo: 0.5, hi: 0.8 });
  assert.deepEqual(shareRange([0.55]), { lo: 0.5, hi: 0.6 });
  assert.deepEqual(shareRange([0.6, 0.6]), { lo: 0.6, hi: 0.7 });
  assert.deepEqual(shareRange([1, 1]), { lo: 0.9, hi: 1 });
  assert.deepEqual(shareRange([]), { lo: 0, hi: 1 });
});

test('curve geometry maps k = 0 … N across and shares up, and marks the flattening point', () => {
  // width 104, height 54, pad 2: x = 2 + k / 3 * 100, y = 52 - (share - 0.5) / 0.3 * 50
  const g = curveGeometry(
    [{ newSites: 1, coveredFraction: 0.62 }, { newSites: 2, coveredFraction: 0.7 }, { newSites: 3, coveredFraction: 0.72 }],
    { width: 104, height: 54, pad: 2, before: 0.5, flattensAfter: 2 },
  );
  assert.equal(g.path, 'M2 52 L35.3 32 L68.7 18.7 L102 15.3');
  assert.deepEqual(g.flatten, { k: 2, x: 68.7, y: 18.7 });
  assert.deepEqual(g.yTicks, [{ share: 0.5, y: 52 }, { share: 0.65, y: 27 }, { share: 0.8, y: 2 }]);
  assert.deepEqual(g.xTicks.map((t) => t.k), [0, 2, 3]);
  assert.equal(g.dots.length, 4);
});

test('a curve that never flattens has no mark; without the share before it starts at k = 1', () => {
  const g = curveGeometry([{ newSites: 1, coveredFraction: 0.3 }, { newSites: 2, coveredFraction: 0.35 }],
    { width: 20, height: 20, pad: 0, flattensAfter: null });
  assert.equal(g.flatten, null);
  // lo 0.3, hi 0.4: k = 1 at x 0, y 20; k = 2 at x 20, y 10
  assert.equal(g.path, 'M0 20 L20 10');
  assert.equal(curveGeometry([], { width: 20, height: 20 }).path, '');
  assert.throws(() => curveGeometry([], { width: 4, height: 20, pad: 2 }), RangeError);
});

const form = {
  name: ' 河西区五个新站 ', group: 'rider', minutes: '', problem: 'mclp', p: '5', targetPercent: '',
  sources: ['import', 'register'], kinds: [], budgetWanYuan: '', defaultCostWanYuan: '', solver: 'greedy', timeLimitSeconds: '',
};

test('the form becomes the request the API expects', () => {
  assert.deepEqual(buildScenarioRequest(form), {
    name: '河西区五个新站', group: 'rider', minutes: 15, problem: 'mclp', p: 5,
    candidates: { sources: ['import', 'register'], kinds: [] }, solver: 'greedy',
  });
  const partial = buildScenarioRequest({
    ...form, problem: 'partial', targetPercent: '85', solver: 'exact', timeLimitSeconds: '300', budgetWanYuan: '120',
    defaultCostWanYuan: '20', kinds: ['gas_station', 'spaceship'], minutes: '10',
  });
  assert.equal(partial.targetCoverage, 0.85);
  assert.equal(partial.p, undefined);
  assert.equal(partial.timeLimitSeconds, 300);
  assert.equal(partial.budgetWanYuan, 120);
  assert.equal(partial.defaultCostWanYuan, 20);
  assert.equal(partial.minutes, 10);
  assert.deepEqual(partial.candidates.kinds, ['gas_station']);
  assert.equal(buildScenarioRequest({ ...form, solver: 'exact' }).timeLimitSeconds, 60);
});

test('form mistakes name the field and the value', () => {
  const fails = (values, field, text) => assert.throws(() => buildScenarioRequest({ ...form, ...values }), (e) => {
    assert.ok(e instanceof FormError);
    assert.equal(e.field, field);
    assert.match(e.message, text);
    return true;
  });
  fails({ name: '  ' }, 'name', /needs a name/);
  fails({ p: '2.5' }, 'p', /'2.5' is not a whole number/);
  fails({ p: '0' }, 'p', /from 1/);
  fails({ minutes: '121' }, 'minutes', /'121'/);
  fails({ problem: 'partial', targetPercent: '120' }, 'target', /'120'/);
  fails({ problem: 'lp' }, 'problem', /unknown problem 'lp'/);
  fails({ sources: [] }, 'sources', /at least one/);
  fails({ budgetWanYuan: '-1' }, 'budget', /'-1'/);
});

test('a solve is called optimal only when the server says optimal and proven', () => {
  const base = { solver: 'cp-sat', objective: 120.5, bestBound: 130, gap: 0.077, wallTimeMillis: 2500, objectiveUnit: 'demand' };
  assert.equal(solveStatement({ ...base, status: 'optimal', proven: true }).statusKey, 'plan.solve.status.optimal');
  assert.equal(solveStatement({ ...base, status: 'optimal', proven: false }).statusKey, 'plan.solve.status.feasible');
  assert.equal(solveStatement({ ...base, status: 'optimal' }).statusKey, 'plan.solve.status.feasible');
  const s = solveStatement({ ...base, status: 'feasible', proven: false });
  assert.equal(s.statusKey, 'plan.solve.status.feasible');
  assert.equal(s.seconds, 2.5);
  assert.equal(s.bound, 130);
  assert.equal(solveStatement({ status: 'time_limit', gap: null }).gap, null);
  assert.equal(solveStatement({ status: 'bogus' }).statusKey, 'plan.solve.status.unknown');
});

test('figures before and after, and their change in percentage points', () => {
  const f = figureChange({ totalDemand: 1000, coveredBefore: 600, coveredAfter: 720, newlyCovered: 120, fractionBefore: 0.6, fractionAfter: 0.72 });
  assert.ok(Math.abs(f.fractionChange - 0.12) < 1e-12);
  assert.equal(formatPoints(f.fractionChange), '+12.0');
  assert.equal(formatPoints(-0.0041), '−0.4');
  assert.equal(formatPoints(0), '+0.0');
  assert.equal(formatPoints(null), '—');
  assert.equal(figureChange({}).fractionChange, null);
});

test('a comparison lists figures, B minus A and the sites of each side', () => {
  const site = (name) => ({ type: 'Feature', properties: { name } });
  const v = comparisonView({
    a: { name: '五站', newSites: 5 }, b: { name: '三站', newSites: 3 }, comparable: true, notes: [],
    figuresA: { fractionBefore: 0.5, fractionAfter: 0.7, coveredAfter: 700 },
    figuresB: { fractionBefore: 0.5, fractionAfter: 0.65, coveredAfter: 650 },
    onlyInA: { features: [site('甲'), site('乙')] }, onlyInB: { features: [] }, inBoth: [{ name: '丙' }, { name: '丁' }, { name: '戊' }],
  });
  assert.equal(v.nameA, '五站');
  assert.ok(Math.abs(v.difference.fractionAfter + 0.05) < 1e-12);
  assert.equal(v.difference.coveredAfter, -50);
  assert.equal(v.difference.sites, -2);
  assert.deepEqual(v.onlyInA, ['甲', '乙']);
  assert.deepEqual(v.onlyInB, []);
  assert.deepEqual(v.inBoth, ['丙', '丁', '戊']);
});

test('statuses, job progress, export paths and decision lines', () => {
  assert.equal(isEditable('draft'), true);
  assert.equal(isEditable('returned'), true);
  assert.equal(isEditable('submitted'), false);
  assert.equal(isEditable('approved'), false);
  assert.equal(isEditable(undefined), false);
  assert.equal(isJobFinished('cancelled'), true);
  assert.equal(isJobFinished('running'), false);
  assert.equal(jobPercent({ progress: 0.456 }), 46);
  assert.equal(jobPercent({ progress: null }), 0);
  assert.equal(jobPercent({ progress: 3 }), 100);
  assert.equal(exportPath(7, 'demo', 'xlsx'), 'api/scenarios/7/export.xlsx?region=demo');
  assert.throws(() => exportPath(7, 'demo', 'pdf'), /'pdf'/);
  assert.deepEqual(decisionParts({ at: '2025-01-02T03:04:05Z', action: 'submitted', actor: '王工', comment: '请审' }),
    { at: '2025-01-02T03:04:05Z', action: 'submitted', actor: '王工', area: null, comment: '请审' });
  // the server's shape (ProposalRoutes.decision): the status the step led to names the action
  assert.deepEqual(decisionParts({ id: 3, step: 'returned', statusBefore: 'submitted', statusAfter: 'returned', actor: '李主任',
    comment: '请补充', area: '110105', stationIds: [], at: '2026-11-23T10:00:00Z' }),
  { at: '2026-11-23T10:00:00Z', action: 'returned', actor: '李主任', area: '110105', comment: '请补充' });
  assert.deepEqual(decisionParts(null), { at: null, action: null, actor: null, area: null, comment: null });
});

test('a job is followed until it ends, each state reported', async () => {
  const states = [{ id: 9, status: 'running', progress: 0.3 }, { id: 9, status: 'done', progress: 1, resultRef: 'scenario:42' }];
  const seen = [];
  const slept = [];
  const last = await followJob({ id: 9, status: 'queued', progress: 0 }, {
    getJob: async (id) => { assert.equal(id, 9); return states.shift(); },
    onUpdate: (j) => seen.push(j.status),
    sleep: async (ms) => { slept.push(ms); },
    intervalMs: 7,
  });
  assert.deepEqual(seen, ['queued', 'running', 'done']);
  assert.deepEqual(slept, [7, 7]);
  assert.equal(scenarioIdOf(last), 42);
  assert.equal(scenarioIdOf({ resultRef: null }), null);
  let calls = 0;
  const stopped = await followJob({ id: 1, status: 'running' }, {
    getJob: async () => { calls++; return { id: 1, status: 'running' }; }, sleep: async () => {}, isStopped: () => calls >= 2,
  });
  assert.equal(stopped.status, 'running');
  assert.equal(calls, 2);
});

test('cells: before draws every cell outside the circles red; after splits them into new (green) and still uncovered', async () => {
  const { cellClass, cellTally } = await import('../js/plan/cells.js');
  assert.equal(cellClass({ state: 'new' }, 'before'), 'gap');
  assert.equal(cellClass({ state: 'new' }, 'after'), 'new');
  assert.equal(cellClass({ state: 'uncovered' }, 'before'), 'gap');
  assert.equal(cellClass({ state: 'uncovered' }, 'after'), 'gap');
  assert.equal(cellClass({ state: 'covered' }, 'after'), null);
  assert.equal(cellClass({}, 'after'), null);
  const fc = {
    features: [
      { properties: { state: 'new', weight: 2.5 } },
      { properties: { state: 'new', weight: 1.25 } },
      { properties: { state: 'uncovered', weight: 4 } },
      { properties: { state: 'covered', weight: 100 } },
    ],
  };
  assert.deepEqual(cellTally(fc, 'after'), { new: { cells: 2, weight: 3.75 }, gap: { cells: 1, weight: 4 } });
  assert.deepEqual(cellTally(fc, 'before'), { new: { cells: 0, weight: 0 }, gap: { cells: 3, weight: 7.75 } });
  assert.deepEqual(cellTally(null, 'after'), { new: { cells: 0, weight: 0 }, gap: { cells: 0, weight: 0 } });
});

test('a running search is shown as incumbent, bound and gap in the page language; nothing without figures', async () => {
  const { hasSolverFigures, solverText } = await import('../js/plan/job.js');
  const t = (key, p = {}) => `${key}|${Object.entries(p).map(([k, v]) => `${k}=${v}`).join(',')}`;
  assert.equal(hasSolverFigures({ incumbent: null, bound: null }), false);
  assert.equal(solverText({ status: 'running', message: 'solving', incumbent: null, bound: null }, t, 'en'), '');
  assert.equal(solverText({ incumbent: 2825, bound: 2954, gap: 0.045664 }, t, 'en'),
    'plan.job.solver|incumbent=2,825,bound=2,954,gap=4.57%');
  assert.equal(solverText({ incumbent: 12.5, bound: null, gap: null }, t, 'zh-CN'), 'plan.job.solverNoBound|incumbent=12.5');
  assert.equal(solverText({ incumbent: null, bound: 40, gap: null }, t, 'en'), 'plan.job.solver|incumbent=—,bound=40,gap=—');
});

test('only a draft that was never submitted may be deleted', () => {
  assert.equal(isDeletable({ status: 'draft', decisions: [] }), true);
  assert.equal(isDeletable({ status: 'draft' }), true);
  assert.equal(isDeletable({ status: 'draft', decisions: [{ step: 'submitted' }] }), false);
  assert.equal(isDeletable({ status: 'returned', decisions: [{ step: 'submitted' }, { step: 'returned' }] }), false);
  assert.equal(isDeletable({ status: 'submitted', decisions: [] }), false);
  assert.equal(isDeletable({ status: 'approved' }), false);
  assert.equal(isDeletable(null), false);
});
