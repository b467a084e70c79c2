import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  WORKER_GROUPS, bboxContains, cellKind, coveredShare, diffKeys, formatDemand, formatShare, groupMode, isWorkerGroup,
  needsFetch, padBBox, rankGaps, readSummary, runLimited, serviceCircleKey, shareClassIndex, shareColor, SHARE_CLASSES,
  NO_DEMAND_COLOR, readCellRoute, formatDateTime, formatMinutesPrecise, cellClass, UNREACHABLE_CLASS, OFF_NETWORK_CLASS,
} from '../js/util/coverage.js';
import zhCN from '../js/i18n/zh-CN.js';
import en from '../js/i18n/en.js';
import { createTranslator } from '../js/i18n/index.js';

test('worker groups map to their travel modes; unknown groups are named in the error', () => {
  assert.deepEqual(WORKER_GROUPS.map((g) => g.code), ['rider', 'ride_hailing', 'truck']);
  assert.equal(groupMode('rider'), 'ebike');
  assert.equal(groupMode('ride_hailing'), 'car');
  assert.equal(groupMode('truck'), 'truck');
  assert.throws(() => groupMode('courier'), /unknown worker group 'courier'; expected one of rider, ride_hailing, truck/);
  assert.equal(isWorkerGroup('truck'), true);
  assert.equal(isWorkerGroup('Truck'), false);
});

test('cell kind: off-network by status, timed by finite minutes, otherwise unreachable', () => {
  assert.equal(cellKind({ status: 'reached', minutes: 7.5 }), 'timed');
  assert.equal(cellKind({ status: 'unreached', minutes: 21 }), 'timed'); // beyond the limit but timed: red
  assert.equal(cellKind({ status: 'gap', minutes: 0 }), 'timed');
  assert.equal(cellKind({ status: 'unreached', minutes: null }), 'unreachable');
  assert.equal(cellKind({ status: 'unreachable' }), 'unreachable');
  assert.equal(cellKind({ status: 'off_network', minutes: null }), 'off_network');
  assert.equal(cellKind({ status: 'off_network', minutes: 3 }), 'off_network');
  assert.equal(cellKind({ minutes: -1 }), 'unreachable');
  assert.equal(cellKind(undefined), 'unreachable');
});

test('covered shares are read by band and must be fractions', () => {
  const covered = { 5: 0.25, 10: 0.5, 15: 1, 20: 1.2 };
  assert.equal(coveredShare(covered, 5), 0.25);
  assert.equal(coveredShare(covered, '10'), 0.5);
  assert.equal(coveredShare(covered, 15), 1);
  assert.equal(coveredShare(covered, 20), null);
  assert.equal(coveredShare({ 15: null }, 15), null);
  assert.equal(coveredShare(null, 15), null);
});

test('share classes have lower bounds inclusive and reject values outside [0, 1]', () => {
  assert.equal(SHARE_CLASSES.length, 5);
  assert.equal(shareClassIndex(0), 0);
  assert.equal(shareClassIndex(0.4999), 0);
  assert.equal(shareClassIndex(0.5), 1);
  assert.equal(shareClassIndex(0.79), 2);
  assert.equal(shareClassIndex(0.8), 3);
  assert.equal(shareClassIndex(0.9), 4);
  assert.equal(shareClassIndex(1), 4);
  assert.equal(shareClassIndex(1.01), -1);
  assert.equal(shareClassIndex(null), -1);
  assert.equal(shareClassIndex(Number.NaN), -1);
  assert.equal(shareColor(0.95), SHARE_CLASSES[4].color);
  assert.equal(shareColor(null), NO_DEMAND_COLOR);
});

