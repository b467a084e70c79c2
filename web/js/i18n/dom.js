/**
 * Applies the interface language to static markup: elements carrying `data-i18n="key"` get the text,
 * `data-i18n-title` / `data-i18n-aria-label` / `data-i18n-placeholder` the attribute. DOM code; our own strings only.
 */
const ATTRIBUTES = [
  ['i18nTitle', 'title'],
  ['i18nAriaLabel', 'aria-label'],
  ['i18nPlaceholder', 'placeholder'],
];

export function applyTranslations(root, t) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const [dataKey, attribute] of ATTRIBUTES) {
    const selector = `[data-${dataKey.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`;
    for (const element of root.querySelectorAll(selector)) {
      element.setAttribute(attribute, t(element.dataset[dataKey]));
    }
  }
}
