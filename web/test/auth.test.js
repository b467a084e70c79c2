import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, CSRF_HEADER, createApiClient } from '../js/api/client.js';
import { ANONYMOUS, canImport, createAuth, loginFailure, normalizeMe } from '../js/api/auth.js';

const ME = { authenticated: true, user: 'pat', displayName: '规划员小潘', role: 'planner',
  areas: [{ region: 'demo', district: null }], csrfToken: 'c'.repeat(43) };

/** A fake server: answers by "METHOD path" and records every call with its headers. */
function fakeServer(routes, calls = []) {
  return async (url, init) => {
    const u = new URL(url);
    const key = `${init?.method ?? 'GET'} ${u.pathname}`;
    calls.push({ key, headers: init?.headers ?? {}, body: init?.body });
    const [status, body, headers] = routes[key] ?? [404, { status: 404, title: 'Not found', detail: key }];
    const text = body === null ? null : JSON.stringify(body);
    return new Response(text, { status, headers: { 'Content-Type': 'application/json', ...(headers ?? {}) } });
  };
}

test('the CSRF token goes with every state-changing request and never with GETs', async () => {
  const calls = [];
  const api = createApiClient({
    baseUrl: 'http://host/',
    fetchImpl: fakeServer({ 'GET /api/meta': [200, {}], 'POST /api/imports/stations': [200, { ok: true, errors: [] }],
      'POST /api/auth/logout': [204, null] }, calls),
  });
  await api.getMeta();
  await api.sendJson('POST', 'api/auth/logout');
  assert.equal(calls[1].headers[CSRF_HEADER], undefined, 'no token before login');
  api.setCsrfToken('t0ken');
  await api.getMeta();
  await api.sendJson('POST', 'api/auth/logout');
  await api.importStations({ region: 'demo', crs: 'wgs84', dryRun: true, file: new File(['x'], 's.csv') });
  assert.equal(calls[2].headers[CSRF_HEADER], undefined, 'GET carries no token');
  assert.equal(calls[3].headers[CSRF_HEADER], 't0ken');
  assert.equal(calls[4].headers[CSRF_HEADER], 't0ken', 'uploads carry the token');
  assert.equal(calls[4].headers.Accept, 'application/json');
  api.setCsrfToken(null);
  await api.sendJson('POST', 'api/auth/logout');
  assert.equal(calls[5].headers[CSRF_HEADER], undefined);
});

test('sendJson posts JSON and returns the answer, null for 204', async () => {
  const calls = [];
  const api = createApiClient({ baseUrl: 'http://host/app/', fetchImpl: fakeServer({ 'POST /app/api/auth/login': [200, ME], 'POST /app/api/auth/logout': [204, null] }, calls) });
  assert.deepEqual(await api.sendJson('POST', 'api/auth/login', { user: 'pat', password: 'pw' }), ME);
  assert.equal(calls[0].headers['Content-Type'], 'application/json');
  assert.equal(calls[0].body, '{"user":"pat","password":"pw"}');
  assert.equal(await api.sendJson('POST', 'api/auth/logout'), null);
});

test('login, refresh and logout keep the client token in step with the session', async () => {
  const calls = [];
  const api = createApiClient({
    baseUrl: 'http://host/',
    fetchImpl: fakeServer({
      'GET /api/auth/me': [200, { authenticated: false, role: 'public' }],
      'POST /api/auth/login': [200, ME],
      'POST /api/auth/logout': [204, null],
    }, calls),
  });
  const auth = createAuth({ api });
  const seen = [];
  auth.onChange((me) => seen.push(me.role));
  assert.equal((await auth.refresh()).authenticated, false);
  const me = await auth.login('pat', 'pw');
  assert.equal(me.displayName, '规划员小潘');
  assert.equal(auth.current().csrfToken, ME.csrfToken);
  await auth.logout();
  assert.equal(auth.current(), ANONYMOUS);
  assert.deepEqual(seen, ['public', 'planner', 'public']);
  assert.equal(calls.find((c) => c.key === 'POST /api/auth/logout').headers[CSRF_HEADER], ME.csrfToken);
});

test('a refused login leaves the visitor anonymous and explains why', async () => {
  const api = createApiClient({
    baseUrl: 'http://host/',
    fetchImpl: fakeServer({
      'POST /api/auth/login': [429, { status: 429, title: 'Too many requests', detail: 'try again in 600 seconds' }, { 'Retry-After': '600' }],
    }),
  });
  const auth = createAuth({ api });
  await assert.rejects(auth.login('pat', 'x'), (error) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.retryAfterSeconds, 600);
    assert.deepEqual(loginFailure(error), { key: 'auth.throttled', vars: { minutes: 10 } });
    return true;
  });
  assert.equal(auth.current(), ANONYMOUS);
  assert.deepEqual(loginFailure(new ApiError(401, 'Unauthorized', 'wrong')), { key: 'auth.failed', vars: {} });
  assert.deepEqual(loginFailure(new ApiError(0, 'network', 'down')), { key: 'error.network', vars: {} });
  assert.equal(loginFailure(new ApiError(415, 'x', 'log in with JSON')).text, 'log in with JSON');
});

test('only planners and admins see the import form; malformed answers are anonymous', () => {
  assert.equal(canImport(normalizeMe(ME)), true);
  assert.equal(canImport(normalizeMe({ ...ME, role: 'admin' })), true);
  assert.equal(canImport(normalizeMe({ ...ME, role: 'leader' })), false);
  assert.equal(canImport(ANONYMOUS), false);
  assert.equal(canImport(undefined), false);
  assert.equal(normalizeMe({ ...ME, role: 'mayor' }), ANONYMOUS);
  assert.equal(normalizeMe({ ...ME, csrfToken: '' }), ANONYMOUS);
  assert.equal(normalizeMe('<html>'), ANONYMOUS);
  assert.equal(normalizeMe({ ...ME, displayName: '' }).displayName, 'pat');
});
