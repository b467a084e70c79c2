/**
 * The form of admin.html that creates a user or changes the one being edited: login name (fixed when editing),
 * display name, role, areas (a region, "whole region" or some of its districts and subdistricts) and a password
 * (the initial one, or a new one when editing). The API's errors are shown next to their fields
 * (`data-testid="admin-error-<field>"`), anything else under the form (`admin-error-form`).
 */
import { el, clear, testId } from '../util/dom.js';
import { checkValues, createBody, errorsByField, updateBody } from './users.js';

/**
 * @param {HTMLFormElement} form the static form of admin.html
 * @param {{api: object, getContext: () => {t: Function, lang: string}, regions: Array<{code: string}>,
 *   defaultRegion?: string, onAreasLoaded: (region, features) => void,
 *   onSaved: (user, created: boolean) => Promise<void>|void}} options
 */
export function createUserForm(form, { api, getContext, regions, defaultRegion, onAreasLoaded, onSaved }) {
  const q = (id) => form.querySelector(`[data-testid="${id}"]`);
  const title = document.querySelector('[data-testid="admin-form-title"]');
  const input = {
    user: q('admin-user'),
    displayName: q('admin-display-name'),
    role: q('admin-role'),
    region: q('admin-region'),
    wholeRegion: q('admin-whole-region'),
    password: q('admin-password'),
  };
  const districtsBox = q('admin-districts');
  const areasHint = q('admin-areas-hint');
  const passwordLabel = q('admin-password-label');
  const passwordHint = q('admin-password-hint');
  const submit = q('admin-submit');
  const cancel = q('admin-cancel');
  const errorBoxes = [...form.querySelectorAll('[data-field]')];

  let editing = null; // the user being changed, or null when creating
  let errors = {}; // field → [{key}|{text}]
  let busy = false;
  const areaLists = new Map(); // region → [{code, name, level, parentCode}]
  let checked = new Set(); // codes chosen in the current region

  for (const r of regions) {
    const option = el('option', null, r.name);
    option.value = r.code;
    input.region.append(option);
  }
  input.region.value = regions.some((r) => r.code === defaultRegion) ? defaultRegion : regions[0]?.code ?? '';

  input.role.addEventListener('change', () => {
    if (!editing) {
      input.wholeRegion.checked = input.role.value === 'planner';
    }
    renderAreas();
  });
  input.region.addEventListener('change', async () => {
    checked = new Set();
    await loadAreas(input.region.value);
  });
  input.wholeRegion.addEventListener('change', renderAreas);
  cancel.addEventListener('click', () => reset());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    errors = {};
    const values = readValues();
    const problems = checkValues(values);
    if (Object.keys(problems).length > 0) {
      errors = problems;
      render();
      return;
    }
    busy = true;
    render();
    try {
      let saved;
      if (editing) {
        const body = updateBody(editing, values);
        if (Object.keys(body).length === 0) {
          errors = { form: [{ key: 'admin.unchanged' }] };
          return;
        }
        saved = await api.sendJson('PUT', `api/admin/users/${encodeURIComponent(editing.user)}`, body);
      } else {
        saved = await api.sendJson('POST', 'api/admin/users', createBody(values));
      }
      const created = editing === null;
      reset();
      await onSaved(saved, created);
    } catch (error) {
      errors = errorsByField(error, editing ? 'role' : 'user');
    } finally {
      busy = false;
      render();
    }
  });

  function readValues() {
    return {
      user: editing ? editing.user : input.user.value,
      displayName: input.displayName.value,
      role: input.role.value,
      password: input.password.value,
      region: input.region.value,
      wholeRegion: input.wholeRegion.checked,
      districts: [...checked],
    };
  }

  async function loadAreas(region) {
    if (!region) {
      renderAreas();
      return;
    }
    if (!areaLists.has(region)) {
      districtsBox.setAttribute('aria-busy', 'true');
      try {
        const [districts, subdistricts] = await Promise.all([
          api.getDistricts(region, 'district'),
          api.getDistricts(region, 'subdistrict'),
        ]);
        const features = [...(districts?.features ?? []), ...(subdistricts?.features ?? [])];
        areaLists.set(region, features.map((f) => f.properties));
        onAreasLoaded(region, features);
      } catch (error) {
        areaLists.set(region, []);
        errors = { ...errors, ...errorsByField(error) };
      } finally {
        districtsBox.removeAttribute('aria-busy');
      }
    }
    renderAreas();
  }

  /** Districts with their subdistricts indented below them; each a checkbox `admin-district-<code>`. */
  function renderAreas() {
    const { t } = getContext();
    const role = input.role.value;
    const forAdmin = role === 'admin';
    input.region.disabled = forAdmin;
    input.wholeRegion.disabled = forAdmin;
    clear(districtsBox);
    districtsBox.hidden = forAdmin || input.wholeRegion.checked;
    areasHint.textContent = t(`admin.hint.areas.${role}`);
    const list = areaLists.get(input.region.value) ?? [];
    const districts = list.filter((a) => a.level === 'district');
    const children = (code) => list.filter((a) => a.level === 'subdistrict' && a.parentCode === code);
    const topLevel = districts.length > 0 ? districts : list;
    for (const d of topLevel) {
      districtsBox.append(checkbox(d, false));
      for (const s of children(d.code)) {
        districtsBox.append(checkbox(s, true));
      }
    }
    if (list.length === 0) {
      districtsBox.append(el('p', 'admin-hint', t('admin.areas.noneInRegion')));
    }
  }

  function checkbox(area, nested) {
    const label = el('label', nested ? 'checkbox admin-district is-nested' : 'checkbox admin-district');
    const box = testId(el('input'), `admin-district-${area.code}`);
    box.type = 'checkbox';
    box.value = area.code;
    box.checked = checked.has(area.code);
    box.addEventListener('change', () => {
      if (box.checked) {
        checked.add(area.code);
      } else {
        checked.delete(area.code);
      }
    });
    label.append(box, el('span', null, area.name));
    return label;
  }

  /** Back to "create a user", with empty fields. */
  function reset() {
    editing = null;
    errors = {};
    form.reset();
    input.user.readOnly = false;
    input.region.value = regions.some((r) => r.code === defaultRegion) ? defaultRegion : regions[0]?.code ?? '';
    input.wholeRegion.checked = input.role.value === 'planner';
    checked = new Set();
    loadAreas(input.region.value);
    render();
  }

  /** Fills the form with a user of the list, to change them. */
  async function edit(user) {
    editing = user;
    errors = {};
    input.user.value = user.user;
    input.user.readOnly = true;
    input.displayName.value = user.displayName ?? '';
    input.role.value = user.role;
    input.password.value = '';
    const areas = user.areas ?? [];
    const region = areas[0]?.region ?? input.region.value;
    input.region.value = region;
    const here = areas.filter((a) => a.region === region);
    input.wholeRegion.checked = here.some((a) => a.district === undefined || a.district === null);
    checked = new Set(here.filter((a) => a.district).map((a) => a.district));
    render();
    await loadAreas(region);
    form.scrollIntoView?.({ block: 'nearest' });
    input.displayName.focus();
  }

  function render() {
    const { t } = getContext();
    title.textContent = editing ? t('admin.form.edit', { name: editing.user }) : t('admin.form.create');
    submit.textContent = t(busy ? 'admin.submit.busy' : editing ? 'admin.submit.save' : 'admin.submit.create');
    submit.disabled = busy;
    cancel.hidden = editing === null;
    passwordLabel.textContent = t(editing ? 'admin.field.newPassword' : 'admin.field.password');
    passwordHint.textContent = editing ? t('admin.hint.keepPassword') : t('admin.hint.password');
    for (const box of errorBoxes) {
      const messages = errors[box.dataset.field] ?? [];
      box.hidden = messages.length === 0;
      box.textContent = messages.map((m) => (m.key ? t(m.key, m.vars) : m.text)).join(' ');
    }
    for (const [name, element] of Object.entries(input)) {
      element.toggleAttribute('aria-invalid', (errors[name] ?? []).length > 0);
    }
    renderAreas();
  }

  input.wholeRegion.checked = input.role.value === 'planner';
  render();
  loadAreas(input.region.value);

  return {
    edit,
    reset,
    refreshLanguage: render,
  };
}
