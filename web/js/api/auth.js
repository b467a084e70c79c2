/**
 * Who is logged in, and logging in and out (same-origin session cookie; the server never shows the cookie to
 * scripts). After every change the session's CSRF token is handed to the API client, which sends it with each
 * state-changing request. Pure apart from the API client passed in.
 */
import { ApiError } from './client.js';

/** The state of a visitor who is not logged in. */
export const ANONYMOUS = Object.freeze({ authenticated: false, role: 'public', user: null, displayName: null, areas: [], csrfToken: null });

/** Roles an account can have, in the order the page lists them. */
export const ACCOUNT_ROLES = Object.freeze(['planner', 'leader', 'admin']);

/**
 * The answer of `GET /api/auth/me` (or of a login) as the page uses it; anything malformed or not logged in
 * becomes ANONYMOUS.
 */
export function normalizeMe(body) {
  if (!body || typeof body !== 'object' || body.authenticated !== true || !ACCOUNT_ROLES.includes(body.role)
      || typeof body.user !== 'string' || typeof body.csrfToken !== 'string' || body.csrfToken === '') {
    return ANONYMOUS;
  }
  return Object.freeze({
    authenticated: true,
    user: body.user,
    displayName: typeof body.displayName === 'string' && body.displayName !== '' ? body.displayName : body.user,
    role: body.role,
    areas: Array.isArray(body.areas) ? body.areas.map((a) => ({ region: a?.region ?? null, district: a?.district ?? null })) : [],
    csrfToken: body.csrfToken,
  });
}

/** True for the roles that may upload files (planners and admins). */
export function canImport(me) {
  return me?.authenticated === true && (me.role === 'planner' || me.role === 'admin');
}

/**
 * The i18n key and values explaining a failed login: throttled (with the minutes to wait), refused, or the
 * server's own words for anything else.
 */
export function loginFailure(error) {
  if (error instanceof ApiError && error.status === 429) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return { key: 'auth.throttled', vars: { minutes } };
  }
  if (error instanceof ApiError && error.status === 401) {
    return { key: 'auth.failed', vars: {} };
  }
  if (error instanceof ApiError && error.isNetworkError) {
    return { key: 'error.network', vars: {} };
  }
  return { key: null, text: String(error?.detail || error?.message || error) };
}

/**
 * @param {{api: object}} options the API client of api/client.js (its `sendJson` and `setCsrfToken` are used)
 * @returns {{current: () => object, onChange: (fn) => () => void, refresh: () => Promise<object>,
 *   login: (user: string, password: string) => Promise<object>, logout: () => Promise<object>}}
 */
export function createAuth({ api }) {
  let me = ANONYMOUS;
  const listeners = new Set();

  function set(body) {
    me = normalizeMe(body);
    api.setCsrfToken(me.csrfToken);
    for (const fn of listeners) {
      fn(me);
    }
    return me;
  }

  return {
    /** The current state (ANONYMOUS or a logged-in user with role, areas and CSRF token). */
    current: () => me,
    /** Calls `fn(me)` after every change; returns a function that stops it. */
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /** Asks the server who is logged in (e.g. at start, or after a 401). */
    async refresh() {
      return set(await api.sendJson('GET', 'api/auth/me'));
    },
    /** Logs in; rejects with the ApiError (401 wrong, 429 throttled with `retryAfterSeconds`). */
    async login(user, password) {
      return set(await api.sendJson('POST', 'api/auth/login', { user, password }));
    },
    /** Logs out; the page forgets the session even when the server cannot be reached. */
    async logout() {
      try {
        await api.sendJson('POST', 'api/auth/logout');
      } finally {
        set(null);
      }
      return me;
    },
  };
}
