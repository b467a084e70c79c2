/**
 * The staff login in the header (planners, district leaders, admins). Logged out: a "log in" button that opens a
 * small form (user name, password). Logged in: the user's name and role, and "log out". The public never needs it.
 * Test ids: `login-open`, `login-form`, `login-user`, `login-password`, `login-submit`, `login-error`, `auth-user`,
 * `logout`.
 */
import { el, testId } from '../util/dom.js';
import { applyTranslations } from '../i18n/dom.js';
import { loginFailure } from '../api/auth.js';

/**
 * @param {HTMLElement} container an empty element in the header
 * @param {{auth: object, getContext: () => {t: Function}}} options `auth` from api/auth.js
 */
export function createLoginBox(container, { auth, getContext }) {
  let failure = null; // {key, vars} or {text}
  let busy = false;

  // logged out: button and form (built once, so typed text survives a language switch)
  const openButton = testId(i18n(el('button', 'auth-button'), 'auth.login'), 'login-open');
  openButton.type = 'button';
  openButton.setAttribute('aria-haspopup', 'true');
  openButton.setAttribute('aria-expanded', 'false');

  const form = testId(el('form', 'login-form'), 'login-form');
  form.hidden = true;
  form.noValidate = true;
  const title = i18n(el('p', 'login-title'), 'auth.title');
  const userInput = testId(input('text', 'username', 'auth.user'), 'login-user');
  const passwordInput = testId(input('password', 'current-password', 'auth.password'), 'login-password');
  const errorBox = testId(el('p', 'login-error'), 'login-error');
  errorBox.setAttribute('role', 'alert');
  errorBox.hidden = true;
  const submit = testId(i18n(el('button', 'button button-primary'), 'auth.submit'), 'login-submit');
  submit.type = 'submit';
  form.append(title, field('auth.user', userInput), field('auth.password', passwordInput), errorBox, submit);

  // logged in: who, and log out
  const who = testId(el('span', 'auth-user'), 'auth-user');
  const logoutButton = testId(i18n(el('button', 'auth-button'), 'auth.logout'), 'logout');
  logoutButton.type = 'button';

  container.classList.add('auth-box');
  container.append(openButton, form, who, logoutButton);

  openButton.addEventListener('click', () => setOpen(form.hidden));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      setOpen(false);
      openButton.focus();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const user = userInput.value.trim();
    const password = passwordInput.value;
    if (user === '' || password === '') {
      failure = { key: 'auth.missing', vars: {} };
      render();
      return;
    }
    busy = true;
    failure = null;
    render();
    try {
      await auth.login(user, password);
      passwordInput.value = '';
      setOpen(false);
    } catch (error) {
      failure = loginFailure(error);
      passwordInput.select();
    } finally {
      busy = false;
      render();
    }
  });
  logoutButton.addEventListener('click', async () => {
    logoutButton.disabled = true;
    try {
      await auth.logout();
    } catch {
      // the page has forgotten the session anyway; the server ends it at its idle timeout
    } finally {
      logoutButton.disabled = false;
    }
  });
  auth.onChange(render);

  function setOpen(open) {
    form.hidden = !open;
    openButton.setAttribute('aria-expanded', String(open));
    if (open) {
      failure = null;
      render();
      userInput.focus();
    }
  }

  function render() {
    const { t } = getContext();
    const me = auth.current();
    applyTranslations(container, t);
    openButton.hidden = me.authenticated;
    if (me.authenticated) {
      form.hidden = true;
    }
    who.hidden = !me.authenticated;
    logoutButton.hidden = !me.authenticated;
    who.textContent = me.authenticated ? t('auth.signedInAs', { name: me.displayName, role: t(`auth.role.${me.role}`) }) : '';
    who.dataset.role = me.role;
    submit.disabled = busy;
    submit.textContent = t(busy ? 'auth.submitting' : 'auth.submit');
    errorBox.hidden = failure === null;
    errorBox.textContent = failure === null ? '' : failure.key ? t(failure.key, failure.vars) : failure.text;
  }

  render();
  return { refreshLanguage: render };
}

function i18n(element, key) {
  element.dataset.i18n = key;
  return element;
}

function input(type, autocomplete, labelKey) {
  const element = el('input', 'login-input');
  element.type = type;
  element.autocomplete = autocomplete;
  element.required = true;
  element.dataset.i18nAriaLabel = labelKey;
  element.spellcheck = false;
  element.autocapitalize = 'off';
  return element;
}

function field(labelKey, control) {
  const label = el('label', 'form-field');
  label.append(i18n(el('span', 'form-label'), labelKey), control);
  return label;
}
