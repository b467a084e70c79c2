/**
 * The planner's upload form and import report (side panel).
 *
 * Stations (CSV / XLSX / GeoJSON) or districts (GeoJSON / zipped Shapefile), the coordinate system of the file and a
 * dry-run switch (on by default). The server's report shows the created / updated / unchanged / deleted counts and
 * a table of errors (row, field, reason); after a clean dry run one click imports the same file for real.
 * Test ids: `upload-form`, `import-target-stations|districts`, `import-file`, `import-crs`, `import-dry-run`,
 * `import-submit`, `import-report`, `import-errors`, `import-commit`, `report-created|updated|unchanged|deleted`.
 */
import { el, testId, clear } from '../util/dom.js';
import { applyTranslations } from '../i18n/dom.js';
import { IMPORT_CRS, ApiError } from '../api/client.js';
import { formatInteger } from '../util/format.js';

const TARGETS = Object.freeze({
  stations: { labelKey: 'import.target.stations', accept: '.csv,.xlsx,.geojson,.json' },
  districts: { labelKey: 'import.target.districts', accept: '.geojson,.json,.zip' },
});
const MAX_ERROR_ROWS = 200;

/**
 * @param {HTMLElement} container an empty element in the side panel
 * @param {{api: object, getContext: () => {t: Function, lang: string, region: string},
 *   onImported: (target: 'stations'|'districts', report: object) => void}} options `onImported` runs after a
 *   successful real (not dry-run) import, so the map can reload.
 */
