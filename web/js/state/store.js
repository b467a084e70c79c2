/**
 * A small observable store for the shared UI state (language, region, filters, meta, …).
 * Values are replaced, never mutated: `set({filters: {...old, openNow: true}})`. Listeners run synchronously, in
 * subscription order, only for keys whose value changed (compared with Object.is). Single-threaded (the page).
 */
export function createStore(initial = {}) {
  let state = Object.freeze({ ...initial });
  const keyListeners = new Map();
  const anyListeners = new Set();

  function get(key) {
    return key === undefined ? state : state[key];
  }

  /** Merges `patch` into the state; returns the list of keys that changed (empty when nothing did). */
  function set(patch) {
    const changed = Object.keys(patch).filter((key) => !Object.is(state[key], patch[key]));
    if (changed.length === 0) {
      return changed;
    }
    const previous = state;
    state = Object.freeze({ ...state, ...patch });
    for (const key of changed) {
      for (const listener of [...(keyListeners.get(key) ?? [])]) {
        listener(state[key], previous[key], state);
      }
    }
    for (const listener of [...anyListeners]) {
      listener(state, changed, previous);
    }
    return changed;
  }

  /** Calls `listener(newValue, oldValue, state)` whenever `key` changes; returns the unsubscribe function. */
  function on(key, listener) {
    if (!keyListeners.has(key)) {
      keyListeners.set(key, new Set());
    }
    keyListeners.get(key).add(listener);
    return () => keyListeners.get(key).delete(listener);
  }

  /** Calls `listener(state, changedKeys, previousState)` after every change; returns the unsubscribe function. */
  function subscribe(listener) {
    anyListeners.add(listener);
    return () => anyListeners.delete(listener);
  }

  return { get, set, on, subscribe };
}
