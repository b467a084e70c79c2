import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countVertices, flatRingContains, labelPoint, pointInPolygon, ringArea2, ringCentroid } from '../js/util/geometry.js';

const square = (x0, y0, size) => [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]];

test('ring area is signed: counter-clockwise positive', () => {
  assert.equal(ringArea2(square(0, 0, 2)), 8);
  assert.equal(ringArea2([...square(0, 0, 2)].reverse()), -8);
});

test('centroid of a square and of an L shape', () => {
  assert.deepEqual(ringCentroid(square(0, 0, 2)), [1, 1]);
  // L made of a 2x1 bar (centroid 1, 0.5, area 2) and a 1x1 block above its left end (0.5, 1.5, area 1)
  const l = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]];
  const [x, y] = ringCentroid(l);
  assert.ok(Math.abs(x - 2.5 / 3) < 1e-12);
  assert.ok(Math.abs(y - 2.5 / 3) < 1e-12);
});

test('point in polygon respects holes', () => {
  const rings = [square(0, 0, 10), square(4, 4, 2)];
  assert.equal(pointInPolygon([1, 1], rings), true);
  assert.equal(pointInPolygon([5, 5], rings), false);
  assert.equal(pointInPolygon([11, 5], rings), false);
});

test('label of a square is its centre; of a multipolygon, in the largest part', () => {
  assert.deepEqual(labelPoint({ type: 'Polygon', coordinates: [square(0, 0, 2)] }), [1, 1]);
  assert.deepEqual(
    labelPoint({ type: 'MultiPolygon', coordinates: [[square(10, 10, 1)], [square(0, 0, 4)]] }),
    [2, 2],
  );
});

test('label of a U shape lies on the shape, not in its notch', () => {
  // U: 3 wide, 3 high, notch x 1..2, y 1..3; the outer-ring centroid (1.5, ~1.36) falls in the notch
  const u = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]];
  const point = labelPoint({ type: 'Polygon', coordinates: [u] });
  assert.equal(pointInPolygon(point, [u]), true);
  assert.deepEqual(point.map((v) => Math.round(v * 1000) / 1000), [0.5, 1.357]);
});

test('label of a square with a central hole lies in the ring', () => {
  const rings = [square(0, 0, 9), square(3, 3, 3)];
  const point = labelPoint({ type: 'Polygon', coordinates: rings });
  assert.equal(pointInPolygon(point, rings), true);
  assert.deepEqual(point, [1.5, 4.5]);
});

test('no label for points or empty polygons; vertex count walks every nesting', () => {
  assert.equal(labelPoint({ type: 'Point', coordinates: [1, 2] }), null);
  assert.equal(labelPoint({ type: 'Polygon', coordinates: [] }), null);
  assert.equal(labelPoint(null), null);
  const fc = {
    features: [
      { geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] } },
      { geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(2, 2, 1), square(2.2, 2.2, 0.1)]] } },
      { geometry: null },
    ],
  };
  assert.equal(countVertices(fc), 20);
});

test('flatRingContains tests points against a flat hexagon, with or without its closing point', () => {
  // hexagon with vertices at (±2, 0) and (±1, ±2)
  const open = Float64Array.from([2, 0, 1, 2, -1, 2, -2, 0, -1, -2, 1, -2]);
  const closed = Float64Array.from([...open, 2, 0]);
  for (const ring of [open, closed]) {
    assert.equal(flatRingContains(ring, 0, 0), true);
    assert.equal(flatRingContains(ring, 1.4, 0.5), true); // edge (2,0)–(1,2) passes x = 1.75 at y = 0.5
    assert.equal(flatRingContains(ring, 1.8, 0.5), false);
    assert.equal(flatRingContains(ring, 0, 2.1), false);
    assert.equal(flatRingContains(ring, -1.9, -0.1), true);
  }
  assert.equal(flatRingContains(new Float64Array(0), 0, 0), false);
});
