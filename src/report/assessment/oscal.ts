/**
 * OSCAL 1.1.2 assessment-results (JSON) for auditors' tooling: one result for the run, with an
 * inventory item per subject, an observation per control and subject (its evidence as
 * relevant-evidence), a finding per control and subject, and a risk for every failure, warning
 * and waived failure. Every UUID is a v5 UUID of a stable key, so one assessment always gives one
 * document. The reviewed controls are the NIST SP 800-53 r5 ids the evaluated controls map to,
 * in the form of NIST's OSCAL catalogue ("AC-6(5)" → "ac-6.5").
 */
import type { Assessment, ControlEntry } from '../../engine/assess/assessment.js';
import type { ControlResult, Verdict } from '../../engine/assess/result.js';
import type { SubjectRef } from '../../evidence/model.js';
import { describeProvenance, evidenceOf } from './evidence-locations.js';
import { resultKey, subjectLabel } from './result-key.js';
import { uuidV5 } from './uuid-v5.js';

export const OSCAL_VERSION = '1.1.2';
/** Namespace of exzt's own OSCAL props (OSCAL requires a URI; this one names, never resolves). */
export const EXZT_OSCAL_NS = 'urn:exzt:oscal';

const AT_RISK: ReadonlySet<Verdict> = new Set(['fail', 'warn', 'waived']);

// TODO(#4): the document is built whole before it is written (json.ts streams); on a 204-server
// sample (7,372 results) that is 22 MB and about 2 s, fine today, not for estates ten times larger.
export function renderOscal(assessment: Assessment): string {
  return `${JSON.stringify(oscalDocument(assessment), null, 2)}\n`;
}

export function oscalDocument(assessment: Assessment): object {
  const { metadata } = assessment;
  const runKey = runIdentity(assessment);
  const policyResource = uuidV5(`policy:${runKey}`);
  const controls = new Map(assessment.controls.map((control) => [control.id, control]));
  return {
    'assessment-results': {
      uuid: uuidV5(`assessment-results:${runKey}`),
      metadata: {
        title: 'exzt Zero Trust assessment of an on-premises Exchange organisation',
        'last-modified': metadata.asOf,
        version: `exzt ${metadata.exztVersion}, catalogue ${metadata.catalogueVersion}`,
        'oscal-version': OSCAL_VERSION,
        props: [
          exztProp('kb-as-of', metadata.kbAsOf),
          exztProp('as-of-source', metadata.asOfSource),
        ],
      },
      'import-ap': {
        href: `#${policyResource}`,
        remarks:
          'exzt has no OSCAL assessment plan; the plan is the Zero Trust policy named in the back matter.',
      },
      results: [oscalResult(assessment, runKey, controls)],
      'back-matter': { resources: [policyResourceOf(assessment, policyResource)] },
    },
  };
}

/** What makes two runs the same run: when, against what, over which evidence. */
function runIdentity(assessment: Assessment): string {
  const { metadata } = assessment;
  const manifests = metadata.manifests.map((manifest) => manifest.sha256).join(',');
  return [
    metadata.asOf,
    metadata.catalogueVersion,
    metadata.policyHash ?? 'default',
    manifests,
  ].join('|');
}

function oscalResult(
  assessment: Assessment,
  runKey: string,
  controls: Map<string, ControlEntry>,
): object {
  const atRisk = assessment.results.filter((result) => AT_RISK.has(result.verdict));
  const summary = assessment.summary;
  return {
    uuid: uuidV5(`result:${runKey}`),
    title: `Zero Trust assessment as of ${assessment.metadata.asOf.slice(0, 10)}`,
    description:
      `${assessment.results.length} results: ${summary.pass} pass, ${summary.fail} fail, ` +
      `${summary.warn} warn, ${summary.waived} waived, ${summary['not-applicable']} not applicable, ` +
      `${summary['not-assessed']} not assessed, ${summary.error} error.`,
    start: assessment.metadata.asOf,
    'local-definitions': { 'inventory-items': subjectsOf(assessment).map(inventoryItem) },
    'reviewed-controls': reviewedControls(assessment.controls),
    observations: assessment.results.map((result) => observation(result, assessment)),
    ...(atRisk.length > 0
      ? { risks: atRisk.map((result) => risk(result, controls.get(result.control))) }
      : {}),
    findings: assessment.results.map(finding),
  };
}

function subjectsOf(assessment: Assessment): SubjectRef[] {
  const subjects = new Map<string, SubjectRef>();
  for (const result of assessment.results) subjects.set(result.subject.key, result.subject);
  return [...subjects.values()].sort((a, b) => a.key.localeCompare(b.key));
}

