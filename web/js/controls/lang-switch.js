/**
 * The "EN / 中文" button in the header: toggles the interface language, remembers it and updates `<html lang>`.
 * The active language is marked with `aria-pressed`-like styling (`is-active`). `data-testid="lang-switch"`.
 */
import { otherLang, saveLang } from '../i18n/index.js';

/**
 * @param {HTMLButtonElement} button contains `<span data-lang="en">` and `<span data-lang="zh-CN">`
 * @param {{store: object, storage: Storage}} options reads and writes `lang` in the store
 */
export function createLangSwitch(button, { store, storage }) {
  const show = (lang) => {
    document.documentElement.lang = lang;
    button.dataset.lang = lang;
    for (const span of button.querySelectorAll('[data-lang]')) {
      span.classList.toggle('is-active', span.dataset.lang === lang);
    }
  };
  button.addEventListener('click', () => {
    const next = otherLang(store.get('lang'));
    saveLang(storage, next);
    store.set({ lang: next });
  });
  store.on('lang', show);
  show(store.get('lang'));
}
