/**
 * SARIF 2.1.0 for code-scanning dashboards: one rule per control in catalogue order (so rule
 * indexes stay stable), one result per control and subject that needs attention (fail, warn,
 * waived as a suppressed result, not assessed, error), a fingerprint from control and stable
 * subject key so a dashboard tracks a result across runs, and locations in the evidence files.
 * Passing and not-applicable results are left out: a dashboard lists what to act on; the JSON
 * format holds everything.
 */
import type { Assessment, ControlEntry } from '../../engine/assess/assessment.js';
import type { ControlResult, Verdict } from '../../engine/assess/result.js';
import type { Provenance } from '../../evidence/model.js';
import { evidenceOf } from './evidence-locations.js';
import { resultKey, subjectLabel } from './result-key.js';
import { sarifKind, sarifLevel, securitySeverity } from './sarif-level.js';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The base every artifact URI is relative to: the bundle or folder given to `exzt assess`. */
const EVIDENCE_BASE = 'EVIDENCE';

const REPORTED: ReadonlySet<Verdict> = new Set(['fail', 'warn', 'waived', 'not-assessed', 'error']);

export function renderSarif(assessment: Assessment): string {
  const ruleIndex = new Map(assessment.controls.map((control, index) => [control.id, index]));
  const fallback = fallbackLocations(assessment);
  const results = assessment.results
    .filter((result) => REPORTED.has(result.verdict))
    .map((result) => sarifResult(result, ruleIndex.get(result.control) ?? -1, fallback(result)));
  const { metadata } = assessment;
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'exzt',
            version: metadata.exztVersion,
            rules: assessment.controls.map(sarifRule),
          },
        },
        invocations: [{ executionSuccessful: true }],
        originalUriBaseIds: {
          [EVIDENCE_BASE]: {
            description: { text: 'The evidence bundle or folder the assessment read.' },
          },
        },
        results,
        properties: {
          asOf: metadata.asOf,
          kbAsOf: metadata.kbAsOf,
          catalogueVersion: metadata.catalogueVersion,
          policyHash: metadata.policyHash,
          evidenceSources: metadata.manifests.map((manifest) => manifest.source),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRule(control: ControlEntry): object {
  const powershell = control.remediation.powershell;
  const fix = powershell === undefined ? '' : `\n\n${powershell}`;
  const text =
    `${control.rationale}\n\nRemediation: ${control.remediation.text}${fix}\n\n` +
    `Documentation: ${control.doc}`;
  const markdown =
    `${control.rationale}\n\n**Remediation:** ${control.remediation.text}` +
    (powershell === undefined ? '' : `\n\n\`\`\`powershell\n${powershell}\n\`\`\``) +
    `\n\nDocumentation: [${control.doc}](${control.doc})`;
  return {
    id: control.id,
    name: control.id.replace(/\./g, ''),
    shortDescription: { text: control.title },
    fullDescription: { text: control.rationale },
    help: { text, markdown },
    defaultConfiguration: { level: sarifLevel(control.severity, 'fail') },
    properties: {
      tags: ['security', 'exchange', control.area],
      'security-severity': securitySeverity(control.severity),
      severity: control.severity,
      criticality: control.criticality,
      waivable: control.waivable,
      doc: control.doc,
      mappings: control.mappings,
    },
  };
}

/**
 * GitHub code scanning refuses a result without a location ("expected at least one location"),
 * yet a not-assessed result has no evidence by definition. It then points at the bundle's
 * manifest (what was collected), or else at another evidence file of the same subject.
 */
function fallbackLocations(assessment: Assessment): (result: ControlResult) => Provenance[] {
  const bySubject = new Map<string, Provenance>();
  for (const result of assessment.results) {
    const first = evidenceOf(result, 1)[0];
    if (first !== undefined && !bySubject.has(result.subject.key)) {
      bySubject.set(result.subject.key, first);
    }
  }
  const manifest = assessment.metadata.manifests[0];
  const any = [...bySubject.values()][0];
  return (result) => {
    if (manifest !== undefined) {
      return [{ member: 'manifest.json', source: manifest.source, sha256: manifest.sha256 }];
    }
    const own = bySubject.get(result.subject.key) ?? any;
    return own === undefined ? [] : [{ ...own, line: undefined, column: undefined }];
  };
}

function sarifResult(result: ControlResult, ruleIndex: number, fallback: Provenance[]): object {
  const evidence = evidenceOf(result);
  const locations = (evidence.length > 0 ? evidence : fallback).map(sarifLocation);
  return {
    ruleId: result.control,
    ruleIndex,
    kind: sarifKind(result.verdict),
    level: sarifLevel(result.severity, result.verdict),
    message: { text: `${subjectLabel(result.subject)}: ${result.message}` },
    ...(locations.length > 0 ? { locations } : {}),
    partialFingerprints: { 'exztResult/v1': resultKey(result) },
    ...(result.waiver === undefined ? {} : { suppressions: [suppression(result)] }),
    properties: {
      subject: result.subject,
      verdict: result.verdict,
      outcome: result.outcome,
      severity: result.severity,
      criticality: result.criticality,
      findingCount: result.findingCount,
      ...(result.missing === undefined ? {} : { missing: result.missing }),
    },
  };
}

function sarifLocation(provenance: Provenance): object {
  const region =
    provenance.line === undefined
      ? {}
      : {
          region: {
            startLine: provenance.line,
            ...(provenance.column === undefined ? {} : { startColumn: provenance.column }),
          },
        };
  return {
    physicalLocation: {
      artifactLocation: {
        uri: provenance.member.split('/').map(encodeURIComponent).join('/'),
        uriBaseId: EVIDENCE_BASE,
      },
      ...region,
    },
    ...(provenance.objectPath === undefined
      ? {}
      : { logicalLocations: [{ fullyQualifiedName: provenance.objectPath, kind: 'object' }] }),
  };
}

function suppression(result: ControlResult): object {
  const waiver = result.waiver;
  if (waiver === undefined) return {};

  const ticket = waiver.ticket === undefined ? '' : `, ${waiver.ticket}`;
  return {
    kind: 'external',
    status: 'accepted',
    justification:
      `${waiver.reason} (approved by ${waiver.approvedBy}${ticket}; expires ${waiver.expires}; ` +
      `${waiver.source})`,
  };
}
