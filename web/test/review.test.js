import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  NO_DATA_COLOR, childLevel, formatShare, headlineShare, reportUrl, shareColor, sparklinePath,
} from '../js/util/review.js';

test('shares are written with one decimal like the PDF report', () => {
  assert.equal(formatShare(0.8753), '87.5%');
  assert.equal(formatShare(1), '100.0%');
  assert.equal(formatShare(0), '0.0%');
  assert.equal(formatShare(null), '–');
  assert.equal(formatShare(Number.NaN), '–');
});

test('share classes break at 50, 70, 80 and 90 percent', () => {
  assert.equal(shareColor(0.49), '#d73027');
  assert.equal(shareColor(0.5), '#f46d43');
  assert.equal(shareColor(0.79), '#fdae61');
  assert.equal(shareColor(0.899), '#a6d96a');
  assert.equal(shareColor(0.9), '#1a9850');
  assert.equal(shareColor(1), '#1a9850');
  assert.equal(shareColor(null), NO_DATA_COLOR);
});

test('sparkline maps shares into the box, bottom = 0 and top = 1', () => {
  // width 102, height 52, pad 1: x from 1 to 101 in steps of 50; y = 51 - s * 50
  assert.equal(sparklinePath([0, 0.5, 1], 102, 52, 1), 'M1 51 L51 26 L101 1');
  assert.equal(sparklinePath([0.8], 100, 20, 0), 'M0 4 L100 4');
  assert.equal(sparklinePath([null, 0.5], 10, 10, 0), 'M10 5');
  assert.equal(sparklinePath([], 10, 10), '');
});

test('report addresses name the area, format, region and group', () => {
  assert.equal(
    reportUrl('pdf', { region: 'demo', area: '449901', group: 'rider' }),
    'api/reports/449901.pdf?region=demo&group=rider',
  );
  assert.equal(reportUrl('xlsx', { region: 'bj', area: 'a/b' }), 'api/reports/a%2Fb.xlsx?region=bj');
  assert.throws(() => reportUrl('docx', { area: '1' }), RangeError);
  assert.throws(() => reportUrl('pdf', { area: '' }), RangeError);
});

test('drill-down goes district → subdistrict → cells', () => {
  assert.equal(childLevel('district'), 'subdistrict');
  assert.equal(childLevel('subdistrict'), 'cells');
  assert.equal(childLevel('cells'), null);
});

test('headline share reads the 15-minute share of a group', () => {
  const h = { coverage: { rider: { coveredShare: { 5: 0.2, 15: 0.75 } } } };
  assert.equal(headlineShare(h, 'rider'), 0.75);
  assert.equal(headlineShare(h, 'truck'), null);
  assert.equal(headlineShare(null, 'rider'), null);
});
