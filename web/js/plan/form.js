/**
 * The new-scenario form of the planner page: name, worker group, minutes, problem with p or target %, candidate
 * sources and kinds, budget, solver with time limit. Built once (typed values survive a language switch); labels
 * carry data-i18n keys. Each input has `data-field` (the FormError field) and a test id `plan-<field>`.
 */
import { el, testId } from '../util/dom.js';
import {
  CANDIDATE_KINDS, CANDIDATE_SOURCES, DEFAULT_MINUTES, DEFAULT_SOURCES, DEFAULT_TIME_LIMIT_SECONDS, PROBLEMS, SOLVERS,
  WORKER_GROUPS,
} from './scenario.js';

function i18n(element, key) {
  element.dataset.i18n = key;
  return element;
}

function input(field, type, value) {
  const element = testId(el('input', 'plan-input'), `plan-${field}`);
  element.type = type;
  element.dataset.field = field;
  if (value !== undefined) {
    element.value = String(value);
  }
  return element;
}

function select(field, options) {
  const element = testId(el('select', 'select'), `plan-${field}`);
  element.dataset.field = field;
  for (const [value, key] of options) {
    const option = i18n(el('option'), key);
    option.value = value;
    element.appendChild(option);
  }
  return element;
}

function labelled(key, control) {
  const label = el('label', 'plan-field');
  label.append(i18n(el('span', 'form-label'), key), control);
  return label;
}

function checkboxes(field, codes, keyPrefix, checked) {
  const box = el('fieldset', 'plan-checks');
  box.dataset.field = field;
  for (const code of codes) {
    const label = el('label', 'checkbox');
    const check = testId(el('input'), `plan-${field}-${code}`);
    check.type = 'checkbox';
    check.value = code;
    check.checked = checked.includes(code);
    label.append(check, i18n(el('span'), `${keyPrefix}${code}`));
    box.appendChild(label);
  }
  return box;
}

/**
 * @param {HTMLFormElement} form an empty form
 * @param {{onSubmit: (values: object) => void}} options called with the raw values (see scenario.js
 *   buildScenarioRequest)
 * @returns {{values(): object, setBusy(busy: boolean): void, focus(field: string): void}}
 */
export function createScenarioForm(form, { onSubmit }) {
  const name = input('name', 'text');
  name.maxLength = 200;
  name.required = true;
  const group = select('group', WORKER_GROUPS.map((g) => [g, `review.group.${g}`]));
  const minutes = input('minutes', 'number', DEFAULT_MINUTES);
  minutes.min = '1';
  minutes.max = '120';
  const problem = select('problem', PROBLEMS.map((p) => [p.code, `plan.problem.${p.code}`]));
  const p = input('p', 'number', 5);
  p.min = '1';
  const target = input('target', 'number', 90);
  target.min = '1';
  target.max = '100';
  const pField = labelled('plan.form.p', p);
  const targetField = labelled('plan.form.target', target);
  const sources = checkboxes('sources', CANDIDATE_SOURCES, 'plan.source.', DEFAULT_SOURCES);
  const kinds = checkboxes('kinds', CANDIDATE_KINDS, 'plan.kind.', []);
  const kindsBox = el('details', 'plan-kinds');
  kindsBox.append(i18n(el('summary', 'form-label'), 'plan.form.kinds'), kinds);
  const budget = input('budget', 'number');
  budget.min = '0';
  const cost = input('cost', 'number');
  cost.min = '0';
  const solver = select('solver', SOLVERS.map((s) => [s, `plan.solver.${s}`]));
  const timeLimit = input('timeLimit', 'number', DEFAULT_TIME_LIMIT_SECONDS);
  timeLimit.min = '1';
  const timeField = labelled('plan.form.timeLimit', timeLimit);
  const submit = testId(i18n(el('button', 'button button-primary'), 'plan.form.submit'), 'plan-submit');
  submit.type = 'submit';

  const row = (...children) => {
    const div = el('div', 'plan-row');
    div.append(...children);
    return div;
  };
  const sourcesField = el('div', 'plan-field');
  sourcesField.append(i18n(el('span', 'form-label'), 'plan.form.sources'), sources);
  form.append(
    labelled('plan.form.name', name),
    row(labelled('plan.form.group', group), labelled('plan.form.minutes', minutes)),
    row(labelled('plan.form.problem', problem), pField, targetField),
    sourcesField,
    kindsBox,
    row(labelled('plan.form.budget', budget), labelled('plan.form.cost', cost)),
    row(labelled('plan.form.solver', solver), timeField),
    submit,
  );

  const sync = () => {
    const needs = PROBLEMS.find((x) => x.code === problem.value)?.needs;
    pField.hidden = needs !== 'p';
    targetField.hidden = needs !== 'target';
    timeField.hidden = solver.value !== 'exact';
  };
  problem.addEventListener('change', sync);
  solver.addEventListener('change', sync);
  sync();

  const checked = (box) => [...box.querySelectorAll('input:checked')].map((c) => c.value);
  const values = () => ({
    name: name.value,
    group: group.value,
    minutes: minutes.value,
    problem: problem.value,
    p: p.value,
    targetPercent: target.value,
    sources: checked(sources),
    kinds: checked(kinds),
    budgetWanYuan: budget.value,
    defaultCostWanYuan: cost.value,
    solver: solver.value,
    timeLimitSeconds: timeLimit.value,
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(values());
  });

  return {
    values,
    setBusy(busy) {
      submit.disabled = busy;
    },
    focus(field) {
      form.querySelector(`[data-field="${field}"]`)?.focus?.();
    },
  };
}
