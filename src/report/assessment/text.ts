/**
 * The assessment for a terminal: an area-by-area summary, then what failed (worst first), what
 * could not be assessed, waivers, framework views and ZTMM stages. Evidence text passes through
 * terminalSafe, since server and object names come from the estate.
 */
import type { Assessment } from '../../engine/assess/assessment.js';
import { SEVERITY_ORDER } from '../../engine/assess/assessment.js';
import type { ControlResult } from '../../engine/assess/result.js';
import { renderTable, terminalSafe, type Cell, type Paint } from '../text-table.js';
import { summaryLine } from '../version-report/wording.js';

const AREA_NAMES: Record<string, string> = {
  identity: 'Identity',
  endpoints: 'Endpoints',
  apps: 'Apps',
  data: 'Data',
  infrastructure: 'Infrastructure',
  network: 'Network',
};

export function renderAssessmentText(assessment: Assessment, paint: Paint): string {
  return [
    heading(assessment),
    renderTable(
      ['Area', 'Score', 'Pass', 'Fail', 'Warn', 'Waived', 'N/A', 'Not assessed', 'Error'],
      assessment.scores.areas.map(areaRow),
      paint,
    ),
    '\n',
    section('Failures (must), worst first', byRisk(assessment, 'fail'), paint, 'bad'),
    section('Warnings (should)', byRisk(assessment, 'warn'), paint, 'warn'),
    notAssessedLines(assessment, paint),
    waiverLines(assessment),
    frameworkLines(assessment),
    ztmmLines(assessment),
    `Versions: ${summaryLine(assessment.versionReport.summary)}\n`,
  ].join('');
}

function heading(assessment: Assessment): string {
  const { metadata } = assessment;
  const policy =
    metadata.policyFile === null ? 'the default policy' : `policy ${metadata.policyFile}`;
  return (
    `Zero Trust assessment as of ${metadata.asOf.slice(0, 10)} against ${policy}; ` +
    `catalogue ${metadata.catalogueVersion}, knowledge base as of ${metadata.kbAsOf}\n\n`
  );
}

function areaRow(area: Assessment['scores']['areas'][number]): Cell[] {
  const count = (verdict: keyof typeof area.counts): Cell => ({
    text: String(area.counts[verdict]),
  });
  const score = area.score === null ? '-' : `${area.score}%`;
  const style =
    area.score === null ? 'dim' : area.score >= 90 ? 'good' : area.score >= 60 ? 'warn' : 'bad';
  return [
    { text: AREA_NAMES[area.area] ?? area.area, style: 'bold' },
    { text: score, style },
    count('pass'),
    { text: String(area.counts.fail), style: area.counts.fail > 0 ? 'bad' : 'plain' },
    { text: String(area.counts.warn), style: area.counts.warn > 0 ? 'warn' : 'plain' },
    count('waived'),
    count('not-applicable'),
    count('not-assessed'),
    count('error'),
  ];
}

function byRisk(assessment: Assessment, verdict: 'fail' | 'warn'): ControlResult[] {
  return assessment.results
    .filter((result) => result.verdict === verdict)
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}

/** One line per control and reason: six servers missing the same export are one line. */
function notAssessedLines(assessment: Assessment, paint: Paint): string {
  const groups = new Map<string, ControlResult[]>();
  for (const result of assessment.results) {
    if (result.verdict !== 'not-assessed' && result.verdict !== 'error') continue;
    const key = `${result.control}\u0000${result.message}`;
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  if (groups.size === 0) return '';

  const lines = [...groups.values()].map((results) => {
    const first = results[0] as ControlResult;
    const subjects = results.map((r) =>
      r.subject.type === 'organization' ? 'organisation' : r.subject.name,
    );
    const who = subjects.length > 3 ? `${subjects.length} servers` : subjects.join(', ');
    return `  ${first.control.padEnd(12)} ${terminalSafe(who).padEnd(14)} ${terminalSafe(first.message)}`;
  });
  return `${paint('bold', 'Not assessed (the evidence to judge by is missing)')}:\n${lines.join('\n')}\n\n`;
}

function section(
  title: string,
  results: ControlResult[],
  paint: Paint,
  style: 'bad' | 'warn' | 'dim',
): string {
  if (results.length === 0) return '';

  const lines = results.map((result) => {
    const subject = result.subject.type === 'organization' ? 'organisation' : result.subject.name;
    const count = result.findingCount > 1 ? ` (${result.findingCount} findings)` : '';
    return (
      `  ${paint(style, result.severity.padEnd(8))} ${result.control.padEnd(12)} ` +
      `${terminalSafe(subject).padEnd(12)} ${terminalSafe(result.message)}${count}`
    );
  });
  return `${paint('bold', title)}:\n${lines.join('\n')}\n\n`;
}

function waiverLines(assessment: Assessment): string {
  const { waivers, attestations } = assessment;
  const notices = [...waivers.expired, ...waivers.unused, ...waivers.refused].map(
    (notice) => `  ${terminalSafe(notice.message)}`,
  );
  const unread = attestations.unread.map((fact) => `  attestation ${fact}: no control reads it`);
  return (
    `Waivers: ${waivers.applied} applied, ${waivers.expired.length} expired, ` +
    `${waivers.unused.length} unused, ${waivers.refused.length} refused; ` +
    `attestations in force: ${attestations.inForce}\n` +
    [...notices, ...unread].map((line) => `${line}\n`).join('') +
    '\n'
  );
}

function frameworkLines(assessment: Assessment): string {
  const lines = assessment.scores.frameworks.map(
    (view) => `  ${view.name.padEnd(28)} ${view.summary}`,
  );
  return `Frameworks (exzt cannot certify; these are views of the results):\n${lines.join('\n')}\n\n`;
}

function ztmmLines(assessment: Assessment): string {
  const lines = assessment.scores.ztmm.map((pillar) => {
    const next =
      pillar.nextStage === undefined
        ? ''
        : `; ${pillar.nextStage} needs: ${pillar.reasons.slice(0, 2).join('; ')}`;
    return `  ${pillar.name.padEnd(28)} ${pillar.stage}${next}`;
  });
  return `CISA Zero Trust Maturity Model stage per pillar:\n${lines.join('\n')}\n\n`;
}
