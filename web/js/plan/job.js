/**
 * Following a long solve (a job of `POST /api/scenarios` answered with 202): poll `GET /api/jobs/{id}` until the job
 * ends, reporting each state. Pure apart from the functions passed in, so tests drive it with fakes.
 */
import { isJobFinished } from './scenario.js';

export const POLL_INTERVAL_MS = 500;

/**
 * @param {object} job the job as first returned (202 body)
 * @param {{getJob: (id: number) => Promise<object>, onUpdate?: (job: object) => void,
 *   sleep?: (ms: number) => Promise<void>, intervalMs?: number, isStopped?: () => boolean}} options
 *   `isStopped` ends the polling early (e.g. when the page starts another solve); the last job seen is returned
 * @returns {Promise<object>} the final job (status done, failed or cancelled), or the last seen when stopped
 */
export async function followJob(job, { getJob, onUpdate = () => {}, sleep = defaultSleep, intervalMs = POLL_INTERVAL_MS,
  isStopped = () => false }) {
  let current = job;
  onUpdate(current);
  while (!isJobFinished(current?.status) && !isStopped()) {
    await sleep(intervalMs);
    if (isStopped()) {
      break;
    }
    current = await getJob(current.id);
    onUpdate(current);
  }
  return current;
}

/** The scenario id of a finished job's `resultRef` ("scenario:42" → 42), or null. */
export function scenarioIdOf(job) {
  const match = /^scenario:(\d+)$/.exec(job?.resultRef ?? '');
  return match ? Number(match[1]) : null;
}

function defaultSleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
