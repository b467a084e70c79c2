/**
 * Interface language: the string tables, a translator factory and the remembered choice.
 * Pure apart from the storage object passed in (window.localStorage in the page, a Map-like stub in tests).
 */
import zhCN from './zh-CN.js';
import en from './en.js';

/** The language shown when nothing (or something unsupported) was remembered. */
export const DEFAULT_LANG = 'zh-CN';

/** Supported languages, keyed by BCP 47 tag (the value written to `<html lang>`). */
export const LANGS = Object.freeze({ 'zh-CN': zhCN, en });

/** localStorage key of the remembered language. */
export const LANG_STORAGE_KEY = 'outpost.lang';

export function isSupportedLang(lang) {
  return typeof lang === 'string' && Object.prototype.hasOwnProperty.call(LANGS, lang);
}

/** The other language of the two (the target of the "EN / 中文" switch). */
export function otherLang(lang) {
  return lang === 'en' ? 'zh-CN' : 'en';
}

/**
 * Returns `t(key, vars)` for one language. `{name}` placeholders are replaced by `vars.name`; a key missing from
 * the table falls back to the default language, then to the key itself (visible, so it gets noticed).
 */
export function createTranslator(lang) {
  if (!isSupportedLang(lang)) {
    throw new RangeError(`unsupported language '${lang}'; expected one of ${Object.keys(LANGS).join(', ')}`);
  }
  const table = LANGS[lang];
  const fallback = LANGS[DEFAULT_LANG];
  return function t(key, vars) {
    const template = table[key] ?? fallback[key] ?? key;
    return vars ? interpolate(template, vars) : template;
  };
}

/** Replaces `{name}` by `String(vars.name)`; placeholders without a value stay as they are. */
export function interpolate(template, vars) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(vars, name) && vars[name] !== undefined && vars[name] !== null
      ? String(vars[name])
      : whole,
  );
}

/**
 * Picks the label for `lang` from a server-supplied `{zh, en}` object (as in /api/meta and `kindLabel`),
 * falling back to the other language, then to `fallback`.
 */
export function pickLabel(labels, lang, fallback = '') {
  if (!labels || typeof labels !== 'object') {
    return fallback;
  }
  const preferred = lang === 'en' ? labels.en : labels.zh;
  const other = lang === 'en' ? labels.zh : labels.en;
  return nonEmpty(preferred) ?? nonEmpty(other) ?? fallback;
}

function nonEmpty(value) {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The remembered language, or DEFAULT_LANG; storage failures (private mode, disabled storage) are ignored. */
export function loadLang(storage) {
  try {
    const stored = storage?.getItem(LANG_STORAGE_KEY);
    return isSupportedLang(stored) ? stored : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

/** Remembers the language; returns false when the storage refused it. */
export function saveLang(storage, lang) {
  if (!isSupportedLang(lang)) {
    throw new RangeError(`unsupported language '${lang}'; expected one of ${Object.keys(LANGS).join(', ')}`);
  }
  try {
    storage.setItem(LANG_STORAGE_KEY, lang);
    return true;
  } catch {
    return false;
  }
}
