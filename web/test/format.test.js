import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatInteger, formatMeters, formatMinutes } from '../js/util/format.js';
import { createTranslator } from '../js/i18n/index.js';

const zh = createTranslator('zh-CN');
const en = createTranslator('en');

test('minutes round to whole minutes and switch to hours from 60', () => {
  assert.equal(formatMinutes(0, en), '0 min');
  assert.equal(formatMinutes(0.3, en), '< 1 min');
  assert.equal(formatMinutes(12.4, en), '12 min');
  assert.equal(formatMinutes(12.5, zh), '13 分钟');
  assert.equal(formatMinutes(59.4, en), '59 min');
  assert.equal(formatMinutes(59.6, en), '1 h');
  assert.equal(formatMinutes(65, zh), '1 小时 5 分钟');
  assert.equal(formatMinutes(150, en), '2 h 30 min');
});

test('missing or infinite minutes read as unreachable, negative ones are refused', () => {
  assert.equal(formatMinutes(null, zh), '不可达');
  assert.equal(formatMinutes(Infinity, en), 'unreachable');
  assert.equal(formatMinutes(Number.NaN, en), 'unreachable');
  assert.throws(() => formatMinutes(-1, en), /minutes must be >= 0, got -1/);
});

test('metres: whole metres below 100, tens below 1 km, one decimal below 10 km, whole km above', () => {
  assert.equal(formatMeters(0, en), '0 m');
  assert.equal(formatMeters(35.4, en), '35 m');
  assert.equal(formatMeters(854, zh), '850 米');
  assert.equal(formatMeters(995, en), '1 km');
  assert.equal(formatMeters(1000, en), '1 km');
  assert.equal(formatMeters(1249, zh), '1.2 公里');
  assert.equal(formatMeters(1250, en), '1.3 km');
  assert.equal(formatMeters(9940, en), '9.9 km');
  assert.equal(formatMeters(9960, en), '10 km');
  assert.equal(formatMeters(15400, en), '15 km');
  assert.equal(formatMeters(undefined, en), '—');
  assert.throws(() => formatMeters(-3, en), /meters must be >= 0, got -3/);
});

test('integers are grouped by thousands in both languages', () => {
  assert.equal(formatInteger(1234567, 'zh-CN'), '1,234,567');
  assert.equal(formatInteger(1234.6, 'en'), '1,235');
  assert.equal(formatInteger(null, 'en'), '—');
});
