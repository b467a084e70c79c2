import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MODES, clockTime, isPosition, nearestParams, openStateText, pageQuery, parsePageParams, toggleService,
} from '../js/find/params.js';
import { LAST_KEY, loadLast, receivedTime, saveLast } from '../js/find/offline.js';
import { SERVICE_ICONS, serviceIcon } from '../js/find/icons.js';
import { createTranslator } from '../js/i18n/index.js';
import { buildQuery } from '../js/util/query.js';
import zhCN from '../js/i18n/zh-CN.js';

test('page parameters: position, mode and services from the address, bad values ignored', () => {
  assert.deepEqual(parsePageParams('?lat=22.63&lon=113.91&mode=car&services=toilet,food_heating,toilet'), {
    position: { lat: 22.63, lon: 113.91 },
    mode: 'car',
    services: ['food_heating', 'toilet'],
  });
  assert.deepEqual(parsePageParams('?lat=95&lon=113.9&mode=plane&services=<b>,wifi'), {
    position: null,
    mode: 'ebike',
    services: ['wifi'],
  });
  assert.deepEqual(parsePageParams(''), { position: null, mode: 'ebike', services: [] });
  assert.equal(isPosition(-90, 180), true);
  assert.equal(isPosition(Number.NaN, 0), false);
});

test('nearest parameters round the position and always ask for routes', () => {
  const p = nearestParams({ region: 'demo', position: { lat: 22.123456789, lon: 113.987654321 }, services: ['wifi', 'books'] });
  assert.deepEqual(p, { region: 'demo', lat: 22.123457, lon: 113.987654, mode: 'ebike', services: ['books', 'wifi'], limit: 10, route: true });
  assert.equal(buildQuery(p), '?region=demo&lat=22.123457&lon=113.987654&mode=ebike&services=books,wifi&limit=10&route=true');
  assert.throws(() => nearestParams({ region: 'demo', position: null }), /position/);
});

test('service filters toggle and stay sorted', () => {
  assert.deepEqual(toggleService(['wifi'], 'books'), ['books', 'wifi']);
  assert.deepEqual(toggleService(['books', 'wifi'], 'books'), ['wifi']);
});

test('open-state words name the closing time in China Standard Time', () => {
  const t = createTranslator('zh-CN');
  assert.equal(clockTime('2026-03-10T22:00:00+08:00'), '22:00');
  assert.equal(clockTime(null), '');
  assert.equal(openStateText({ openState: '24h', closesAt: null }, t), '24 小时营业');
  assert.equal(openStateText({ openState: 'open', closesAt: '2026-03-10T22:00:00+08:00' }, t), '营业至 22:00');
  assert.equal(openStateText({ openState: 'closes_soon', closesAt: '2026-03-11T00:00:00+08:00' }, t), '即将关门（00:00）');
  const en = createTranslator('en');
  assert.equal(openStateText({ openState: 'closes_soon', closesAt: '2026-03-11T00:00:00+08:00' }, en), 'Closes soon (00:00)');
});

test('the page address of a search', () => {
  assert.equal(pageQuery({ position: { lat: 22.6, lon: 113.9 }, mode: 'ebike', services: [] }), '?lat=22.600000&lon=113.900000');
  assert.equal(pageQuery({ position: null, mode: 'foot', services: ['wifi', 'books'] }), '?mode=foot&services=books%2Cwifi');
  assert.deepEqual(parsePageParams(pageQuery({ position: { lat: 1, lon: 2 }, mode: 'car', services: ['wifi'] })),
    { position: { lat: 1, lon: 2 }, mode: 'car', services: ['wifi'] });
});

test('the last answer survives in storage, and broken storage is ignored', () => {
  const map = new Map();
  const storage = { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, v) };
  assert.equal(loadLast(storage), null);
  const answer = { origin: { lat: 1, lon: 2 }, results: [{ id: 1 }] };
  assert.equal(saveLast(storage, answer, 1_700_000_000_000), true);
  assert.deepEqual(loadLast(storage), { receivedAt: 1_700_000_000_000, answer });
  map.set(LAST_KEY, '{not json');
  assert.equal(loadLast(storage), null);
  map.set(LAST_KEY, JSON.stringify({ receivedAt: 1, answer: { results: 'x' } }));
  assert.equal(loadLast(storage), null);
  const broken = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); } };
  assert.equal(saveLast(broken, answer, 1), false);
  assert.equal(loadLast(broken), null);
  assert.match(receivedTime(Date.UTC(2026, 2, 10, 4, 5)), /^\d{2}:05$/);
});

test('every service of the API has an icon and modes have labels', () => {
  const services = ['drinking_water', 'food_heating', 'phone_charging', 'ebike_charging', 'battery_swap', 'toilet',
    'rest_seats', 'shower', 'truck_parking', 'first_aid', 'wifi', 'books', 'legal_aid', 'discount_meals'];
  for (const s of services) {
    assert.ok(SERVICE_ICONS[s], s);
  }
  assert.equal(serviceIcon('sauna'), '•');
  for (const m of MODES) {
    assert.ok(zhCN[`find.mode.${m}`], m);
  }
});
