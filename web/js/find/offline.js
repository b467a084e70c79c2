/**
 * The last answer of /api/nearest, kept in localStorage so that the page can show it when the network drops (the
 * service worker, find-sw.js, keeps the page itself and a copy of the last answer too). Pure apart from the storage
 * object passed in; storage failures are ignored.
 */
export const LAST_KEY = 'outpost.find.last';

/** Remembers an answer and when it was received (ms since the epoch). */
export function saveLast(storage, answer, receivedAt) {
  try {
    storage?.setItem(LAST_KEY, JSON.stringify({ receivedAt, answer }));
    return true;
  } catch {
    return false;
  }
}

/** The remembered `{receivedAt, answer}`, or null when none (or unreadable). */
export function loadLast(storage) {
  try {
    const raw = storage?.getItem(LAST_KEY);
    if (!raw) {
      return null;
    }
    const v = JSON.parse(raw);
    return v && typeof v.receivedAt === 'number' && v.answer && Array.isArray(v.answer.results) ? v : null;
  } catch {
    return null;
  }
}

/** "HH:MM" of a time in ms, in the phone's own zone (when the rider last saw the answer). */
export function receivedTime(ms) {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
