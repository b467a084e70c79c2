import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_COMMENT_LENGTH, areaFigures, commentLength, commentProblem, siteLatLngs, stepKey,
} from '../js/util/proposals.js';

test('comments: required only to send back, at most 2000 characters counted as the server counts them', () => {
  assert.equal(commentProblem('', true), 'proposals.commentRequired');
  assert.equal(commentProblem('  \n ', true), 'proposals.commentRequired');
  assert.equal(commentProblem(null, false), null);
  assert.equal(commentProblem('同意', true), null);
  assert.equal(commentProblem('长'.repeat(MAX_COMMENT_LENGTH), true), null);
  assert.equal(commentProblem('长'.repeat(MAX_COMMENT_LENGTH + 1), false), 'proposals.commentTooLong');
  // a character outside the BMP is one character (two UTF-16 units), as Java's codePointCount counts it
  assert.equal(commentLength('𠀀𠀀'), 2);
  assert.equal(commentProblem('𠀀'.repeat(MAX_COMMENT_LENGTH), false), null);
  assert.equal(commentLength('  ab  '), 2);
});

test('the area figures come from the district row of the proposal, else the whole scenario', () => {
  const scenario = {
    newSites: 2,
    figures: {
      fractionBefore: 0.5,
      fractionAfter: 0.75,
      districts: [
        { code: '449901', name: '河西区', fractionBefore: 0.6, fractionAfter: 0.9, newSites: 2 },
        { code: '449902', name: '河东区', fractionBefore: 0.4, fractionAfter: 0.4, newSites: 0 },
      ],
    },
  };
  assert.deepEqual(areaFigures(scenario, '449901'), { name: '河西区', before: 0.6, after: 0.9, newSites: 2 });
  assert.deepEqual(areaFigures(scenario, '449901001'), { name: null, before: 0.5, after: 0.75, newSites: 2 });
  assert.equal(areaFigures({}, '449901'), null);
});

test('steps and site positions', () => {
  assert.equal(stepKey('approved'), 'proposals.step.approved');
  assert.equal(stepKey('withdrawn'), 'proposals.step.other');
  const scenario = { sites: { features: [
    { geometry: { type: 'Point', coordinates: [113.9, 22.6] } },
    { geometry: null },
    { geometry: { type: 'Point', coordinates: ['x', 1] } },
  ] } };
  assert.deepEqual(siteLatLngs(scenario), [[22.6, 113.9]]);
});
