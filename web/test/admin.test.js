import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import zhCN from '../js/i18n/zh-CN.js';
import en from '../js/i18n/en.js';
import { ApiError } from '../js/api/client.js';
import {
  areasOf, areasText, checkValues, createBody, errorsByField, fieldOf, formatTime, sameAreas, sortUsers, updateBody,
} from '../js/admin/users.js';

const leader = {
  user: 'li.hexi', displayName: '李河西', role: 'leader', disabled: false,
  areas: [{ region: 'demo', district: '449901' }],
};

test('a leader form becomes a POST body with one area per district', () => {
  const body = createBody({
    user: ' li.hexi ', displayName: ' 李河西 ', role: 'leader', password: 'pw-123456789',
    region: 'demo', wholeRegion: false, districts: ['449901', '449902', '449901'],
  });
  assert.deepEqual(body, {
    user: 'li.hexi', displayName: '李河西', role: 'leader', password: 'pw-123456789',
    areas: [{ region: 'demo', district: '449901' }, { region: 'demo', district: '449902' }],
  });
});

test('planners get the whole region, admins no areas, a blank display name is left out', () => {
  assert.deepEqual(createBody({ user: 'p', role: 'planner', password: 'x', region: 'demo', wholeRegion: true, districts: ['449901'] }),
    { user: 'p', role: 'planner', password: 'x', areas: [{ region: 'demo' }] });
  assert.deepEqual(createBody({ user: 'a', displayName: '  ', role: 'admin', password: 'x', region: 'demo', districts: ['449901'] }),
    { user: 'a', role: 'admin', password: 'x', areas: [] });
});

test('areas of other regions are kept when editing one region', () => {
  const keep = [{ region: 'bj', district: '110108' }, { region: 'demo', district: '449902' }];
  assert.deepEqual(areasOf({ role: 'leader', region: 'demo', districts: ['449901'] }, keep),
    [{ region: 'bj', district: '110108' }, { region: 'demo', district: '449901' }]);
});

test('an update sends only what changed', () => {
  const same = { displayName: '李河西', role: 'leader', password: '', region: 'demo', wholeRegion: false, districts: ['449901'] };
  assert.deepEqual(updateBody(leader, same), {});
  assert.deepEqual(updateBody(leader, { ...same, role: 'planner' }), { role: 'planner' });
  assert.deepEqual(updateBody(leader, { ...same, districts: ['449901', '449902'], password: 'new-password-1' }), {
    areas: [{ region: 'demo', district: '449901' }, { region: 'demo', district: '449902' }],
    password: 'new-password-1',
  });
  assert.deepEqual(updateBody(leader, { ...same, displayName: '李四' }), { displayName: '李四' });
});

test('areas compare as sets', () => {
  assert.ok(sameAreas([{ region: 'a', district: '1' }, { region: 'a' }], [{ region: 'a' }, { region: 'a', district: '1' }]));
  assert.ok(!sameAreas([{ region: 'a' }], [{ region: 'a', district: '1' }]));
  assert.ok(!sameAreas([{ region: 'a', district: '1' }], [{ region: 'a', district: '1' }, { region: 'a', district: '2' }]));
});

test('a leader without an area is stopped before sending', () => {
  assert.deepEqual(checkValues({ role: 'leader', region: 'demo', wholeRegion: false, districts: [] }),
    { areas: [{ key: 'admin.error.leaderArea' }] });
  assert.deepEqual(checkValues({ role: 'leader', region: 'demo', wholeRegion: true, districts: [] }), {});
  assert.deepEqual(checkValues({ role: 'planner', region: 'demo', wholeRegion: false, districts: [] }), {});
});

