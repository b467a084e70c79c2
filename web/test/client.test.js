import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, createApiClient, isImportReport } from '../js/api/client.js';

function fakeFetch(status, body, calls = []) {
  return async (url, init) => {
    calls.push({ url, init });
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'Content-Type': 'application/json' } });
  };
}

test('GET requests resolve api paths against the base and pass parameters', async () => {
  const calls = [];
  const api = createApiClient({ baseUrl: 'http://host/app/', fetchImpl: fakeFetch(200, { type: 'FeatureCollection', features: [] }, calls) });
  await api.getStations({ region: 'demo', kind: ['a', 'b'], openNow: true });
  await api.getDistricts('demo', 'subdistrict');
  await api.getStation(42, 'demo');
  assert.deepEqual(calls.map((c) => c.url), [
    'http://host/app/api/stations?region=demo&kind=a,b&openNow=true',
    'http://host/app/api/districts?region=demo&level=subdistrict',
    'http://host/app/api/stations/42?region=demo',
  ]);
  assert.equal(api.exportUrl('csv', 'demo'), 'http://host/app/api/exports/stations.csv?region=demo');
  assert.throws(() => api.exportUrl('xlsx', 'demo'), /export format must be 'geojson' or 'csv', got 'xlsx'/);
});

test('problem JSON becomes an ApiError with status and detail', async () => {
  const api = createApiClient({
    baseUrl: 'http://host/',
    fetchImpl: fakeFetch(404, { status: 404, title: 'Not Found', detail: "unknown region 'x'" }),
  });
  await assert.rejects(api.getConfig(), (error) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 404);
    assert.equal(error.title, 'Not Found');
    assert.equal(error.detail, "unknown region 'x'");
    assert.equal(error.message, "unknown region 'x'");
    return true;
  });
});

test('a non-JSON error body is kept as detail; an unreachable server gives status 0', async () => {
  const html = createApiClient({ baseUrl: 'http://host/', fetchImpl: fakeFetch(502, 'Bad gateway') });
  await assert.rejects(html.getMeta(), (e) => e.status === 502 && e.detail === 'Bad gateway');
  const down = createApiClient({ baseUrl: 'http://host/', fetchImpl: async () => { throw new TypeError('fetch failed'); } });
  await assert.rejects(down.getMeta(), (e) => e instanceof ApiError && e.isNetworkError && e.detail === 'fetch failed');
});

test('an aborted request rejects with the AbortError itself', async () => {
  const api = createApiClient({
    baseUrl: 'http://host/',
    fetchImpl: async () => { throw new DOMException('aborted', 'AbortError'); },
  });
  await assert.rejects(api.getStations({ region: 'demo' }), (e) => e.name === 'AbortError' && !(e instanceof ApiError));
});

test('imports post the file as multipart and return 422 reports instead of throwing', async () => {
  const report = { dryRun: true, ok: false, created: 0, updated: 0, unchanged: 0, deleted: 0,
    errors: [{ row: 7, field: 'kind', reason: "unknown station kind 'xyz'" }], warnings: [], batchId: null };
  const calls = [];
  const api = createApiClient({ baseUrl: 'http://host/', fetchImpl: fakeFetch(422, report, calls) });
  const file = new File(['id,name\n'], 'stations.csv', { type: 'text/csv' });
  const answer = await api.importStations({ region: 'demo', crs: 'gcj02', dryRun: true, file });
  assert.deepEqual(answer, report);
  assert.equal(calls[0].url, 'http://host/api/imports/stations?region=demo&crs=gcj02&dryRun=true');
  assert.equal(calls[0].init.method, 'POST');
  assert.equal(calls[0].init.body.get('file').name, 'stations.csv');
});

test('an import refused without a report (e.g. 413 problem) throws', async () => {
  const api = createApiClient({
    baseUrl: 'http://host/',
    fetchImpl: fakeFetch(413, { status: 413, title: 'Payload Too Large', detail: 'file larger than 50 MB' }),
  });
  const file = new File(['x'], 'big.zip');
  await assert.rejects(api.importDistricts({ region: 'demo', crs: 'wgs84', dryRun: false, file }), (e) => e.status === 413 && e.detail === 'file larger than 50 MB');
  await assert.rejects(api.importDistricts({ region: 'demo', crs: 'epsg3857', dryRun: false, file }), /crs must be one of wgs84, cgcs2000, gcj02, bd09, got 'epsg3857'/);
  assert.equal(isImportReport({ ok: true, errors: [] }), true);
  assert.equal(isImportReport({ status: 422, title: 'x' }), false);
});

test('coverage calls build the documented URLs; a run is a POST and its failures throw', async () => {
  const calls = [];
  const api = createApiClient({ baseUrl: 'http://host/', fetchImpl: fakeFetch(200, { ok: 1 }, calls) });
  await api.getCoverageSummary({ region: 'demo', group: 'rider', level: 'subdistrict' });
  await api.getCoverageCells({ region: 'demo', group: 'truck', bbox: [113.9, 22.55, 113.95, 22.6] });
  await api.getCoverageCells({ region: 'demo', group: 'truck' });
  await api.getCoverageGaps({ region: 'demo', group: 'ride_hailing', limit: 20 });
  await api.getCellRoute({ region: 'demo', group: 'rider', h3: '89411c0b1a3ffff' });
  await api.getServiceArea({ region: 'demo', stationId: 'ST 1/2', minutes: 15, mode: 'ebike' });
  await api.getIsochrone({ lat: 22.6, lon: 113.9, mode: 'car', minutes: [5, 10, 15], direction: 'to' });
  const summary = await api.runCoverage({ region: 'demo', group: 'rider' });
  assert.deepEqual(summary, { ok: 1 });
  assert.deepEqual(calls.map((c) => c.url), [
    'http://host/api/coverage/summary?region=demo&group=rider&level=subdistrict',
    'http://host/api/coverage/cells?region=demo&group=truck&bbox=113.9,22.55,113.95,22.6',
    'http://host/api/coverage/cells?region=demo&group=truck',
    'http://host/api/coverage/gaps?region=demo&group=ride_hailing&limit=20',
    'http://host/api/coverage/cells/89411c0b1a3ffff/route?region=demo&group=rider',
    'http://host/api/stations/ST%201%2F2/service-area?region=demo&minutes=15&mode=ebike',
    'http://host/api/isochrone?lat=22.6&lon=113.9&mode=car&minutes=5,10,15&direction=to',
    'http://host/api/coverage/runs?region=demo&group=rider',
  ]);
  assert.equal(calls[7].init.method, 'POST');
  assert.equal(calls[0].init.method, undefined);
  const denied = createApiClient({
    baseUrl: 'http://host/',
    fetchImpl: fakeFetch(403, { status: 403, title: 'Forbidden', detail: 'planner login required' }),
  });
  await assert.rejects(denied.runCoverage({ region: 'demo', group: 'rider' }), (e) => e instanceof ApiError && e.status === 403);
});
