/**
 * Following a long solve (a job of `POST /api/scenarios` answered with 202): poll `GET /api/jobs/{id}` until the job
 * ends, reporting each state. Pure apart from the functions passed in, so tests drive it with fakes.
 */
import { isJobFinished } from './scenario.js';
import { formatDemand } from '../util/coverage.js';

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

/** Whether a job carries figures of a running search (`incumbent` or `bound`, numbers or null). */
export function hasSolverFigures(job) {
  return Number.isFinite(job?.incumbent) || Number.isFinite(job?.bound);
}

/**
 * The line under the progress bar with the search's incumbent, bound and gap, in the page's language, or '' when the
 * job has none. Values are in the problem's units (covered demand, sites, seconds); the gap is a fraction.
 * @param {object} job a job of GET /api/jobs/{id}
 * @param {(key: string, params?: object) => string} t
 * @param {string} lang
 */
export function solverText(job, t, lang) {
  if (!hasSolverFigures(job)) {
    return '';
  }
  const incumbent = Number.isFinite(job.incumbent) ? formatDemand(job.incumbent, lang) : '—';
  if (!Number.isFinite(job.bound)) {
    return t('plan.job.solverNoBound', { incumbent });
  }
  const gap = Number.isFinite(job.gap)
    ? new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(job.gap)
    : '—';
  return t('plan.job.solver', { incumbent, bound: formatDemand(job.bound, lang), gap });
}
