import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FALLBACK_PALETTE, MINUTE_CLASSES, UNREACHABLE_COLOR, classify, equalIntervalBreaks, isHexColor, kindColor,
  minutesClassIndex, minutesColor, quantileBreaks,
} from '../js/util/colors.js';

test('minute classes break at 5, 10 and 15 (inclusive upper bounds), reds beyond 15', () => {
  assert.equal(minutesClassIndex(0), 0);
  assert.equal(minutesClassIndex(5), 0);
  assert.equal(minutesClassIndex(5.01), 1);
  assert.equal(minutesClassIndex(10), 1);
  assert.equal(minutesClassIndex(15), 2);
  assert.equal(minutesClassIndex(15.01), 3);
  assert.equal(minutesClassIndex(30), 4);
  assert.equal(minutesClassIndex(1000), 5);
  assert.equal(minutesColor(15), MINUTE_CLASSES[2].color);
  assert.notEqual(minutesColor(15), minutesColor(15.5));
});

test('the 15-minute break separates greens/yellow from reds', () => {
  const redness = (hex) => parseInt(hex.slice(1, 3), 16) - parseInt(hex.slice(3, 5), 16);
  for (const c of MINUTE_CLASSES.filter((k) => k.maxMinutes <= 10)) assert.ok(redness(c.color) < 0, `${c.color} is green`);
  for (const c of MINUTE_CLASSES.filter((k) => k.maxMinutes > 15)) assert.ok(redness(c.color) > 80, `${c.color} is red`);
});

test('unreachable travel times are grey, negative ones refused', () => {
  assert.equal(minutesColor(null), UNREACHABLE_COLOR);
  assert.equal(minutesColor(undefined), UNREACHABLE_COLOR);
  assert.equal(minutesColor(Infinity), UNREACHABLE_COLOR);
  assert.equal(minutesClassIndex(Number.NaN), -1);
  assert.throws(() => minutesColor(-0.5), /minutes must be >= 0, got -0.5/);
});

test('kind colour: valid meta colour, else fallback by meta position, else by hash', () => {
  const kinds = [{ code: 'a', color: '#ff0000' }, { code: 'b', color: 'red; background:url(x)' }, { code: 'c' }];
  assert.equal(kindColor('a', kinds), '#ff0000');
  assert.equal(kindColor('b', kinds), FALLBACK_PALETTE[1]);
  assert.equal(kindColor('c', kinds), FALLBACK_PALETTE[2]);
  const unknown = kindColor('zzz', kinds);
  assert.ok(FALLBACK_PALETTE.includes(unknown));
  assert.equal(kindColor('zzz', []), unknown, 'stable for the same code');
  assert.equal(isHexColor('#abc'), true);
  assert.equal(isHexColor('#abcd'), false);
});

test('equal-interval breaks split the range evenly', () => {
  assert.deepEqual(equalIntervalBreaks([0, 10, 3, 7], 5), [2, 4, 6, 8]);
  assert.deepEqual(equalIntervalBreaks([4, 4, null], 3), []);
  assert.deepEqual(equalIntervalBreaks([], 3), []);
  assert.throws(() => equalIntervalBreaks([1, 2], 1), /classes must be an integer >= 2, got 1/);
});

test('quantile breaks put equal counts in each class', () => {
  const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
  assert.deepEqual(quantileBreaks(values, 2), [5]);
  assert.deepEqual(quantileBreaks(values, 5), [2, 4, 6, 8]);
  const counts = [0, 0, 0, 0, 0];
  for (const v of values) counts[classify(v, [2, 4, 6, 8])]++;
  assert.deepEqual(counts, [2, 2, 2, 2, 2]);
  assert.deepEqual(quantileBreaks([1, 1, 1, 1, 2], 4), [1], 'duplicate breaks are merged');
});

test('classify uses inclusive upper bounds', () => {
  assert.equal(classify(2, [2, 4]), 0);
  assert.equal(classify(2.1, [2, 4]), 1);
  assert.equal(classify(9, [2, 4]), 2);
  assert.equal(classify(null, [2, 4]), -1);
});
