/// <reference lib="dom" />
/**
 * Browser side of the HTML report: one view per framework (CIS Controls v8, NIST SP 800-207,
 * ISO/IEC 27001:2022, NIST SP 800-53 r5, DISA STIG, CISA ZTMM). Each mapped id with its status,
 * its controls and how their results came out, and the framework's coverage. A view, never a
 * certification: the summary says "no failing mapped control", not "compliant".
 */
import type { FrameworkView } from '../../../../engine/assess/framework-coverage.js';
import type { App } from './app-state.js';
import { add, badge, el, table } from './dom.js';
import { showControl } from './findings.js';

export function renderFrameworks(app: App, showFindings: () => void): HTMLElement {
  const section = add(el('section', 'view'), el('h2', '', 'Frameworks'));
  for (const view of app.data.scores.frameworks) {
    add(section, frameworkSection(app, view, showFindings));
  }
  return section as HTMLElement;
}

export function frameworkSection(
  app: App,
  view: FrameworkView,
  showFindings: () => void,
): HTMLElement {
  const coverage =
    `${view.mappedIds} of ${view.catalogueIds} catalogue ids mapped, ${view.assessedIds} assessed, ` +
    `${view.failingIds} failing, ${view.waivedIds} waived`;
  const rows = view.ids.map((id) => {
    const controls = el('div');
    for (const controlId of id.controls)
      add(controls, controlState(app, controlId, showFindings), ' ');
    return [id.id, id.title, badge(id.status, idTone(id.status)), controls];
  });
  const section = add(
    el('section', 'framework'),
    el('h3', '', `${view.name} ${view.version}`),
    el('p', '', view.summary),
    el('p', 'muted', coverage),
    table(['Id', 'Title', 'Status', 'Controls and their results'], rows),
  );
  (section as HTMLElement).dataset.framework = view.framework;
  return section as HTMLElement;
}

export function idTone(status: string): string {
  if (status === 'satisfied') return 'pass';
  if (status === 'failing') return 'fail';
  if (status === 'waived') return 'waived';
  return 'not-assessed';
}

/** "EXZT.IDN.1 fail 1/1": the control's worst verdict and how many of its results have it. */
export function controlState(app: App, controlId: string, showFindings: () => void): HTMLElement {
  const index = app.data.controls.findIndex((control) => control.id === controlId);
  const counts = app.controlVerdicts[index] ?? {};
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const worst = worstVerdict(counts);
  const link = el('button', 'link', controlId) as HTMLButtonElement;
  link.type = 'button';
  link.title = 'show its results in Findings';
  link.addEventListener('click', () => {
    showControl(app, controlId);
    showFindings();
  });
  const state =
    worst === null
      ? badge('no result', 'not-assessed')
      : badge(`${worst} ${counts[worst]}/${total}`, worst);
  return add(el('span', 'control-state'), link, state) as HTMLElement;
}

export function worstVerdict(counts: Record<string, number>): string | null {
  const order = ['fail', 'warn', 'error', 'not-assessed', 'waived', 'pass', 'not-applicable'];
  return order.find((verdict) => (counts[verdict] ?? 0) > 0) ?? null;
}