test('shares and demand are formatted for the language', () => {
  assert.equal(formatShare(0.8734, 'en'), '87.3%');
  assert.equal(formatShare(0.8734, 'zh-CN'), '87.3%');
  assert.equal(formatShare(1, 'en'), '100.0%');
  assert.equal(formatShare(0.5, 'en', 0), '50%');
  assert.equal(formatShare(0.99996, 'en'), '99.9%'); // rounded down: not all demand is covered
  assert.equal(formatShare(0.8736, 'en'), '87.3%');
  assert.equal(formatShare(0.7, 'en', 0), '70%'); // 0.7 * 100 = 70.00000000000001 stays 70
  assert.equal(formatShare(0.29, 'en'), '29.0%'); // 0.29 * 1000 = 289.99999999999994 stays 29.0
  assert.equal(formatShare(null, 'en'), '—');
  assert.equal(formatDemand(12.345, 'en'), '12.3');
  assert.equal(formatDemand(12345.6, 'en'), '12,346');
  assert.equal(formatDemand(undefined, 'en'), '—');
});

test('padded bboxes and containment', () => {
  assert.deepEqual(padBBox([10, 20, 12, 21], 0.5), [9, 19.5, 13, 21.5]);
  assert.deepEqual(padBBox([10, 20, 12, 21], 0), [10, 20, 12, 21]);
  assert.deepEqual(padBBox([0, 80, 1, 84], 1), [-1, 76, 2, 85]);
  assert.throws(() => padBBox([10, 20, 12, 21], -1), /pad ratio must be >= 0, got -1/);
  assert.throws(() => padBBox([12, 20, 10, 21], 1), /min <= max/);
  assert.equal(bboxContains([0, 0, 10, 10], [1, 1, 9, 9]), true);
  assert.equal(bboxContains([0, 0, 10, 10], [0, 0, 10, 10]), true);
  assert.equal(bboxContains([0, 0, 10, 10], [1, 1, 11, 9]), false);
});

test('cells are fetched again when the key changes or the view leaves the fetched box', () => {
  const fetched = { key: 'demo|rider|1', bbox: [0, 0, 10, 10] };
  assert.equal(needsFetch(null, 'demo|rider|1', [1, 1, 2, 2]), true);
  assert.equal(needsFetch(fetched, 'demo|rider|1', [1, 1, 2, 2]), false);
  assert.equal(needsFetch(fetched, 'demo|truck|1', [1, 1, 2, 2]), true);
  assert.equal(needsFetch(fetched, 'demo|rider|1', [9, 9, 10.5, 10]), true);
});

test('diffKeys lists keys to add (first occurrence, in order) and to remove', () => {
  assert.deepEqual(diffKeys(['a', 'b', 'c'], ['c', 'd', 'e', 'd']), { add: ['d', 'e'], remove: ['a', 'b'] });
  assert.deepEqual(diffKeys(new Set(), ['x']), { add: ['x'], remove: [] });
  assert.deepEqual(diffKeys(['x'], []), { add: [], remove: ['x'] });
});

test('gaps keep server ranks, or are ranked by demand then cells, without changing the input', () => {
  const poly = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
  const ranked = [
    { type: 'Feature', geometry: poly, properties: { rank: 2, demand: 50 } },
    { type: 'Feature', geometry: poly, properties: { rank: 1, demand: 10 } },
  ];
  assert.deepEqual(rankGaps(ranked).map((f) => f.properties.demand), [10, 50]);
  const unranked = [
    { type: 'Feature', geometry: poly, properties: { demand: 5, cells: 2 } },
    { type: 'Feature', geometry: poly, properties: { demand: 9, cells: 1 } },
    { type: 'Feature', geometry: poly, properties: { demand: 5, cells: 7 } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { demand: 99 } },
  ];
  const out = rankGaps(unranked);
  assert.deepEqual(out.map((f) => [f.properties.rank, f.properties.demand, f.properties.cells]),
    [[1, 9, 1], [2, 5, 7], [3, 5, 2]]);
  assert.equal(unranked[0].properties.rank, undefined);
  assert.deepEqual(rankGaps(undefined), []);
});

