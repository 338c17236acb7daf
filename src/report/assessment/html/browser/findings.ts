/// <reference lib="dom" />
/**
 * Browser side of the HTML report: the findings view. Filters by area, severity, verdict,
 * outcome, framework (or one framework id), server and free text; one page of results is drawn
 * at a time and a result's details are built only when it is opened, so a 200-server report
 * stays responsive. While printing, every matching result is drawn and opened.
 * TODO(#4): printing all 12,800 results of a 200-server report builds them all at once (seconds,
 * a PDF of thousands of pages); filter first. A print-only summary view would serve it better.
 */
import type { App, Filters } from './app-state.js';
import { applyFilters } from './app-state.js';
import { add, badge, clear, el, plural } from './dom.js';
import { resultBody } from './result-detail.js';

export function renderFindings(app: App): HTMLElement {
  const section = el('section', 'view');
  const { findings } = app;
  findings.form = filterForm(app);
  findings.count = el('p', 'count');
  findings.count.id = 'findings-count';
  findings.list = el('div', 'results');
  findings.pager = el('div', 'pager');
  add(
    section,
    el('h2', '', 'Findings'),
    findings.form,
    findings.count,
    findings.list,
    findings.pager,
  );
  drawResults(app);
  return section;
}

export function filterForm(app: App): HTMLElement {
  const { data } = app;
  const form = el('form', 'filters');
  form.addEventListener('submit', (event) => event.preventDefault());
  const areas = [...new Set(data.controls.map((c) => c.area))];
  const word = (value: string): [string, string] => [value, value];
  add(
    form,
    filterSelect(app, 'area', 'Area', [['', 'any area'], ...areas.map(word)]),
    filterSelect(app, 'severity', 'Severity', [
      ['', 'any severity'],
      ...['critical', 'high', 'medium', 'low', 'info'].map(word),
    ]),
    filterSelect(app, 'verdict', 'Verdict', [
      ['', 'any verdict'],
      ...['pass', 'fail', 'warn', 'waived', 'not-applicable', 'not-assessed', 'error'].map(word),
    ]),
    filterSelect(app, 'outcome', 'Outcome', [
      ['', 'any outcome'],
      ...['pass', 'fail', 'not-applicable', 'not-assessed', 'error'].map(word),
    ]),
    frameworkSelect(app),
    filterSelect(app, 'subject', 'Server', [
      ['', 'any subject'],
      ...data.subjects.map((s, i): [string, string] => [
        String(i),
        s.type === 'organization' ? `${s.name} (organisation)` : s.name,
      ]),
    ]),
    textFilter(app),
  );
  return form;
}

export function filterSelect(
  app: App,
  key: keyof Filters,
  label: string,
  options: Array<[string, string]>,
): HTMLElement {
  const select = document.createElement('select');
  select.name = key;
  for (const [value, text] of options) add(select, optionOf(value, text));
  select.addEventListener('change', () => setFilter(app, key, select.value));
  return add(el('label', '', label), select) as HTMLElement;
}

export function optionOf(value: string, text: string): HTMLOptionElement {
  const option = document.createElement('option');
  option.value = value;
  option.textContent = text;
  return option;
}

/** Any control mapped to a framework, or to one id of it; ids grouped under their framework. */
export function frameworkSelect(app: App): HTMLElement {
  const select = document.createElement('select');
  select.name = 'framework';
  add(select, optionOf('', 'any framework'));
  for (const view of app.data.scores.frameworks) {
    const group = document.createElement('optgroup');
    group.label = `${view.name} ${view.version}`;
    add(group, optionOf(view.framework, `any ${view.name} id`));
    for (const id of view.ids)
      add(group, optionOf(`${view.framework}|${id.id}`, `${id.id} ${id.title}`));
    add(select, group);
  }
  select.addEventListener('change', () => setFilter(app, 'framework', select.value));
  return add(el('label', '', 'Framework'), select) as HTMLElement;
}

export function textFilter(app: App): HTMLElement {
  const input = document.createElement('input');
  input.type = 'search';
  input.name = 'text';
  input.placeholder = 'control, server, message, object';
  input.addEventListener('input', () => setFilter(app, 'text', input.value));
  return add(el('label', '', 'Text'), input) as HTMLElement;
}

export function setFilter(app: App, key: keyof Filters, value: string): void {
  app.filters[key] = value;
  applyFilters(app);
  drawResults(app);
}

/** Shows the findings of one control: used by the framework view's control links. */
export function showControl(app: App, controlId: string): void {
  const input = app.findings.form.querySelector('input[name="text"]') as HTMLInputElement | null;
  if (input !== null) input.value = controlId;
  setFilter(app, 'text', controlId);
}

export function drawResults(app: App): void {
  const { list, count } = app.findings;
  const total = app.matched.length;
  const first = app.printing ? 0 : app.page * app.pageSize;
  const shown = app.printing ? app.matched : app.matched.slice(first, first + app.pageSize);
  const fragment = document.createDocumentFragment();
  for (const index of shown) fragment.appendChild(resultRow(app, index, app.printing));
  clear(list);
  list.appendChild(fragment);
  count.textContent =
    total === 0
      ? `No result matches (of ${app.data.results.length}).`
      : `${plural(total, 'result')} of ${app.data.results.length}; showing ${first + 1}–${first + shown.length}.`;
  drawPager(app);
}

export function drawPager(app: App): void {
  const { pager } = app.findings;
  clear(pager);
  const pages = Math.max(1, Math.ceil(app.matched.length / app.pageSize));
  const step = (label: string, target: number) => {
    const button = el('button', '', label) as HTMLButtonElement;
    button.type = 'button';
    button.disabled = target < 0 || target >= pages;
    button.addEventListener('click', () => {
      app.page = target;
      drawResults(app);
    });
    return button;
  };
  add(
    pager,
    step('Previous', app.page - 1),
    el('span', '', `page ${app.page + 1} of ${pages}`),
    step('Next', app.page + 1),
  );
}

export function resultRow(app: App, index: number, open: boolean): HTMLElement {
  const result = app.data.results[index];
  const details = el('details', 'result') as HTMLDetailsElement;
  if (result === undefined) return details;

  const control = app.data.controls[result.control];
  const subject = app.data.subjects[result.subject];
  const summary = add(
    el('summary'),
    badge(result.verdict),
    el('span', 'muted', control?.severity),
    el('span', 'control', control?.id),
    el('span', '', control?.title),
    el('span', 'subject', subject?.name),
    el('span', 'message', result.message),
  );
  details.dataset.index = String(index);
  add(details, summary);
  const fill = () => {
    if (details.open && details.childElementCount === 1) add(details, resultBody(app, result));
  };
  details.addEventListener('toggle', fill);
  if (open) {
    details.open = true;
    fill();
  }
  return details;
}
