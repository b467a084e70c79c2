/**
 * A one-line notice over the top of the map (e.g. "base map unavailable") and a dismissible error banner.
 * `data-testid="map-notice"` and `data-testid="error-banner"`.
 */
import { el, testId } from '../util/dom.js';

export function createMapNotices(mapContainer, { getContext }) {
  const notice = testId(el('div', 'map-notice'), 'map-notice');
  notice.hidden = true;
  notice.setAttribute('role', 'status');
  const banner = testId(el('div', 'error-banner'), 'error-banner');
  banner.hidden = true;
  banner.setAttribute('role', 'alert');
  const bannerText = el('span', 'error-banner-text');
  const close = el('button', 'error-banner-close', '×');
  close.type = 'button';
  close.dataset.i18nAriaLabel = 'notice.close'; // kept up to date by i18n/dom.js applyTranslations
  close.setAttribute('aria-label', getContext().t('notice.close'));
  close.addEventListener('click', () => { banner.hidden = true; });
  banner.append(bannerText, close);
  mapContainer.append(notice, banner);

  return {
    /** Shows a short status text (already translated); null or '' hides it. */
    showNotice(text) {
      notice.textContent = text ?? '';
      notice.hidden = !text;
    },
    /** Shows an error message (already translated; server detail inserted as text). */
    showError(text) {
      bannerText.textContent = text;
      banner.hidden = false;
    },
    hideError() {
      banner.hidden = true;
    },
  };
}
