/**
 * The coverage section of the side panel: worker-group selector, the travel-time limit, the overall covered shares
 * (5 / 10 / 15 / 20 minutes), the "recompute" button, the choropleth level and the ranked list of gap areas.
 * It only shows state and reports choices; coverage.js loads the data.
 * Test ids: `coverage-group-select`, `coverage-limit` (`data-minutes`), `coverage-summary` (`data-state`,
 * `data-covered15` = overall share within 15 minutes, 0–1), `coverage-run`, `coverage-run-status`,
 * `coverage-level-district|subdistrict`, `gap-list` (`data-state`) with `gap-item` (`data-rank`).
 */
import { el, testId, clear } from '../util/dom.js';
import {
  COVERAGE_BANDS, DEFAULT_LIMIT_MINUTES, WORKER_GROUPS, coveredShare, formatDateTime, formatDemand, formatMinutesPrecise,
  formatShare, groupMode,
} from '../util/coverage.js';
import { formatMinutes } from '../util/format.js';
import { minutesColor } from '../util/colors.js';

const LEVELS = ['district', 'subdistrict'];
/** Travel modes with a label in the string tables (`mode.<code>`). */
const MODES = ['ebike', 'car', 'truck', 'foot'];

/**
 * @param {HTMLElement} container an empty element in the side panel
 * @param {{getContext: () => {t: Function, lang: string}, group: string, level: string,
 *   onGroupChange: (group: string) => void, onLevelChange: (level: string) => void, onRun: () => void,
 *   onGapSelect: (rank: number) => void}} options
 */