test('API problems land next to their fields', () => {
  assert.equal(fieldOf('areas[0].district'), 'areas');
  assert.equal(fieldOf('password'), 'password');
  assert.equal(fieldOf('colour'), 'form');
  const invalid = new ApiError(422, 'Invalid input', '2 problems', {
    problems: [
      { row: null, field: 'password', reason: 'password has 3 characters; at least 10 are required' },
      { row: null, field: 'areas[0].district', reason: "unknown district '999' in region 'demo'" },
    ],
  });
  assert.deepEqual(errorsByField(invalid, 'user'), {
    password: [{ text: 'password has 3 characters; at least 10 are required' }],
    areas: [{ text: "unknown district '999' in region 'demo'" }],
  });
  const taken = new ApiError(409, 'Conflict', "user 'li.hexi' already exists", {});
  assert.deepEqual(errorsByField(taken, 'user'), { user: [{ text: "user 'li.hexi' already exists" }] });
  assert.deepEqual(errorsByField(new ApiError(0, 'network', 'offline')), { form: [{ key: 'error.network' }] });
  assert.deepEqual(errorsByField(new ApiError(403, 'Forbidden', 'admins only')), { form: [{ text: 'admins only' }] });
  assert.deepEqual(errorsByField(new ApiError(500, '', '')), { form: [{ key: 'error.http', vars: { status: 500 } }] });
});

test('areas read as names, codes when unknown', () => {
  const names = {
    regionName: (code) => ({ demo: '示范市' })[code],
    areaName: (region, code) => ({ 'demo/449901': '河西区' })[`${region}/${code}`],
  };
  assert.equal(areasText([{ region: 'demo', district: '449901' }, { region: 'demo', district: '123' }], names), '河西区、123');
  assert.equal(areasText([{ region: 'demo' }, { region: 'x' }], names, 'en'), '示范市, x');
});

test('times read as local minutes; nothing for no time', () => {
  assert.equal(formatTime('2026-11-23T05:06:07.123Z', 'UTC'), '2026-11-23 05:06');
  assert.equal(formatTime('2026-11-23T17:06:07Z', 'Asia/Shanghai'), '2026-11-24 01:06');
  assert.equal(formatTime(null), '');
  assert.equal(formatTime('yesterday'), '');
});

test('enabled users first, then admins, leaders, planners, by name', () => {
  const sorted = sortUsers([
    { user: 'b', role: 'planner', disabled: false },
    { user: 'z', role: 'admin', disabled: true },
    { user: 'a', role: 'planner', disabled: false },
    { user: 'c', role: 'leader', disabled: false },
    { user: 'y', role: 'admin', disabled: false },
  ]);
  assert.deepEqual(sorted.map((u) => u.user), ['y', 'c', 'a', 'b', 'z']);
});

test('every i18n key of admin.html and js/admin exists in both languages', async () => {
  const root = new URL('../', import.meta.url);
  const files = ['admin.html'];
  for (const name of await readdir(new URL('js/admin/', root))) {
    if (name.endsWith('.js')) files.push(`js/admin/${name}`);
  }
  const namespaces = [...new Set(Object.keys(zhCN).map((k) => k.split('.')[0]))].join('|');
  const keyLiteral = new RegExp(`['"](?:${namespaces})\\.[\\w.]+['"]`, 'g');
  const used = new Set();
  for (const file of files) {
    const text = await readFile(new URL(file, root), 'utf8');
    for (const m of text.matchAll(keyLiteral)) {
      const key = m[0].slice(1, -1);
      if (!/\.(html|js|css|svg|png)$/.test(key)) used.add(key);
    }
    // keys built from a prefix: `auth.role.${…}` and `admin.hint.areas.${role}`
    for (const m of text.matchAll(/`((?:auth|admin)\.[\w.]+)\.\$\{/g)) {
      for (const role of ['planner', 'leader', 'admin']) used.add(`${m[1]}.${role}`);
    }
  }
  assert.ok(used.size > 30, `expected to find the keys used, found ${used.size}`);
  assert.deepEqual([...used].filter((k) => !(k in zhCN) || !(k in en)).sort(), []);
});
