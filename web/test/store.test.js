import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore } from '../js/state/store.js';
import { initialFilters, toggleCode, withKinds, withOpenNow } from '../js/state/filters.js';

test('set notifies key listeners and subscribers only for changed keys', () => {
  const store = createStore({ lang: 'zh-CN', region: 'demo' });
  const seen = [];
  store.on('lang', (value, old) => seen.push(`lang ${old}->${value}`));
  store.on('region', () => seen.push('region'));
  store.subscribe((state, changed) => seen.push(`any ${changed.join(',')}`));
  assert.deepEqual(store.set({ lang: 'en', region: 'demo' }), ['lang']);
  assert.deepEqual(store.set({ lang: 'en' }), []);
  assert.deepEqual(seen, ['lang zh-CN->en', 'any lang']);
  assert.equal(store.get('lang'), 'en');
  assert.deepEqual(store.get(), { lang: 'en', region: 'demo' });
});

test('state is frozen and listeners see the new state', () => {
  const store = createStore({ a: 1 });
  let inside;
  store.on('a', (value, old, state) => { inside = state.a; });
  store.set({ a: 2 });
  assert.equal(inside, 2);
  assert.throws(() => { store.get().a = 3; }, TypeError);
});

test('unsubscribe stops notifications, also while notifying', () => {
  const store = createStore({ n: 0 });
  const calls = [];
  const off1 = store.on('n', (v) => { calls.push(`first ${v}`); off1(); });
  store.on('n', (v) => calls.push(`second ${v}`));
  const off3 = store.subscribe(() => calls.push('any'));
  store.set({ n: 1 });
  off3();
  store.set({ n: 2 });
  assert.deepEqual(calls, ['first 1', 'second 1', 'any', 'second 2']);
});

test('filters start with every kind and toggle in meta order', () => {
  const meta = { kinds: [{ code: 'a' }, { code: 'b' }, { code: 'c' }] };
  const all = ['a', 'b', 'c'];
  let f = initialFilters(meta);
  assert.deepEqual(f, { kinds: ['a', 'b', 'c'], services: [], openNow: false });
  f = toggleCode(f, 'kinds', 'b', false, all);
  assert.deepEqual(f.kinds, ['a', 'c']);
  f = toggleCode(f, 'kinds', 'b', true, all);
  assert.deepEqual(f.kinds, ['a', 'b', 'c']);
  const g = toggleCode(f, 'services', 'toilet', true, ['food_heating', 'toilet']);
  assert.deepEqual(g.services, ['toilet']);
  assert.deepEqual(f.services, [], 'the old value is untouched');
  assert.deepEqual(withKinds(f, []).kinds, []);
  assert.equal(withOpenNow(f, 1).openNow, true);
  assert.throws(() => toggleCode(f, 'colours', 'x', true, []), /filter list must be 'kinds' or 'services', got 'colours'/);
});