export function createCoveragePanel(container, options) {
  const { getContext, group, level, onGroupChange, onLevelChange, onRun, onGapSelect } = options;
  const state = {
    group,
    level,
    summary: { status: 'loading' },
    gaps: { status: 'loading', features: [] },
    run: { status: 'idle' },
    selectedGap: null,
  };

  clear(container);
  const root = el('div', 'coverage-panel');

  const groupField = el('label', 'form-field');
  const groupLabel = el('span', 'form-label');
  const select = testId(el('select', 'select coverage-group'), 'coverage-group-select');
  select.addEventListener('change', () => {
    state.group = select.value;
    renderLimit();
    onGroupChange(select.value);
  });
  groupField.append(groupLabel, select);

  const limit = testId(el('div', 'coverage-limit'), 'coverage-limit');
  const summaryBox = testId(el('div', 'coverage-summary'), 'coverage-summary');

  const actions = el('div', 'coverage-actions');
  const runButton = testId(el('button', 'button button-secondary coverage-run'), 'coverage-run');
  runButton.type = 'button';
  runButton.addEventListener('click', () => onRun());
  const runStatus = testId(el('span', 'coverage-run-status'), 'coverage-run-status');
  runStatus.setAttribute('role', 'status');
  actions.append(runButton, runStatus);

  const levelGroup = el('fieldset', 'form-field coverage-level');
  const levelLegend = el('legend', 'form-label');
  const levelOptions = el('div', 'coverage-level-options');
  const levelInputs = new Map();
  for (const code of LEVELS) {
    const label = el('label', 'radio');
    const input = testId(el('input'), `coverage-level-${code}`);
    input.type = 'radio';
    input.name = 'coverage-level';
    input.value = code;
    input.checked = code === state.level;
    // 'click' rather than 'change': choosing the level already chosen still means "show me the map" (arrow keys
    // fire click on radios too)
    input.addEventListener('click', () => {
      if (input.checked) {
        state.level = code;
        onLevelChange(code);
      }
    });
    const text = el('span');
    label.append(input, text);
    levelOptions.appendChild(label);
    levelInputs.set(code, { input, text });
  }
  levelGroup.append(levelLegend, levelOptions);

  const gapTitle = el('h3', 'coverage-subtitle');
  const gapHint = el('p', 'coverage-hint');
  const gapList = testId(el('ol', 'gap-list'), 'gap-list');

  root.append(groupField, limit, summaryBox, actions, levelGroup, gapTitle, gapHint, gapList);
  container.appendChild(root);

  function renderStatic() {
    const { t } = getContext();
    groupLabel.textContent = t('coverage.group');
    clear(select);
    for (const g of WORKER_GROUPS) {
      const option = el('option', null, t(`group.${g.code}`));
      option.value = g.code;
      select.appendChild(option);
    }
    select.value = state.group;
    runButton.textContent = t('coverage.run');
    levelLegend.textContent = t('coverage.level');
    for (const [code, { text }] of levelInputs) {
      text.textContent = t(`areas.level.${code}`);
    }
    gapTitle.textContent = t('gaps.title');
    gapHint.textContent = t('gaps.hint');
  }

  function renderLimit() {
    const { t } = getContext();
    const summary = state.summary.summary;
    const minutes = summary?.limitMinutes ?? DEFAULT_LIMIT_MINUTES;
    const mode = summary?.mode ?? groupMode(state.group);
    limit.dataset.minutes = String(minutes);
    clear(limit);
    limit.append(
      el('span', 'coverage-limit-label', t('coverage.limit')),
      el('strong', 'coverage-limit-value', formatMinutes(minutes, t)),
      el('span', 'coverage-limit-mode', MODES.includes(mode) ? t(`mode.${mode}`) : mode),
    );
  }

  function renderSummary() {
    const { t, lang } = getContext();
    const { status, summary, message } = state.summary;
    summaryBox.dataset.state = status;
    const share15 = status === 'ready' ? coveredShare(summary?.covered, 15) : null;
    summaryBox.dataset.covered15 = share15 === null ? '' : String(share15);
    clear(summaryBox);
    if (status === 'loading') {
      summaryBox.appendChild(el('p', 'coverage-muted', t('coverage.loading')));
      return;
    }
    if (status === 'none') {
      summaryBox.appendChild(el('p', 'coverage-none', t('coverage.none')));
      if (message) {
        summaryBox.appendChild(el('p', 'coverage-muted', message));
      }
      return;
    }
    if (status === 'error') {
      summaryBox.appendChild(el('p', 'coverage-error', message ?? t('coverage.loadFailed')));
      return;
    }
    const limitMinutes = summary.limitMinutes;
    const headline = el('div', 'coverage-headline');
    headline.append(
      el('span', 'coverage-big', formatShare(summary.covered[limitMinutes] ?? null, lang)),
      el('span', 'coverage-headline-text', t('coverage.headline', { minutes: limitMinutes })),
    );
    summaryBox.appendChild(headline);
    const bands = el('div', 'coverage-bands');
    for (const minutes of COVERAGE_BANDS) {
      const share = summary.covered[minutes];
      const row = el('div', `coverage-band${minutes === limitMinutes ? ' is-limit' : ''}`);
      row.dataset.minutes = String(minutes);
      const bar = el('span', 'coverage-bar');
      const fill = el('span', 'coverage-bar-fill');
      fill.style.width = `${Math.round((share ?? 0) * 1000) / 10}%`;
      fill.style.background = minutesColor(minutes);
      bar.appendChild(fill);
      row.append(
        el('span', 'coverage-band-label', `≤ ${minutes} ${t('unit.min')}`),
        bar,
        el('span', 'coverage-band-value', formatShare(share, lang)),
      );
      bands.appendChild(row);
    }
    summaryBox.appendChild(bands);
    summaryBox.appendChild(el('p', 'coverage-muted', t('coverage.demand', { demand: formatDemand(summary.demand, lang) })));
    const when = formatDateTime(summary.computedAt, lang);
    if (when) {
      summaryBox.appendChild(el('p', 'coverage-muted coverage-computed', t('coverage.computedAt', { time: when })));
    }
  }

  function renderRun() {
    const { t } = getContext();
    const { status, message } = state.run;
    runButton.disabled = status === 'running';
    runStatus.dataset.state = status;
    runStatus.className = `coverage-run-status${status === 'error' ? ' is-error' : ''}`;
    runStatus.textContent = status === 'running' ? t('coverage.running')
      : status === 'done' ? t('coverage.runDone')
        : status === 'error' ? message ?? '' : '';
  }

  function renderGaps() {
    const { t, lang } = getContext();
    const { status, features, message } = state.gaps;
    gapList.dataset.state = status;
    clear(gapList);
    const note = (text, className) => {
      const item = el('li', `gap-note ${className ?? ''}`, text);
      gapList.appendChild(item);
    };
    if (status === 'loading') {
      note(t('coverage.loading'));
      return;
    }
    if (status === 'none') {
      note(t('coverage.none'));
      return;
    }
    if (status === 'error') {
      note(message ?? t('coverage.loadFailed'), 'is-error');
      return;
    }
    if (features.length === 0) {
      note(t('gaps.none'));
      return;
    }
    for (const feature of features) {
      const props = feature.properties;
      const item = testId(el('li', `gap-item${props.rank === state.selectedGap ? ' is-selected' : ''}`), 'gap-item');
      item.dataset.rank = String(props.rank);
      const button = el('button', 'gap-button');
      button.type = 'button';
      button.setAttribute('aria-pressed', String(props.rank === state.selectedGap));
      const facts = el('span', 'gap-facts');
      facts.append(
        el('span', 'gap-demand', t('gaps.demand', { demand: formatDemand(props.demand, lang) })),
        el('span', 'gap-detail', [
          Number.isFinite(props.cells) ? t('gaps.cells', { n: props.cells }) : null,
          t('gaps.maxMinutes', { minutes: formatMinutesPrecise(props.maxMinutes, t) }),
        ].filter(Boolean).join(' · ')),
      );
      button.append(el('span', 'gap-rank-chip', props.rank), facts);
      button.addEventListener('click', () => onGapSelect(props.rank));
      item.appendChild(button);
      gapList.appendChild(item);
    }
  }

  function renderAll() {
    renderStatic();
    renderLimit();
    renderSummary();
    renderRun();
    renderGaps();
  }
  renderAll();

  return {
    setGroup(code) {
      state.group = code;
      select.value = code;
      renderLimit();
    },
    setLevel(code) {
      state.level = code;
      levelInputs.get(code).input.checked = true;
    },
    /** `{status: 'loading'|'ready'|'none'|'error', summary?, message?}`, summary from util/coverage.js readSummary. */
    setSummary(next) {
      state.summary = next;
      renderLimit();
      renderSummary();
    },
    /** `{status: 'loading'|'ready'|'none'|'error', features?, message?}`, features ranked. */
    setGaps(next) {
      state.gaps = { features: [], ...next };
      renderGaps();
    },
    /** `{status: 'idle'|'running'|'done'|'error', message?}` */
    setRun(next) {
      state.run = next;
      renderRun();
    },
    selectGap(rank) {
      state.selectedGap = rank;
      renderGaps();
      gapList.querySelector('.gap-item.is-selected')?.scrollIntoView?.({ block: 'nearest' });
    },
    refreshLanguage: renderAll,
  };
}