export function createImportForm(container, { api, getContext, onImported }) {
  let target = 'stations';
  let crs = 'wgs84';
  let dryRun = true;
  let busy = false;
  let lastReport = null; // {report, file, target, crs} or {error}
  let form = null;
  let reportBox = null;

  /** Builds the form once (rebuilding would lose the chosen file); texts carry data-i18n keys. */
  function build() {
    clear(container);
    form = testId(el('form', 'upload-form'), 'upload-form');
    form.noValidate = true;

    const targetGroup = el('fieldset', 'form-field');
    targetGroup.appendChild(i18n(el('legend', 'form-label'), 'import.target'));
    for (const [code, spec] of Object.entries(TARGETS)) {
      const label = el('label', 'radio');
      const input = testId(el('input'), `import-target-${code}`);
      input.type = 'radio';
      input.name = 'target';
      input.value = code;
      input.checked = code === target;
      input.addEventListener('change', () => {
        target = code;
        fileInput.accept = TARGETS[target].accept;
      });
      label.append(input, i18n(el('span'), spec.labelKey));
      targetGroup.appendChild(label);
    }

    // the native file button speaks the browser's language, so it is hidden behind our own (still focusable)
    const fileLabel = el('div', 'form-field');
    fileLabel.appendChild(i18n(el('span', 'form-label'), 'import.file'));
    const picker = el('label', 'file-picker');
    const fileInput = testId(el('input', 'file-input'), 'import-file');
    fileInput.type = 'file';
    fileInput.name = 'file';
    fileInput.accept = TARGETS[target].accept;
    const fileName = testId(i18n(el('span', 'file-name is-empty'), 'import.noFileChosen'), 'import-file-name');
    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      if (file) {
        delete fileName.dataset.i18n;
        fileName.textContent = file.name;
      } else {
        fileName.dataset.i18n = 'import.noFileChosen';
        fileName.textContent = getContext().t('import.noFileChosen');
      }
      fileName.classList.toggle('is-empty', !file);
    });
    picker.append(fileInput, i18n(el('span', 'button button-secondary file-button'), 'import.chooseFile'), fileName);
    fileLabel.appendChild(picker);

    const crsLabel = el('label', 'form-field');
    crsLabel.appendChild(i18n(el('span', 'form-label'), 'import.crs'));
    const crsSelect = testId(el('select', 'select'), 'import-crs');
    crsSelect.name = 'crs';
    for (const code of IMPORT_CRS) {
      const option = i18n(el('option'), `crs.${code}`);
      option.value = code;
      option.selected = code === crs;
      crsSelect.appendChild(option);
    }
    crsSelect.addEventListener('change', () => { crs = crsSelect.value; });
    crsLabel.appendChild(crsSelect);

    const dryLabel = el('label', 'checkbox');
    const dryInput = testId(el('input'), 'import-dry-run');
    dryInput.type = 'checkbox';
    dryInput.name = 'dryRun';
    dryInput.checked = dryRun;
    dryInput.addEventListener('change', () => { dryRun = dryInput.checked; });
    dryLabel.append(dryInput, i18n(el('span'), 'import.dryRun'));

    const submit = testId(i18n(el('button', 'button button-primary'), 'import.submit'), 'import-submit');
    submit.type = 'submit';
    submit.disabled = busy;

    form.append(targetGroup, fileLabel, crsLabel, dryLabel, submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const file = fileInput.files?.[0];
      if (!file) {
        lastReport = { errorKey: 'import.noFile' };
        renderReport();
        fileInput.focus();
        return;
      }
      send({ file, target, crs, dryRun });
    });

    reportBox = testId(el('div', 'import-report'), 'import-report');
    reportBox.setAttribute('aria-live', 'polite');
    container.append(form, reportBox);
    refreshLanguage();
  }

  function refreshLanguage() {
    applyTranslations(form, getContext().t);
    renderReport();
  }

  async function send({ file, target: what, crs: system, dryRun: dry }) {
    const { region, t } = getContext();
    busy = true;
    setBusy(true);
    try {
      const call = what === 'stations' ? api.importStations : api.importDistricts;
      const report = await call({ region, crs: system, dryRun: dry, file });
      lastReport = { report, file, target: what, crs: system };
      if (report.ok && !report.dryRun) {
        onImported(what, report);
      }
    } catch (error) {
      const text = error instanceof ApiError
        ? (error.isNetworkError ? t('error.network') : error.detail || error.title || t('error.http', { status: error.status }))
        : String(error?.message ?? error);
      lastReport = { error: text };
    } finally {
      busy = false;
      setBusy(false);
      renderReport();
    }
  }

  function setBusy(on) {
    const { t } = getContext();
    const submit = form?.querySelector('[data-testid="import-submit"]');
    if (submit) {
      submit.disabled = on;
      submit.dataset.i18n = on ? 'import.submitting' : 'import.submit';
      submit.textContent = t(submit.dataset.i18n);
    }
    form?.setAttribute('aria-busy', String(on));
  }

  function renderReport() {
    if (!reportBox) {
      return;
    }
    const { t, lang } = getContext();
    clear(reportBox);
    reportBox.className = 'import-report';
    reportBox.hidden = lastReport === null;
    if (lastReport === null) {
      return;
    }
    if (lastReport.error || lastReport.errorKey) {
      reportBox.classList.add('is-error');
      const text = lastReport.errorKey ? t(lastReport.errorKey) : lastReport.error;
      reportBox.appendChild(testId(el('p', 'report-error', text), 'import-error'));
      return;
    }
    const { report, file } = lastReport;
    reportBox.classList.add(report.ok ? 'is-ok' : 'is-failed');
    reportBox.dataset.ok = String(report.ok);
    reportBox.dataset.dryRun = String(report.dryRun);
    reportBox.appendChild(el('h3', 'report-title', t('report.title')));
    const statusKey = report.dryRun
      ? (report.ok ? 'report.dryRunOk' : 'report.dryRunFailed')
      : (report.ok ? 'report.ok' : 'report.failed');
    reportBox.appendChild(testId(el('p', 'report-status', t(statusKey)), 'import-status'));
    reportBox.appendChild(el('p', 'report-file', t('report.file', { name: file?.name ?? '' })));

    const counts = el('dl', 'report-counts');
    for (const key of ['created', 'updated', 'unchanged', 'deleted']) {
      const cell = el('div', `report-count report-count-${key}`);
      const value = testId(el('dd', null, formatInteger(report[key] ?? 0, lang)), `report-${key}`);
      cell.append(el('dt', null, t(`report.${key}`)), value);
      counts.appendChild(cell);
    }
    reportBox.appendChild(counts);

    const errors = Array.isArray(report.errors) ? report.errors : [];
    if (errors.length > 0) {
      reportBox.appendChild(el('h4', 'report-subtitle', t('report.errors', { n: formatInteger(errors.length, lang) })));
      reportBox.appendChild(issueTable(errors, t, 'import-errors'));
      if (errors.length > MAX_ERROR_ROWS) {
        reportBox.appendChild(el('p', 'report-more', t('report.more', { n: formatInteger(errors.length - MAX_ERROR_ROWS, lang) })));
      }
    }
    const warnings = Array.isArray(report.warnings) ? report.warnings : [];
    if (warnings.length > 0) {
      reportBox.appendChild(el('h4', 'report-subtitle', t('report.warnings', { n: formatInteger(warnings.length, lang) })));
      if (warnings.every((w) => typeof w === 'string')) {
        const list = testId(el('ul', 'report-warnings'), 'import-warnings');
        warnings.slice(0, MAX_ERROR_ROWS).forEach((w) => list.appendChild(el('li', null, w)));
        reportBox.appendChild(list);
      } else {
        reportBox.appendChild(issueTable(warnings, t, 'import-warnings'));
      }
    }
    if (report.batchId !== null && report.batchId !== undefined) {
      reportBox.appendChild(el('p', 'report-batch', t('report.batch', { id: report.batchId })));
    }
    if (report.dryRun && report.ok) {
      const commit = testId(el('button', 'button button-primary', t('report.commit')), 'import-commit');
      commit.type = 'button';
      commit.disabled = busy;
      const { file: sameFile, target: sameTarget, crs: sameCrs } = lastReport;
      commit.addEventListener('click', () => send({ file: sameFile, target: sameTarget, crs: sameCrs, dryRun: false }));
      reportBox.appendChild(commit);
    }
  }

  build();
  return { refreshLanguage };
}

function i18n(element, key) {
  element.dataset.i18n = key;
  return element;
}

/** Table of {row, field, reason} issues (strings are shown in the reason column). */
function issueTable(issues, t, id) {
  const wrap = el('div', 'table-wrap');
  const table = testId(el('table', 'report-table'), id);
  const head = el('thead');
  const headRow = el('tr');
  headRow.append(el('th', null, t('report.row')), el('th', null, t('report.field')), el('th', null, t('report.reason')));
  head.appendChild(headRow);
  const body = el('tbody');
  for (const issue of issues.slice(0, MAX_ERROR_ROWS)) {
    const item = typeof issue === 'object' && issue !== null ? issue : { reason: String(issue) };
    const tr = el('tr');
    tr.append(
      el('td', 'report-row', item.row ?? '—'),
      el('td', 'report-field', item.field ?? '—'),
      el('td', 'report-reason', item.reason ?? item.message ?? ''),
    );
    body.appendChild(tr);
  }
  table.append(head, body);
  wrap.appendChild(table);
  return wrap;
}
