/**
 * Start-up of the user administration page (admin.html): for admins, the list of accounts (name, role, areas, state,
 * last login) with edit and disable / enable, and one form that creates a user or changes the one being edited.
 * Anyone else sees why they cannot use the page (log in first, or no access); the API refuses them anyway.
 * Server text is inserted with textContent only.
 */
import { createApiClient } from '../api/client.js';
import { createAuth } from '../api/auth.js';
import { createStore } from '../state/store.js';
import { createTranslator, loadLang } from '../i18n/index.js';
import { applyTranslations } from '../i18n/dom.js';
import { createLangSwitch } from '../controls/lang-switch.js';
import { createLoginBox } from '../controls/login-box.js';
import { createUserTable } from './user-table.js';
import { createUserForm } from './user-form.js';
import { errorsByField, sortUsers } from './users.js';

const storage = safeLocalStorage();
const store = createStore({ lang: loadLang(storage) });
let t = createTranslator(store.get('lang'));
const api = createApiClient({ baseUrl: document.baseURI });
const auth = createAuth({ api });

const getContext = () => ({ t, lang: store.get('lang') });

const page = {
  loading: document.querySelector('[data-testid="admin-loading"]'),
  denied: document.querySelector('[data-testid="admin-denied"]'),
  deniedText: document.querySelector('[data-testid="admin-denied-text"]'),
  content: document.querySelector('[data-testid="admin-content"]'),
  status: document.querySelector('[data-testid="admin-status"]'),
  listError: document.querySelector('[data-testid="admin-list-error"]'),
};

/** Names of regions and areas for the list, filled as the page learns them. */
const names = {
  regions: new Map(), // code → {name, nameEn}
  areas: new Map(), // `${region}/${code}` → name
  regionName(code) {
    const r = this.regions.get(code);
    if (!r) return undefined;
    return store.get('lang') === 'en' && r.nameEn ? r.nameEn : r.name;
  },
  areaName(region, code) {
    return this.areas.get(`${region}/${code}`);
  },
};

let users = [];
let status = null; // {key, vars} shown above the list
let table;
let form;
let loaded = false;

async function start() {
  applyTranslations(document, t);
  setTitle();
  createLangSwitch(document.querySelector('[data-testid="lang-switch"]'), { store, storage });
  const loginBox = createLoginBox(document.querySelector('[data-testid="auth-box"]'), { auth, getContext });

  const config = await api.getConfig().catch(() => ({ regions: [] }));
  const regions = Array.isArray(config.regions) ? config.regions : [];
  for (const r of regions) {
    names.regions.set(r.code, { name: r.name, nameEn: r.nameEn });
  }

  table = createUserTable(document.querySelector('[data-testid="admin-users"] tbody'), {
    getContext,
    names,
    onEdit: (user) => form.edit(user),
    onToggle: toggleDisabled,
  });
  form = createUserForm(document.querySelector('[data-testid="admin-form"]'), {
    api,
    getContext,
    regions,
    defaultRegion: config.defaultRegion,
    onAreasLoaded: (region, features) => {
      for (const f of features) {
        names.areas.set(`${region}/${f.properties.code}`, f.properties.name);
      }
      table.render(users);
    },
    onSaved: async (user, created) => {
      status = { key: created ? 'admin.created' : 'admin.saved', vars: { name: user.user } };
      await loadUsers();
    },
  });

  store.on('lang', (lang) => {
    t = createTranslator(lang);
    applyTranslations(document, t);
    setTitle();
    loginBox.refreshLanguage();
    form.refreshLanguage();
    renderAccess();
    renderStatus();
    table.render(users);
  });
  auth.onChange(() => {
    renderAccess();
    if (isAdmin() && !loaded) {
      loadUsers();
    }
    if (!isAdmin()) {
      loaded = false;
    }
  });
  await auth.refresh().catch(() => null);
  page.loading.hidden = true;
  renderAccess();
  if (isAdmin() && !loaded) {
    await loadUsers();
  }
  document.body.dataset.ready = 'true';
}

function isAdmin() {
  const me = auth.current();
  return me.authenticated && me.role === 'admin';
}

/** Admins see the page; others a reason: log in first, or no access for their role. */
function renderAccess() {
  if (!page.loading.hidden) {
    return;
  }
  const me = auth.current();
  const admin = isAdmin();
  page.content.hidden = !admin;
  page.denied.hidden = admin;
  page.deniedText.textContent = me.authenticated
    ? t('admin.noAccess', { role: t(`auth.role.${me.role}`) })
    : t('admin.loginFirst');
}

async function loadUsers() {
  loaded = true;
  page.listError.hidden = true;
  try {
    const body = await api.sendJson('GET', 'api/admin/users');
    users = sortUsers(body?.users ?? []);
    table.render(users);
    renderStatus();
  } catch (error) {
    const messages = errorsByField(error).form ?? [];
    page.listError.textContent = messages.map(text).join(' ');
    page.listError.hidden = false;
    if (error?.status === 401 || error?.status === 403) {
      await auth.refresh().catch(() => null);
    }
  }
}

async function toggleDisabled(user) {
  status = null;
  renderStatus();
  try {
    const saved = await api.sendJson('PUT', `api/admin/users/${encodeURIComponent(user.user)}`, { disabled: !user.disabled });
    status = { key: saved.disabled ? 'admin.disabledDone' : 'admin.enabledDone', vars: { name: saved.user } };
    await loadUsers();
  } catch (error) {
    const messages = Object.values(errorsByField(error, 'disabled')).flat();
    table.showRowError(user.user, messages.map(text).join(' '));
  }
}

function renderStatus() {
  page.status.hidden = status === null;
  page.status.textContent = status === null ? '' : t(status.key, status.vars);
}

function text(message) {
  return message.key ? t(message.key, message.vars) : message.text;
}

function setTitle() {
  document.title = `${t('admin.title')} · ${t('app.title')}`;
}

function safeLocalStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

start().catch((error) => {
  page.loading.hidden = true;
  page.denied.hidden = false;
  page.deniedText.textContent = String(error?.message ?? error);
});
