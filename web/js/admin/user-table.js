/**
 * The list of accounts on admin.html: one row per user (`data-testid="admin-user-row"`, `data-user` = login name)
 * with display and login name, role, areas, state, last login, and the buttons "edit" (`admin-edit`) and
 * "disable" / "enable" (`admin-toggle`); a failed action shows its reason in the row (`admin-row-error`).
 */
import { el, clear, testId } from '../util/dom.js';
import { areasText, formatTime } from './users.js';

/**
 * @param {HTMLTableSectionElement} tbody
 * @param {{getContext: () => {t: Function, lang: string}, names: object, onEdit: (user) => void,
 *   onToggle: (user) => void}} options
 */
export function createUserTable(tbody, { getContext, names, onEdit, onToggle }) {
  const rowErrors = new Map(); // user name → text
  let shown = [];

  function render(users) {
    shown = users;
    const { t, lang } = getContext();
    clear(tbody);
    if (users.length === 0) {
      const row = el('tr');
      const cell = el('td', 'admin-empty', t('admin.users.empty'));
      cell.colSpan = 6;
      row.append(cell);
      tbody.append(row);
      return;
    }
    for (const u of users) {
      const row = testId(el('tr', u.disabled ? 'is-disabled' : ''), 'admin-user-row');
      row.dataset.user = u.user;

      const who = el('td');
      const whoBox = el('div', 'admin-who');
      whoBox.append(el('span', 'admin-display', u.displayName), el('span', 'admin-login', u.user));
      who.append(whoBox);

      const role = testId(el('td', 'admin-role-cell', t(`auth.role.${u.role}`)), 'admin-user-role');
      role.dataset.role = u.role;

      const areas = u.areas?.length ? areasText(u.areas, names, lang) : t(u.role === 'admin' ? 'admin.areas.all' : 'admin.areas.none');
      const areaCell = testId(el('td', 'admin-areas-cell', areas), 'admin-user-areas');

      const state = testId(el('td', 'admin-state', t(u.disabled ? 'admin.state.disabled' : 'admin.state.enabled')), 'admin-user-state');

      const last = formatTime(u.lastLoginAt);
      const lastCell = testId(el('td', 'admin-last', last === '' ? t('admin.lastLogin.unknown') : last), 'admin-user-last-login');

      const actions = el('td', 'admin-row-actions');
      const edit = testId(el('button', 'button button-secondary admin-small', t('admin.edit')), 'admin-edit');
      edit.type = 'button';
      edit.addEventListener('click', () => {
        rowErrors.delete(u.user);
        onEdit(u);
      });
      const toggle = testId(
        el('button', 'button button-secondary admin-small', t(u.disabled ? 'admin.enable' : 'admin.disable')),
        'admin-toggle',
      );
      toggle.type = 'button';
      toggle.addEventListener('click', () => {
        rowErrors.delete(u.user);
        toggle.disabled = true;
        onToggle(u);
      });
      actions.append(edit, toggle);
      const error = rowErrors.get(u.user);
      if (error) {
        actions.append(testId(el('p', 'admin-field-error', error), 'admin-row-error'));
      }
      row.append(who, role, areaCell, state, lastCell, actions);
      tbody.append(row);
    }
  }

  return {
    render,
    /** Shows why an action on a user's row failed (kept until the next action on that row). */
    showRowError(userName, text) {
      rowErrors.set(userName, text);
      render(shown);
    },
  };
}
