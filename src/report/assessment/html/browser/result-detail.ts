/// <reference lib="dom" />
/**
 * Browser side of the HTML report: one result opened. Its findings with the value that failed
 * and where it was read (file, line:column, object path, SHA-256), the missing evidence, the
 * remediation with its PowerShell, the framework references, and the waiver or attestation
 * the verdict rests on. Every value is set as text.
 */
import type { ControlEntry } from '../../../../engine/assess/assessment.js';
import type { FactRef, HtmlReportData, HtmlResult } from '../report-data.js';
import type { App } from './app-state.js';
import { add, definitionList, el } from './dom.js';

export function resultBody(app: App, result: HtmlResult): HTMLElement {
  const { data } = app;
  const control = data.controls[result.control];
  const body = el('div', 'result-body');
  add(body, el('p', '', result.message));
  if (result.error !== undefined) add(body, el('h4', '', 'Error'), el('pre', '', result.error));
  if (result.missing !== undefined && result.missing.length > 0) {
    add(body, el('h4', '', 'Missing evidence'), el('p', 'mono', result.missing.join(', ')));
  }
  if (result.findings.length > 0) add(body, findingsBlock(data, result));
  if (result.evidence.length > 0) {
    add(body, el('h4', '', 'Evidence read'), factList(data, result.evidence));
  }
  if (result.waiver !== undefined) add(body, el('h4', '', 'Waiver'), waiverBlock(result));
  if (result.basis === 'attested' && control !== undefined) {
    add(body, el('h4', '', 'Attestation'), el('p', '', attestationText(control)));
  }
  if (control !== undefined) add(body, ...controlBlocks(control));
  return body;
}

export function findingsBlock(data: HtmlReportData, result: HtmlResult): HTMLElement {
  const shown = result.findings.length;
  const heading =
    result.findingCount > shown
      ? `Findings (${result.findingCount}, the first ${shown} listed)`
      : `Findings (${result.findingCount})`;
  const list = el('ol');
  for (const finding of result.findings) {
    const item = add(
      el('li'),
      el('strong', '', finding.object ?? null),
      finding.object === undefined ? '' : ': ',
      finding.message,
    );
    if (finding.value !== undefined)
      add(item, el('pre', '', JSON.stringify(finding.value, null, 2)));
    if (finding.evidence.length > 0) add(item, factList(data, finding.evidence));
    add(list, item);
  }
  return add(el('div'), el('h4', '', heading), list) as HTMLElement;
}

export function factList(data: HtmlReportData, facts: FactRef[]): HTMLElement {
  const list = el('ul', 'facts');
  for (const fact of facts) add(list, el('li', 'mono', factText(data, fact)));
  return list;
}

/** "bundle/EX01/exchange.server.xml:12:3 Objs[0].Props.Name sha256 ab12… (Get-ExchangeServer)". */
export function factText(data: HtmlReportData, fact: FactRef): string {
  const file = data.files[fact.file];
  if (file === undefined) return `unknown file #${fact.file}`;

  const position =
    fact.line === undefined
      ? ''
      : `:${fact.line}${fact.column === undefined ? '' : `:${fact.column}`}`;
  const parts = [`${file.source}/${file.member}${position}`];
  if (fact.objectPath !== undefined) parts.push(fact.objectPath);
  if (fact.offset !== undefined) parts.push(`byte ${fact.offset}`);
  parts.push(`sha256 ${file.sha256}`);
  if (file.command !== undefined) parts.push(`(${file.command})`);
  if (file.collectedAt !== undefined) parts.push(`collected ${file.collectedAt}`);
  return parts.join('  ');
}

export function waiverBlock(result: HtmlResult): HTMLElement {
  const waiver = result.waiver;
  if (waiver === undefined) return el('p');

  return definitionList([
    ['Reason', waiver.reason],
    ['Approved by', waiver.approvedBy],
    ['Ticket', waiver.ticket ?? null],
    ['Expires', waiver.expires],
    ['Defined at', waiver.source],
    ['Outcome without the waiver', result.outcome],
  ]);
}

// TODO(#4): name the attestation itself (statement, attested by, date, expiry): the Assessment
// records only that a pass rests on one, so the report can name the facts the control accepts.
export function attestationText(control: ControlEntry): string {
  const facts =
    control.attestations.length === 0 ? 'an attested fact' : control.attestations.join(', ');
  return `This pass rests on the organisation's attestation (${facts}), not on evidence.`;
}

export function controlBlocks(control: ControlEntry): HTMLElement[] {
  const blocks = [
    el('h4', '', `${control.id}: why it matters`),
    el('p', '', control.rationale),
    el('h4', '', 'Remediation'),
    el('p', '', control.remediation.text),
  ];
  if (control.remediation.powershell !== undefined) {
    blocks.push(el('pre', 'powershell', control.remediation.powershell));
  }
  blocks.push(el('h4', '', 'Framework references'), definitionList(mappingEntries(control)));
  blocks.push(
    el(
      'p',
      'muted',
      `${control.severity}, ${control.criticality}${control.waivable ? '' : ', not waivable'}; rule page ${control.doc}`,
    ),
  );
  return blocks;
}

export function mappingEntries(control: ControlEntry): Array<[string, string]> {
  const m = control.mappings;
  const list = (ids: string[]) => (ids.length === 0 ? '—' : ids.join(', '));
  return [
    ['CIS Controls v8', list(m.cisV8)],
    ['NIST SP 800-207', list(m.nist800207)],
    ['ISO/IEC 27001:2022', list(m.iso27001)],
    ['NIST SP 800-53 r5', list(m.nist80053)],
    ['DISA STIG', list(m.disaStig)],
    ['CISA ZTMM', list(m.ztmm.map((z) => `${z.pillar}: ${z.function}`))],
  ];
}