test('runLimited keeps at most `limit` calls in flight and returns settled results in input order', async () => {
  let inFlight = 0;
  let peak = 0;
  const results = await runLimited([30, 10, 20, 5, 0], 2, async (ms, i) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, ms));
    inFlight--;
    if (i === 3) {
      throw new Error('boom');
    }
    return ms * 2;
  });
  assert.equal(peak, 2);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  assert.deepEqual(results.filter((r) => r.status === 'fulfilled').map((r) => r.value), [60, 20, 40, 0]);
  assert.equal(results[3].reason.message, 'boom');
  await assert.rejects(runLimited([1], 0, async () => 1), /limit must be an integer >= 1, got 0/);
});

test('runLimited starts nothing more once aborted', async () => {
  const controller = new AbortController();
  const started = [];
  const results = await runLimited([0, 1, 2, 3], 1, async (item) => {
    started.push(item);
    if (item === 1) {
      controller.abort();
    }
    return item;
  }, controller.signal);
  assert.deepEqual(started, [0, 1]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected', 'rejected']);
  assert.equal(results[2].reason.name, 'AbortError');
});

test('service circle cache keys separate region, station, mode and minutes', () => {
  assert.equal(serviceCircleKey({ region: 'demo', stationId: 'ST-1', mode: 'ebike', minutes: 15 }), 'demo|ST-1|ebike|15');
  assert.notEqual(serviceCircleKey({ region: 'demo', stationId: 'ST-1', mode: 'car', minutes: 15 }),
    serviceCircleKey({ region: 'demo', stationId: 'ST-1', mode: 'ebike', minutes: 15 }));
});

test('readSummary normalises the summary and tolerates missing parts', () => {
  const summary = readSummary({
    group: 'rider',
    minutes: 15,
    overall: { demand: 200, covered: { 5: 0.1, 10: 0.4, 15: 0.75, 20: 0.9 } },
    areas: [
      { code: 449901, name: '河西区', level: 'district', demand: 150, covered: { 15: 0.8 }, stations: 3 },
      { name: 'no code' },
      { code: '449902', demand: 0, covered: { 15: null }, stations: 0 },
    ],
  });
  assert.equal(summary.group, 'rider');
  assert.equal(summary.limitMinutes, 15);
  assert.equal(summary.demand, 200);
  assert.deepEqual(summary.covered, { 5: 0.1, 10: 0.4, 15: 0.75, 20: 0.9 });
  assert.deepEqual([...summary.areas.keys()], ['449901', '449902']);
  assert.deepEqual(summary.areas.get('449901'), {
    code: '449901', name: '河西区', level: 'district', demand: 150, stations: 3,
    covered: { 5: null, 10: null, 15: 0.8, 20: null },
  });
  assert.equal(summary.areas.get('449902').name, '449902');
  const empty = readSummary(null);
  assert.equal(empty.limitMinutes, 15);
  assert.equal(empty.demand, null);
  assert.equal(empty.areas.size, 0);
});

test('readSummary reads the server field names (limitMinutes, coveredShare, flattened area totals)', () => {
  const summary = readSummary({
    region: 'demo', group: 'truck', groupLabel: '货车司机', mode: 'truck', limitMinutes: 20, runId: 7,
    computedAt: '2025-06-01T08:00:00Z',
    overall: { cells: 10, stations: 2, demand: 40, coveredShare: { 5: 0.1, 10: 0.2, 15: 0.5, 20: 0.75 } },
    level: 'subdistrict',
    areas: [{ code: '449901001', name: '松柏街道', level: 'subdistrict', parentCode: '449901', cells: 4, stations: 1,
      demand: 8, coveredShare: { 5: null, 10: 0, 15: 0.25, 20: 1 } }],
  });
  assert.equal(summary.limitMinutes, 20);
  assert.equal(summary.mode, 'truck');
  assert.equal(summary.runId, 7);
  assert.equal(summary.computedAt, '2025-06-01T08:00:00Z');
  assert.deepEqual(summary.covered, { 5: 0.1, 10: 0.2, 15: 0.5, 20: 0.75 });
  assert.deepEqual(summary.areas.get('449901001').covered, { 5: null, 10: 0, 15: 0.25, 20: 1 });
  assert.equal(summary.areas.get('449901001').stations, 1);
});

test('readCellRoute reads the server Feature and the sketched {route} shape alike', () => {
  const line = { type: 'LineString', coordinates: [[113.9, 22.6], [113.91, 22.6], [113.91, 22.61]] };
  const feature = readCellRoute({
    type: 'Feature', geometry: line,
    properties: { h3: '89411c0b1a3ffff', stationId: 12, minutes: 7.25, routeMinutes: 7.3, distanceMeters: 1850.5,
      streetNames: ['柳岸路', '', '长青街'] },
  });
  assert.deepEqual(feature, {
    minutes: 7.25, meters: 1850.5, stationId: 12, stationName: null, line, streetNames: ['柳岸路', '长青街'],
  });
  const sketch = readCellRoute({ minutes: 3, meters: 900, stationId: 'ST-1', route: line });
  assert.equal(sketch.meters, 900);
  assert.equal(sketch.stationId, 'ST-1');
  assert.equal(sketch.line, line);
  assert.equal(readCellRoute({ minutes: 3, route: { type: 'LineString', coordinates: [[0, 0]] } }).line, null);
  assert.equal(readCellRoute(null).minutes, null);
});

test('formatDateTime shows an instant in the language and time zone; invalid ones give null', () => {
  assert.equal(formatDateTime('2025-06-01T08:05:00Z', 'en-GB', 'UTC'), '01/06/2025, 08:05');
  assert.equal(formatDateTime('2025-06-01T08:05:00Z', 'zh-CN', 'Asia/Shanghai'), '2025/6/1 16:05');
  assert.equal(formatDateTime('yesterday', 'en'), null);
  assert.equal(formatDateTime(null, 'en'), null);
});

test('every worker group and travel mode has a label in both languages', () => {
  for (const { code, mode } of WORKER_GROUPS) {
    for (const table of [zhCN, en]) {
      assert.ok(table[`group.${code}`], `group.${code}`);
      assert.ok(table[`mode.${mode}`], `mode.${mode}`);
    }
  }
  for (const level of ['district', 'subdistrict']) {
    assert.ok(zhCN[`areas.level.${level}`] && en[`areas.level.${level}`], level);
  }
});

test('precise minutes round up to a tenth below an hour, so a time over 15 never reads as 15', () => {
  const t = createTranslator('en');
  assert.equal(formatMinutesPrecise(15.4, t), '15.4 min');
  assert.equal(formatMinutesPrecise(15.04, t), '15.1 min');
  assert.equal(formatMinutesPrecise(15, t), '15 min');
  assert.equal(formatMinutesPrecise(14.96, t), '15 min');
  assert.equal(formatMinutesPrecise(0.3 * 3, t), '0.9 min'); // 0.8999999999999999
  assert.equal(formatMinutesPrecise(0, t), '0 min');
  assert.equal(formatMinutesPrecise(59.95, t), '1 h');
  assert.equal(formatMinutesPrecise(75, t), '1 h 15 min');
  assert.equal(formatMinutesPrecise(null, t), 'unreachable');
  assert.equal(formatMinutesPrecise(12.21, createTranslator('zh-CN')), '12.3 分钟');
});

test('cell classes follow the minute scale with the break at 15, then unreachable and off-network', () => {
  assert.equal(cellClass({ status: 'covered', minutes: 5 }), 0);
  assert.equal(cellClass({ status: 'covered', minutes: 15 }), 2);
  assert.equal(cellClass({ status: 'gap', minutes: 15.01 }), 3);
  assert.equal(cellClass({ status: 'gap', minutes: 45 }), 5);
  assert.equal(cellClass({ status: 'unreachable', minutes: null }), UNREACHABLE_CLASS);
  assert.equal(cellClass({ status: 'off_network', minutes: null }), OFF_NETWORK_CLASS);
  assert.equal(UNREACHABLE_CLASS, 6);
  assert.equal(OFF_NETWORK_CLASS, 7);
});
