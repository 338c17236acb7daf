/**
 * JUnit XML for CI test tabs: one test suite per area, one test case per control and subject.
 * A fail is a <failure>; not assessed and not applicable are <skipped>; an error is an <error>;
 * a should-level warning passes with its message on <system-out>; a waiver shows as properties.
 * Every value goes through xmlText/xmlAttribute: evidence text is the estate's, not ours.
 */
import { AREAS, type Area } from '../../controls/model.js';
import type { Assessment } from '../../engine/assess/assessment.js';
import type { ControlResult } from '../../engine/assess/result.js';
import { xmlAttribute, xmlText } from '../xml-escape.js';
import { describeProvenance, evidenceOf } from './evidence-locations.js';
import { subjectLabel } from './result-key.js';

interface SuiteCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export function* junitChunks(assessment: Assessment): Generator<string> {
  const byArea = AREAS.map((area) => ({
    area,
    results: assessment.results.filter((result) => result.area === area),
  })).filter((suite) => suite.results.length > 0);
  const total = counts(assessment.results);

  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="exzt" ${countAttributes(total)}>\n`;
  for (const suite of byArea) yield* suiteChunks(suite.area, suite.results);
  yield '</testsuites>\n';
}

function* suiteChunks(area: Area, results: ControlResult[]): Generator<string> {
  yield `  <testsuite name="${xmlAttribute(area)}" ${countAttributes(counts(results))}>\n`;
  for (const result of results) yield testCase(result);
  yield '  </testsuite>\n';
}

function counts(results: readonly ControlResult[]): SuiteCounts {
  const of = (verdicts: string[]) => results.filter((r) => verdicts.includes(r.verdict)).length;
  return {
    tests: results.length,
    failures: of(['fail']),
    errors: of(['error']),
    skipped: of(['not-assessed', 'not-applicable']),
  };
}

function countAttributes(count: SuiteCounts): string {
  return (
    `tests="${count.tests}" failures="${count.failures}" errors="${count.errors}" ` +
    `skipped="${count.skipped}"`
  );
}

function testCase(result: ControlResult): string {
  const name = `${result.control} ${result.title} [${subjectLabel(result.subject)}]`;
  const body = [properties(result), outcomeElement(result)].filter((part) => part !== '');
  const open =
    `    <testcase classname="${xmlAttribute(`exzt.${result.area}.${result.control}`)}" ` +
    `name="${xmlAttribute(name)}"`;
  if (body.length === 0) return `${open}/>\n`;

  return `${open}>\n${body.join('')}    </testcase>\n`;
}

function properties(result: ControlResult): string {
  const entries: Array<[string, string]> = [
    ['subject', result.subject.key],
    ['severity', result.severity],
    ['criticality', result.criticality],
    ['verdict', result.verdict],
  ];
  const waiver = result.waiver;
  if (waiver !== undefined) {
    entries.push(
      ['waiver.reason', waiver.reason],
      ['waiver.approvedBy', waiver.approvedBy],
      ['waiver.expires', waiver.expires],
      ['waiver.source', waiver.source],
    );
    if (waiver.ticket !== undefined) entries.push(['waiver.ticket', waiver.ticket]);
  }
  const lines = entries.map(
    ([name, value]) =>
      `        <property name="${xmlAttribute(name)}" value="${xmlAttribute(value)}"/>\n`,
  );
  return `      <properties>\n${lines.join('')}      </properties>\n`;
}

function outcomeElement(result: ControlResult): string {
  const message = xmlAttribute(result.message);
  switch (result.verdict) {
    case 'fail':
      return (
        `      <failure message="${message}" type="${result.severity}">` +
        `${xmlText(details(result))}</failure>\n`
      );
    case 'error':
      return `      <error message="${message}">${xmlText(result.error ?? result.message)}</error>\n`;
    case 'not-assessed':
    case 'not-applicable':
      return `      <skipped message="${xmlAttribute(`${result.verdict}: ${result.message}`)}"/>\n`;
    case 'warn':
    case 'waived':
      return `      <system-out>${xmlText(`${result.verdict}: ${details(result)}`)}</system-out>\n`;
    case 'pass':
      return '';
  }
}

/** The message, each finding, and where the evidence is. */
function details(result: ControlResult): string {
  const findings = result.findings.map((finding) =>
    finding.object === undefined
      ? `- ${finding.message}`
      : `- ${finding.object}: ${finding.message}`,
  );
  const more =
    result.findingCount > result.findings.length
      ? [`- … ${result.findingCount - result.findings.length} more`]
      : [];
  const evidence = evidenceOf(result).map((p) => `evidence: ${p.source} ${describeProvenance(p)}`);
  return [result.message, ...findings, ...more, ...evidence].join('\n');
}
