import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildQuery, formatBBox, hasNoKindSelected, stationQueryParams } from '../js/util/query.js';

test('buildQuery keeps order, skips empty values, joins arrays with commas', () => {
  assert.equal(
    buildQuery({ region: 'demo', kind: ['warm_bee_station', 'driver_home'], services: [], openNow: true, x: null, y: '' }),
    '?region=demo&kind=warm_bee_station,driver_home&openNow=true',
  );
  assert.equal(buildQuery({ dryRun: false, n: 0 }), '?dryRun=false&n=0');
  assert.equal(buildQuery({}), '');
  assert.equal(buildQuery(undefined), '');
});

test('buildQuery encodes reserved characters inside values', () => {
  assert.equal(buildQuery({ q: '示范 a&b=c', list: ['x,y', 'z'] }), '?q=%E7%A4%BA%E8%8C%83%20a%26b%3Dc&list=x%2Cy,z');
});

test('bbox is formatted with at most 6 decimals and checked', () => {
  assert.equal(formatBBox([116.1234567, 39.9, 116.5, 40.00000001]), '116.123457,39.9,116.5,40');
  assert.throws(() => formatBBox([1, 2, 3]), /bbox must be/);
  assert.throws(() => formatBBox([2, 0, 1, 1]), /minimum exceeds maximum/);
  assert.throws(() => formatBBox([0, -91, 1, 1]), /latitude outside/);
  assert.throws(() => formatBBox([0, Number.NaN, 1, 1]), /finite numbers/);
});

test('station parameters: all kinds chosen means no kind filter', () => {
  const all = ['a', 'b', 'c'];
  assert.equal(
    buildQuery(stationQueryParams({ region: 'demo', kinds: ['c', 'b', 'a'], allKinds: all, services: [], openNow: false })),
    '?region=demo',
  );
  assert.equal(
    buildQuery(stationQueryParams({ region: 'demo', bbox: [1, 2, 3, 4], kinds: ['a', 'c'], allKinds: all, services: ['toilet'], openNow: true })),
    '?region=demo&bbox=1,2,3,4&kind=a,c&services=toilet&openNow=true',
  );
});

test('no kind selected is detected so no request is made', () => {
  assert.equal(hasNoKindSelected({ kinds: [], allKinds: ['a'] }), true);
  assert.equal(hasNoKindSelected({ kinds: ['a'], allKinds: ['a'] }), false);
  assert.equal(hasNoKindSelected({ kinds: [], allKinds: [] }), false, 'meta not loaded yet: not a filter');
});
