/// <reference lib="dom" />
/**
 * Browser side of the HTML report: the overview. Posture per functional area as an inline SVG
 * chart (no library, nothing loaded), top risks with known-exploited exposure first, the CISA
 * ZTMM stage per pillar with its reasons, the version report across servers, and what the run
 * was made from.
 */
import type { AreaScore } from '../../../../engine/assess/scores.js';
import type { HtmlReportData } from '../report-data.js';
import { add, badge, definitionList, el, plural, svgEl, table } from './dom.js';

export function renderOverview(data: HtmlReportData): HTMLElement {
  return add(
    el('section', 'view'),
    el('h2', '', 'Posture per functional area'),
    verdictChips(data.summary),
    postureChart(data.scores.areas),
    el('h2', '', 'Top risks'),
    topRiskList(data),
    el('h2', '', 'CISA Zero Trust Maturity Model stage per pillar'),
    ztmmTable(data),
    el('h2', '', 'Versions across servers'),
    el('p', 'muted', versionSummary(data)),
    versionTable(data),
    el('h2', '', 'Waivers and attestations'),
    waiverNotes(data),
    el('h2', '', 'Run'),
    runMetadata(data),
  ) as HTMLElement;
}

export function chartOrder(): string[] {
  return ['pass', 'waived', 'warn', 'fail', 'error', 'not-assessed', 'not-applicable'];
}

export function verdictChips(summary: Record<string, number>): HTMLElement {
  const chips = el('div', 'chips');
  for (const verdict of chartOrder()) {
    add(chips, badge(`${verdict} ${summary[verdict] ?? 0}`, verdict));
  }
  return chips;
}

/** One stacked bar per area: each verdict's share of the area's results, then the score. */
export function postureChart(areas: AreaScore[]): SVGElement {
  const rowHeight = 28;
  const labelWidth = 120;
  const barWidth = 420;
  const chart = svgEl('svg', {
    class: 'posture',
    role: 'img',
    width: labelWidth + barWidth + 190,
    height: rowHeight * areas.length + 4,
    'aria-label': 'Results per functional area by verdict',
  });
  areas.forEach((area, row) => {
    const y = row * rowHeight + 4;
    add(chart, svgText(area.area, 0, y + 15));
    add(
      chart,
      svgEl('rect', { class: 'bar track', x: labelWidth, y, width: barWidth, height: 18 }),
    );
    let x = labelWidth;
    for (const verdict of chartOrder()) {
      const count = area.counts[verdict as keyof AreaScore['counts']];
      if (count === 0 || area.results === 0) continue;

      const width = (barWidth * count) / area.results;
      const toneClass = verdict === 'not-applicable' ? 'na' : verdict;
      const rect = svgEl('rect', { class: `bar v-${toneClass}`, x, y, width, height: 18 });
      add(rect, add(svgEl('title', {}), `${area.area}: ${count} ${verdict}`));
      add(chart, rect);
      x += width;
    }
    add(chart, svgText(areaScoreText(area), labelWidth + barWidth + 8, y + 15));
  });
  return chart;
}

export function svgText(text: string, x: number, y: number): SVGElement {
  const node = svgEl('text', { x, y });
  node.textContent = text;
  return node;
}

export function areaScoreText(area: AreaScore): string {
  const score = area.score === null ? 'not scored' : `score ${area.score}`;
  const coverage = area.coveragePercent === null ? '' : `, coverage ${area.coveragePercent}%`;
  return `${score}${coverage}`;
}

export function topRiskList(data: HtmlReportData): HTMLElement {
  if (data.topRisks.length === 0) {
    return el('p', 'muted', 'No known-exploited exposure and no failing critical or high control.');
  }

  const list = el('ol', 'risks');
  for (const risk of data.topRisks) {
    const tone =
      risk.kind === 'known-exploited'
        ? 'fail'
        : risk.kind === 'critical-failure'
          ? 'error'
          : 'warn';
    add(
      list,
      add(
        el('li'),
        badge(risk.kind, tone),
        ' ',
        risk.title,
        ' ',
        el('span', 'muted', risk.subjects.join(', ')),
      ),
    );
  }
  return list;
}

export function ztmmTable(data: HtmlReportData): HTMLElement {
  const rows = data.scores.ztmm.map((pillar) => {
    const reasons = el('ul', 'facts');
    for (const reason of pillar.reasons) add(reasons, el('li', '', reason));
    return [pillar.name, badge(pillar.stage, 'pass'), pillar.nextStage ?? '—', reasons];
  });
  return table(['Pillar', 'Stage reached', 'Next stage', 'Why not the next stage'], rows);
}

export function versionSummary(data: HtmlReportData): string {
  const s = data.versions.summary;
  const kb = data.versions.kb.warning === null ? '' : ` ${data.versions.kb.warning}`;
  return (
    `${plural(s.servers, 'server')}: ${s.supported} supported, ${s.outOfDate} out of date, ` +
    `${s.endOfLife} end of life, ${s.restartNeeded} need a restart; ${s.openCves} open CVEs, ` +
    `${s.knownExploitedOpen} of them known exploited. Knowledge as of ${data.versions.kb.asOf}.${kb}`
  );
}

export function versionTable(data: HtmlReportData): HTMLElement {
  const rows = data.versions.servers.map((row) => {
    const cves = el('div');
    for (const cve of row.openCves) {
      add(
        cves,
        el('span', 'mono', `${cve.id} ${cve.state}`),
        cve.knownExploited ? badge('KEV', 'fail') : null,
        ' ',
      );
    }
    return [
      row.name,
      row.productName,
      [row.cu, row.su].filter((part) => part !== null).join(' '),
      row.build,
      row.latestSu,
      row.suBehind,
      badge(row.status, row.status === 'supported' ? 'pass' : 'fail'),
      row.suActivation,
      row.cveCounts.exposed,
      row.cveCounts.knownExploitedOpen,
      cves,
      row.nextStep,
    ];
  });
  const headers = [
    'Server',
    'Product',
    'CU / SU',
    'Build',
    'Latest SU',
    'SUs behind',
    'Status',
    'SU active',
    'Exposed',
    'Known exploited',
    'Open CVEs',
    'Next step',
  ];
  return table(headers, rows, [5, 8, 9]);
}

export function waiverNotes(data: HtmlReportData): HTMLElement {
  const { waivers, attestations } = data;
  const list = el('ul', 'facts');
  add(
    list,
    el(
      'li',
      '',
      `${plural(waivers.applied, 'result')} waived; ${attestations.inForce} attestations in force`,
    ),
  );
  for (const notice of [...waivers.expired, ...waivers.refused, ...waivers.unused]) {
    add(list, el('li', '', notice.message));
  }
  if (attestations.unread.length > 0) {
    add(list, el('li', '', `attested facts no control reads: ${attestations.unread.join(', ')}`));
  }
  return list;
}

export function runMetadata(data: HtmlReportData): HTMLElement {
  const m = data.metadata;
  return definitionList([
    ['exzt version', m.exztVersion],
    ['Knowledge base as of', m.kbAsOf],
    ['Control catalogue', m.catalogueVersion],
    ['Policy', m.policyFile === null ? 'built-in default policy' : m.policyFile],
    ['Policy SHA-256', m.policyHash],
    ['Evidence collected at', m.collectedAt],
    ['Judged as of', `${m.asOf} (${m.asOfSource})`],
    ...m.manifests.map((manifest): [string, string] => [
      `Manifest ${manifest.source}`,
      `SHA-256 ${manifest.sha256}`,
    ]),
    ['Results', data.results.length],
  ]);
}