function inventoryItem(subject: SubjectRef): object {
  return {
    uuid: subjectUuid(subject),
    description:
      subject.type === 'server' ? `Exchange server ${subject.name}` : subjectLabel(subject),
    props: [exztProp('subject-key', subject.key), exztProp('subject-type', subject.type)],
  };
}

function subjectUuid(subject: SubjectRef): string {
  return uuidV5(`subject:${subject.key}`);
}

/** NIST's OSCAL SP 800-53 catalogue writes "AC-6(5)" as control-id "ac-6.5". */
export function oscalControlId(nist80053: string): string {
  return nist80053.toLowerCase().replace(/\((\d+)\)/g, '.$1');
}

function reviewedControls(controls: readonly ControlEntry[]): object {
  const ids = [
    ...new Set(controls.flatMap((control) => control.mappings.nist80053.map(oscalControlId))),
  ].sort();
  return {
    description:
      'The NIST SP 800-53 r5 controls that the evaluated exzt controls map to; exzt cannot ' +
      'certify them, it reports the results of the mapped checks.',
    'control-selections': [
      ids.length === 0
        ? { 'include-all': {} }
        : { 'include-controls': ids.map((id) => ({ 'control-id': id })) },
    ],
  };
}

function observation(result: ControlResult, assessment: Assessment): object {
  const evidence = evidenceOf(result);
  return {
    uuid: uuidV5(`observation:${resultKey(result)}`),
    title: `${result.control} on ${subjectLabel(result.subject)}`,
    description: result.message,
    props: [
      exztProp('control', result.control),
      exztProp('outcome', result.outcome),
      exztProp('verdict', result.verdict),
    ],
    methods: [result.basis === 'attested' ? 'INTERVIEW' : 'EXAMINE'],
    subjects: [
      {
        'subject-uuid': subjectUuid(result.subject),
        type: 'inventory-item',
        title: subjectLabel(result.subject),
      },
    ],
    ...(evidence.length > 0
      ? {
          'relevant-evidence': evidence.map((provenance) => ({
            description:
              `${provenance.source}: ${describeProvenance(provenance)} (sha256 ${provenance.sha256})` +
              (provenance.command === undefined ? '' : `, from ${provenance.command}`),
          })),
        }
      : {}),
    collected:
      result.evidence[0]?.collectedAt ??
      assessment.metadata.collectedAt ??
      assessment.metadata.asOf,
  };
}

function risk(result: ControlResult, control: ControlEntry | undefined): object {
  const key = resultKey(result);
  const remediation = control?.remediation.text;
  return {
    uuid: uuidV5(`risk:${key}`),
    title: `${result.control} ${result.title} (${subjectLabel(result.subject)})`,
    description: control?.rationale ?? result.title,
    statement: result.message,
    props: [exztProp('severity', result.severity), exztProp('criticality', result.criticality)],
    status: result.verdict === 'waived' ? 'deviation-approved' : 'open',
    ...(remediation === undefined
      ? {}
      : {
          remediations: [
            {
              uuid: uuidV5(`remediation:${key}`),
              lifecycle: 'recommendation',
              title: `Remediate ${result.control}`,
              description: remediation,
            },
          ],
        }),
    'related-observations': [{ 'observation-uuid': uuidV5(`observation:${key}`) }],
  };
}

function finding(result: ControlResult): object {
  const key = resultKey(result);
  return {
    uuid: uuidV5(`finding:${key}`),
    title: `${result.control} on ${subjectLabel(result.subject)}`,
    description: result.message,
    props: [exztProp('verdict', result.verdict)],
    target: {
      type: 'objective-id',
      'target-id': result.control,
      status: {
        state:
          result.verdict === 'pass' || result.verdict === 'not-applicable'
            ? 'satisfied'
            : 'not-satisfied',
        reason: result.outcome === 'pass' ? 'pass' : result.outcome === 'fail' ? 'fail' : 'other',
      },
    },
    'related-observations': [{ 'observation-uuid': uuidV5(`observation:${key}`) }],
    ...(AT_RISK.has(result.verdict)
      ? { 'related-risks': [{ 'risk-uuid': uuidV5(`risk:${key}`) }] }
      : {}),
  };
}

function policyResourceOf(assessment: Assessment, uuid: string): object {
  const { metadata } = assessment;
  return {
    uuid,
    title:
      metadata.policyFile === null
        ? 'exzt default Zero Trust policy'
        : `Zero Trust policy ${metadata.policyFile}`,
    description:
      'The policy the assessment held the organisation to; it stands in for an assessment plan.',
    ...(metadata.policyHash === null
      ? {}
      : {
          rlinks: [
            {
              href: metadata.policyFile ?? 'policy.yaml',
              hashes: [{ algorithm: 'SHA-256', value: metadata.policyHash }],
            },
          ],
        }),
  };
}

function exztProp(name: string, value: string): object {
  return { name, ns: EXZT_OSCAL_NS, value };
}
