import { test } from 'node:test';
import assert from 'node:assert/strict';
import zhCN from '../js/i18n/zh-CN.js';
import en from '../js/i18n/en.js';
import {
  DEFAULT_LANG, LANG_STORAGE_KEY, createTranslator, interpolate, isSupportedLang, loadLang, otherLang, pickLabel, saveLang,
} from '../js/i18n/index.js';

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every zh-CN key exists in en and vice versa', () => {
  const missingInEn = Object.keys(zhCN).filter((k) => !(k in en));
  const missingInZh = Object.keys(en).filter((k) => !(k in zhCN));
  assert.deepEqual(missingInEn, []);
  assert.deepEqual(missingInZh, []);
});

test('both languages use the same placeholders for each key and no empty strings', () => {
  for (const key of Object.keys(zhCN)) {
    assert.deepEqual(placeholders(en[key]), placeholders(zhCN[key]), `placeholders of '${key}'`);
    assert.notEqual(zhCN[key].trim(), '', `zh-CN '${key}' is empty`);
    assert.notEqual(en[key].trim(), '', `en '${key}' is empty`);
  }
});

test('every key used in the HTML and JS sources exists in the tables', async () => {
  const { readFile, readdir } = await import('node:fs/promises');
  const root = new URL('../', import.meta.url);
  const files = ['index.html', 'find.html', 'find-sw.js'];
  for (const dir of ['js', 'js/layers', 'js/controls', 'js/util', 'js/state', 'js/api', 'js/find']) {
    for (const name of await readdir(new URL(dir, root))) {
      if (name.endsWith('.js')) files.push(`${dir}/${name}`);
    }
  }
  // a key is any quoted 'namespace.rest' literal whose namespace is one of the tables' (app., filters., …)
  const namespaces = [...new Set(Object.keys(zhCN).map((k) => k.split('.')[0]))].join('|');
  const keyLiteral = new RegExp(`['"](?:${namespaces})\\.[\\w.]+['"]`, 'g');
  const used = new Set();
  for (const file of files) {
    const text = await readFile(new URL(file, root), 'utf8');
    for (const m of text.matchAll(keyLiteral)) {
      // file names such as 'find.html' share a namespace with keys; they are not keys
      if (!/\.(html|js|css|svg|png)$/.test(m[0].slice(1, -1))) used.add(m[0].slice(1, -1));
    }
  }
  assert.ok(used.size > 20, `expected to find the keys used, found ${used.size}`);
  assert.deepEqual([...used].filter((k) => !(k in zhCN)).sort(), []);
});

test('translator picks the language and interpolates', () => {
  assert.equal(createTranslator('zh-CN')('count.stations', { n: 12 }), '显示 12 个站点');
  assert.equal(createTranslator('en')('count.stations', { n: 12 }), '12 stations shown');
  assert.equal(createTranslator('en')('no.such.key'), 'no.such.key');
  assert.throws(() => createTranslator('fr'), /unsupported language 'fr'/);
});

test('interpolate leaves unknown placeholders and replaces zero', () => {
  assert.equal(interpolate('{a} and {b}', { a: 0 }), '0 and {b}');
});

test('pickLabel prefers the language, falls back to the other one, then to the fallback', () => {
  assert.equal(pickLabel({ zh: '暖蜂驿站', en: 'Warm-bee station' }, 'zh-CN'), '暖蜂驿站');
  assert.equal(pickLabel({ zh: '暖蜂驿站', en: 'Warm-bee station' }, 'en'), 'Warm-bee station');
  assert.equal(pickLabel({ zh: '暖蜂驿站', en: '' }, 'en'), '暖蜂驿站');
  assert.equal(pickLabel(null, 'en', 'x'), 'x');
});

test('language choice is remembered, unsupported or failing storage gives the default', () => {
  const storage = new Map();
  const fake = { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v) };
  assert.equal(loadLang(fake), DEFAULT_LANG);
  assert.equal(saveLang(fake, 'en'), true);
  assert.equal(storage.get(LANG_STORAGE_KEY), 'en');
  assert.equal(loadLang(fake), 'en');
  storage.set(LANG_STORAGE_KEY, 'de');
  assert.equal(loadLang(fake), 'zh-CN');
  const broken = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); } };
  assert.equal(loadLang(broken), 'zh-CN');
  assert.equal(saveLang(broken, 'en'), false);
  assert.equal(loadLang(undefined), 'zh-CN');
  assert.equal(otherLang('zh-CN'), 'en');
  assert.equal(otherLang('en'), 'zh-CN');
  assert.equal(isSupportedLang('en'), true);
  assert.equal(isSupportedLang('EN'), false);
});
